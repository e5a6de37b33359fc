import Foundation
import Synchronization

/// The repository the tests run in, found from this file's own path.
public enum Repo {
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    public static func path(_ relative: String) -> String { "\(root)/\(relative)" }

    /// `../shared/data`, when this checkout has it beside it.
    public static var sharedData: String? {
        let p = URL(fileURLWithPath: root).deletingLastPathComponent().appendingPathComponent("shared/data").path
        return FileManager.default.fileExists(atPath: p) ? p : nil
    }
}

/// Test data that never changes under the tests' feet, unlike `Reports/`.
public enum Fixtures {
    /// A frozen copy of Liverpool's record (`Tests/Fixtures/liverpool.yaml`): tests that pin exact
    /// values (counts, dates, grades, line numbers) read this, so a real event added to
    /// `Reports/authorities/liverpool.yaml` cannot turn them red.
    public static let liverpoolRecord = Repo.path("Tests/Fixtures/liverpool.yaml")
    /// The inspection frameworks the fixture record is read with.
    public static let frameworks = Repo.path("Reports/frameworks.yaml")

    public static func liverpoolText() throws -> String { try String(contentsOfFile: liverpoolRecord, encoding: .utf8) }
}

/// What a finished process said.
public struct ProcessResult {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    public var stdoutData: Data

    public init(status: Int32, stdout: String, stderr: String, stdoutData: Data) {
        self.status = status; self.stdout = stdout; self.stderr = stderr; self.stdoutData = stdoutData
    }
}

/// Runs a program to completion and captures its output.
@discardableResult
public func runProcess(_ executable: String, _ arguments: [String], cwd: String? = nil,
                       environment: [String: String] = [:]) throws -> ProcessResult {
    let p = Process()
    if executable.contains("/") {
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
    } else {
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [executable] + arguments
    }
    if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "SOURCE_DATE_EPOCH")
    for (k, v) in environment { env[k] = v }
    p.environment = env
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    // Read both pipes while the process runs so a full pipe never blocks it.
    final class Box: @unchecked Sendable { var data = Data() }
    let box = Box()
    let group = DispatchGroup()
    group.enter()
    let reader = out.fileHandleForReading
    DispatchQueue.global().async {
        box.data = reader.readDataToEndOfFile()
        group.leave()
    }
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    let outData = box.data
    p.waitUntilExit()
    return ProcessResult(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self), stdoutData: outData)
}

/// A fresh folder under the system temporary folder.
public func makeTemporaryFolder(_ name: String = "briefing-test") throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    TemporaryFolders.remember(url.path)
    return url.path
}

/// Every temporary folder a test made, removed when the test process exits: a full run makes
/// hundreds (each with whole packs in it), and a machine that runs the suite often must not
/// fill its /tmp. A failing test's folder is kept when `BRIEFING_KEEP_TEST_FOLDERS` is set.
enum TemporaryFolders {
    private static let made = Mutex<[String]>([])
    private static let cleanUp: Void = {
        atexit {
            guard ProcessInfo.processInfo.environment["BRIEFING_KEEP_TEST_FOLDERS"] == nil else { return }
            for path in TemporaryFolders.made.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: path) }
        }
    }()

    static func remember(_ path: String) {
        _ = cleanUp
        made.withLock { $0.append(path) }
    }
}

/// Writes `text` to `path`, creating folders.
public func writeFile(_ path: String, _ text: String) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
}

/// A file's text.
public func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

/// Collapses runs of whitespace, so wrapped text can be searched as one line.
public func normaliseSpace(_ s: String) -> String {
    s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
}

/// What a real tool (pdftotext, pdfinfo, qpdf) says about a file.
public func tool(_ name: String, _ args: [String]) throws -> ProcessResult {
    try runProcess(name, args)
}

/// A PDF's text (one page, or all), whitespace collapsed, as `pdftotext` reads it.
public func pdfText(_ pdf: String, page: Int? = nil) throws -> String {
    let pages = page.map { ["-f", "\($0)", "-l", "\($0)"] } ?? []
    return normaliseSpace(try tool("pdftotext", pages + [pdf, "-"]).stdout)
}
