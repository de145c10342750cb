import Foundation
import Layout
import Render

/// A fresh scratch folder per call.
func scratchDirectory(_ name: String = #function) -> String {
    let safe = name.filter { $0.isLetter || $0.isNumber }
    let dir = FileManager.default.temporaryDirectory
        .appendingPathComponent("almanac-layout-tests-\(getpid())-\(safe)-\(UUID().uuidString.prefix(8))").path
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

/// Runs a command-line tool; returns its exit status and standard output.
@discardableResult
func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// A PNG drawn through the renderer, for image figures.
func makeTestPNG(in dir: String) throws -> String {
    let shaper = try TextShaper()
    let path = dir + "/picture.png"
    try Renderer(shaper: shaper).writePNG(SpecimenDocument.samplePicture(theme: Theme()), to: path, dpi: 72)
    return path
}

let fixedDate = Date(timeIntervalSince1970: 1_703_980_800) // 2023-12-31

/// The specimen, laid out and written once for all PDF tests (laid out again by tests that need the model).
struct SpecimenBuild: Sendable {
    let pdf: String
    let image: String
}

let specimenBuild: SpecimenBuild = {
    let dir = scratchDirectory("specimen")
    let image = try! makeTestPNG(in: dir)
    let shaper = try! TextShaper()
    let doc = SpecimenDocument.document(imagePath: image, date: fixedDate)
    let laidOut = try! Typesetter(shaper: shaper).layout(doc)
    let pdf = dir + "/specimen.pdf"
    try! Renderer(shaper: shaper, creator: "Almanac test").writePDF(laidOut, to: pdf)
    return SpecimenBuild(pdf: pdf, image: image)
}()

/// Items between a begin and end tag, per page: the groups tests reason about.
struct TagGroup {
    var tag: StructureTag
    var page: Int
    var texts: [TextItem]
    var items: [PageItem]
}

func groups(_ tag: StructureTag, in pages: [Page]) -> [TagGroup] {
    var out: [TagGroup] = []
    for (p, page) in pages.enumerated() {
        var depth = 0
        var current: TagGroup?
        for item in page.items {
            switch item {
            case .beginTag(let t) where t == tag:
                if depth == 0 { current = TagGroup(tag: tag, page: p, texts: [], items: []) }
                depth += 1
            case .endTag(let t) where t == tag:
                depth -= 1
                if depth == 0, let c = current { out.append(c); current = nil }
            default:
                if depth > 0 {
                    current?.items.append(item)
                    if case .text(let t) = item { current?.texts.append(t) }
                }
            }
        }
    }
    return out
}

extension PageItem {
    var bounds: Rect? {
        switch self {
        case .text(let t): t.bounds
        case .path(let p): p.bounds
        case .image(let i): i.frame
        case .link(let l): l.rect
        default: nil
        }
    }
}
