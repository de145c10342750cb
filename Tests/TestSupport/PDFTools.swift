import Foundation

/// The PDF checkers in tools/pdf-check (installed by `make pdf-tools`): veraPDF for PDF/A-2a and
/// PDF/UA-1, qpdf, and the structure-tree dump.
public enum PDFTools {
    public static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("tools/pdf-check").path
    static let python = folder + "/.tools/venv/bin/python"

    /// Whether `make pdf-tools` has run.
    public static var installed: Bool { FileManager.default.fileExists(atPath: folder + "/.tools/jar-path") }

    /// Runs veraPDF (PDF/A-2a and PDF/UA-1) and `qpdf --check` on the files: the exit status and
    /// the report (one "FILE FLAVOUR: passed" line per file and flavour, failed rules under it).
    public static func check(_ files: [String]) throws -> (status: Int32, report: String) {
        try capture("/bin/bash", [folder + "/check.sh"] + files)
    }

    /// The structure tree and per-page marked content of a PDF (see structure.py), parsed.
    public static func structure(_ file: String) throws -> [String: Any] {
        let (status, output) = try capture(python, [folder + "/structure.py", file])
        guard status == 0, let json = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any] else {
            throw NSError(domain: "PDFTools", code: Int(status), userInfo: [NSLocalizedDescriptionKey: "structure.py failed on \(file): \(output)"])
        }
        return json
    }

    private static func capture(_ tool: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// One element of a structure tree as structure.py prints it.
public struct StructureElement: Sendable {
    public let type: String
    public let lang: String?
    public let alt: String?
    public let scope: String?
    public let mcids: Int
    public let links: [String]
    public let kids: [StructureElement]

    public init(_ json: [String: Any]) {
        type = json["type"] as? String ?? ""
        lang = json["lang"] as? String
        alt = json["alt"] as? String
        scope = json["scope"] as? String
        mcids = json["mcids"] as? Int ?? 0
        links = json["links"] as? [String] ?? []
        kids = (json["kids"] as? [[String: Any]] ?? []).map(StructureElement.init)
    }

    /// This element and all below it, depth first.
    public var all: [StructureElement] { [self] + kids.flatMap(\.all) }
    public func all(_ type: String) -> [StructureElement] { all.filter { $0.type == type } }
}
