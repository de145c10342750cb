import Foundation
import TestSupport

/// Runs the built `almanac` binary as a user would, capturing its exit status and output.
enum CLI {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The `almanac` executable beside the test bundle (same build folder and configuration).
    static let binary: URL = {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("almanac")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        let fromArgs = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("almanac")
        return fromArgs
    }()

    /// Runs the binary (or `executable`, such as /bin/sh for limits set by the shell) with `arguments`.
    static func run(_ arguments: [String], cwd: String? = nil, environment: [String: String] = [:], executable: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting so a chatty command cannot fill a pipe and block.
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}

/// A fresh temporary folder per test.
struct TempDir {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "almanac-cli-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func file(_ name: String) -> String { path + "/" + name }
    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        try! Data(text.utf8).write(to: URL(fileURLWithPath: file(name)))
        return file(name)
    }
    func remove() { try? FileManager.default.removeItem(atPath: path) }
    func bytes(_ name: String) -> FileBytes { FileBytes(path: file(name)) }
}
