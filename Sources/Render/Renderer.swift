// Pages → PDF (tagged, with outline, links, page labels and metadata: `PDFWriter`) and PNG previews
// (Cairo, through `Painter`).
//
// The PDF is written to a temporary file beside the target and renamed into place only when it is
// complete, so a failed build never leaves a truncated PDF or destroys the previous one.
//
// Reproducibility: both dates come from the document (`DocumentMetadata.reproducibleDate`), font
// subset tags are derived from the glyphs used, and objects are written in drawing order, so
// identical pages give identical bytes.
import Base
import CCairo
import CPango
import Foundation
import Layout

/// Writes laid-out documents. Not Sendable (holds Pango objects); see `TextShaper` on threads.
public final class Renderer {
    public let shaper: TextShaper
    /// The PDF Creator entry, e.g. "Almanac 0.1.0".
    public var creator: String
    /// Write structure tags (tagged PDF). On by default; off only saves time on huge documents.
    public var tagged = true
    /// Called after each page is drawn with (pages done, pages in all), for progress on a terminal.
    public var progress: ((Int, Int) -> Void)?

    public init(shaper: TextShaper, creator: String = "Almanac") {
        self.shaper = shaper
        self.creator = creator
    }

    /// Writes a tagged PDF atomically to `path`.
    public func writePDF(_ document: LaidOutDocument, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw RenderError.output(path: path, reason: "folder \(dir) does not exist")
        }
        // A short name of its own (not the target's name plus a suffix): a 250-character file
        // name would otherwise make the temporary name too long for the file system.
        var template = Array((dir + "/.almanac-" + String(url.lastPathComponent.prefix(16)) + ".XXXXXX").utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw RenderError.output(path: path, reason: "cannot create a file in \(dir): \(String(cString: strerror(errno)))") }
        close(fd)
        let temp = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        let pending = Cleanup.shared.remove(temp)  // removed if SIGINT/SIGTERM stops the build
        defer { Cleanup.shared.done(pending) }
        do {
            let tree = tagged ? StructureTree(document) : nil
            let writer = try PDFWriter(document: document, tree: tree, shaper: shaper, creator: creator, path: temp)
            writer.progress = progress
            try writer.write()
            // mkstemp creates 0600; give the PDF the usual permissions.
            chmod(temp, 0o644)
            try Cleanup.shared.unlessStopped {
                guard rename(temp, path) == 0 else {
                    throw RenderError.output(path: path, reason: "cannot replace it: \(String(cString: strerror(errno)))")
                }
            }
        } catch {
            unlink(temp)
            throw Self.naming(path, error)
        }
    }

    /// A failed write names the file the user asked for (not the temporary one) and the likely
    /// fix: Cairo reports a full disk as "unexpected PDF trailer" or a write error.
    static func naming(_ path: String, _ error: any Error) -> any Error {
        let reason: String
        switch error as? RenderError {
        case .output(_, let r)?: reason = r
        case .cairo(let m)? where !m.hasPrefix("page ") || m.hasSuffix("error while writing to output stream"): reason = "Cairo: " + m
        default: return error
        }
        return RenderError.output(path: path, reason: "could not be written (\(reason)); check that its disk has free space; any previous file is unchanged")
    }

    /// Renders pages to PNG files `page-001.png`… in `directory` at `dpi`; all pages when `pages` is nil.
    /// Returns the paths written.
    @discardableResult
    public func writePNGs(_ document: LaidOutDocument, directory: String, dpi: Double = 96, pages: [Int]? = nil) throws -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw RenderError.output(path: directory, reason: "cannot create the folder")
        }
        let painter = Painter(shaper: shaper)
        var written: [String] = [], temps: [String] = []
        let digits = max(3, String(document.pages.count).count)
        // All or nothing: every page goes to a temporary name first and the set is renamed into
        // place only when all are written, so a full disk leaves the previous previews.
        defer { for temp in temps { unlink(temp) } }
        for i in pages ?? Array(document.pages.indices) where document.pages.indices.contains(i) {
            let name = "page-" + String(repeating: "0", count: max(0, digits - String(i + 1).count)) + String(i + 1) + ".png"
            let path = (directory as NSString).appendingPathComponent(name)
            temps.append(try renderPNG(document.pages[i], pageIndex: i, for: path, dpi: dpi, painter: painter))
            written.append(path)
        }
        try Cleanup.shared.unlessStopped {
            for (temp, path) in zip(temps, written) where rename(temp, path) != 0 {
                throw RenderError.output(path: path, reason: "cannot replace it: \(String(cString: strerror(errno)))")
            }
        }
        temps = []
        return written
    }

    /// Renders one page to a PNG file (written to a temporary name, then renamed).
    public func writePNG(_ page: Page, to path: String, dpi: Double = 96) throws {
        try writePNG(page, pageIndex: 0, to: path, dpi: dpi, painter: Painter(shaper: shaper))
    }

    private func writePNG(_ page: Page, pageIndex: Int, to path: String, dpi: Double, painter: Painter) throws {
        let temp = try renderPNG(page, pageIndex: pageIndex, for: path, dpi: dpi, painter: painter)
        defer { unlink(temp) }  // gone once renamed; otherwise not left behind
        try Cleanup.shared.unlessStopped {
            guard rename(temp, path) == 0 else {
                throw RenderError.output(path: path, reason: "cannot replace it: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Renders `page` to a temporary file beside `path` and returns its name (the caller renames
    /// or removes it; it is registered for removal if a signal stops the process).
    private func renderPNG(_ page: Page, pageIndex: Int, for path: String, dpi: Double, painter: Painter) throws -> String {
        let scale = dpi / 72
        let w = Int32((page.size.width * scale).rounded()), h = Int32((page.size.height * scale).rounded())
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h) else { throw RenderError.cairo("no image surface") }
        defer { cairo_surface_destroy(surface) }
        guard let cr = cairo_create(surface) else { throw RenderError.cairo("no context") }
        defer { cairo_destroy(cr) }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        painter.attach(cr)
        try painter.draw(page.items, on: cr)
        cairo_surface_flush(surface)
        // The process id keeps two builds writing previews to one folder apart.
        let temp = path + ".\(getpid()).tmp"
        _ = Cleanup.shared.remove(temp)  // stays registered: the caller renames it later
        let status = cairo_surface_write_to_png(surface, temp)
        guard status == CAIRO_STATUS_SUCCESS else {
            unlink(temp)
            throw RenderError.output(path: path, reason: "could not be written (\(String(cString: cairo_status_to_string(status)))); check that its disk has free space; the previous previews are unchanged")
        }
        return temp
    }
}
