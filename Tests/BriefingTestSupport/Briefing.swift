import Foundation

/// The one way tests run the real `briefing` binary: `run` for any subcommand, `build` for the
/// common case of building packs from a workspace into a fresh folder.
public enum Briefing {
    /// The debug binary `swift build --build-tests` made (override: BRIEFING_BINARY).
    public static var binary: String {
        ProcessInfo.processInfo.environment["BRIEFING_BINARY"] ?? Repo.path(".build/debug/briefing")
    }

    /// Runs `briefing <arguments>`. With a workspace, `--reports` and `--styles` name its folders
    /// (without one the binary finds them itself, as a user's run would). `timeout` kills a hung
    /// run after that many seconds (status 137), so a hang fails one test rather than the suite;
    /// `limits` are `ulimit` options applied first (`-v 1000000` for memory, `-f 16` for file size).
    @discardableResult
    public static func run(_ arguments: [String], in workspace: TestWorkspace? = nil, cwd: String? = nil,
                           environment: [String: String] = [:], timeout: Int? = nil, limits: [String] = []) throws -> ProcessResult {
        let folders = workspace.map { ["--reports", $0.reports, "--styles", $0.styles] } ?? []
        guard timeout != nil || !limits.isEmpty else {
            return try runProcess(binary, arguments + folders, cwd: cwd, environment: environment)
        }
        let ulimits = limits.map { "ulimit \($0); " }.joined()
        let guarded = timeout.map { "timeout -s KILL \($0) " } ?? ""
        return try runProcess("bash", ["-c", "\(ulimits)exec \(guarded)\"$@\"", "briefing", binary] + arguments + folders,
                              cwd: cwd, environment: environment)
    }

    /// `briefing build <options>` from `workspace` into `out` (a fresh temporary folder unless
    /// given): what it said, and the folder the packs are in.
    public static func build(_ options: [String] = [], in workspace: TestWorkspace = .repository, out: String? = nil,
                             environment: [String: String] = [:]) throws -> (result: ProcessResult, out: String) {
        let folder = try out ?? makeTemporaryFolder()
        return (try run(["build", "--out", folder] + options, in: workspace, environment: environment), folder)
    }
}
