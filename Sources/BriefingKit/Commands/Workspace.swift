import Diagnostics
import Foundation

/// Where a run reads its inputs and writes its outputs; defaults are the repository's folders.
public struct Workspace: Sendable {
    public var reports: String
    public var styles: String
    public var out: String

    public init(reports: String = "Reports", styles: String = "Styles", out: String = "out") {
        self.reports = reports; self.styles = styles; self.out = out
    }

    public var frameworksPath: String { "\(reports)/frameworks.yaml" }
    public var indicatorsPath: String { "\(reports)/indicators.yaml" }
    /// The rules of the questions-for-members page.
    public var questionsPath: String { "\(reports)/questions.yaml" }
    /// The compact official data written by `briefing import`.
    public var dataFolder: String { "\(reports)/data" }
    public var dataSourcesPath: String { "\(reports)/data/sources.yaml" }
    public var packsFolder: String { "\(reports)/packs" }
    public func stylePath(_ name: String) -> String { "\(styles)/\(name).yaml" }
    public func packPath(_ id: String) -> String { "\(packsFolder)/\(id).yaml" }
    public func recordPath(_ relative: String) -> String { "\(reports)/\(relative)" }

    /// The ids of every pack definition, sorted so runs are repeatable.
    public func packIDs() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: packsFolder)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Every authority record file under `Reports/authorities`.
    public func recordPaths() -> [String] {
        let folder = "\(reports)/authorities"
        ReadLog.noteListing(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "\(folder)/\($0)" }
    }
}

/// Where a data folder (`Reports` or `Styles`) was found, and how.
public struct LocatedFolder: Sendable, Equatable {
    public enum Origin: String, Sendable {
        case flag = "given on the command line"
        case currentFolder = "in the current folder"
        case besideExecutable = "beside the executable"
        case notFound = "not found"
    }
    public var path: String
    public var origin: Origin
    /// The places looked at, in order, for a message when nothing was found.
    public var searched: [String]

    public init(path: String, origin: Origin, searched: [String] = []) {
        self.path = path; self.origin = origin; self.searched = searched
    }

    public var description: String {
        origin == .notFound ? "\(path) not found (looked in \(searched.joined(separator: ", ")))" : "\(path) (\(origin.rawValue))"
    }
}

extension Workspace {
    /// A file that marks a real `Reports` or `Styles` folder, so an unrelated folder of the same
    /// name (a "Reports" folder of documents in the home folder) is not taken for it.
    static func marker(for name: String) -> String { name == "Styles" ? "default.yaml" : "packs" }

    /// Finds the folder `name` ("Reports" or "Styles"): the flag's value when given, else `name`
    /// in the current folder, else beside the executable: `<prefix>/share/briefing/<name>` for an
    /// install into a prefix (`bin/briefing`), `<prefix>/<name>` for the unpacked tarball, then
    /// `<name>` in the executable's own folder. Symbolic links to the executable are followed.
    public static func locate(_ name: String, flag: String?,
                              currentFolder: String = FileManager.default.currentDirectoryPath,
                              executable: String? = Workspace.executablePath()) -> LocatedFolder {
        if let flag { return LocatedFolder(path: flag, origin: .flag) }
        let fm = FileManager.default
        func holds(_ dir: String) -> Bool { fm.fileExists(atPath: "\(dir)/\(marker(for: name))") }
        if holds("\(currentFolder)/\(name)") { return LocatedFolder(path: name, origin: .currentFolder) }
        var searched = ["\(currentFolder)/\(name)"]
        if let executable {
            let bin = URL(fileURLWithPath: executable).deletingLastPathComponent()
            let prefix = bin.deletingLastPathComponent()
            for url in [prefix.appendingPathComponent("share/briefing/\(name)"), prefix.appendingPathComponent(name),
                        bin.appendingPathComponent(name)] {
                let path = url.standardizedFileURL.path
                if holds(path) { return LocatedFolder(path: path, origin: .besideExecutable) }
                searched.append(path)
            }
        }
        return LocatedFolder(path: name, origin: .notFound, searched: searched)
    }

    /// The running executable's real path (symbolic links resolved), or nil when unknown.
    public static func executablePath() -> String? {
        if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return link }
        guard let first = CommandLine.arguments.first, first.contains("/") else { return nil }
        return URL(fileURLWithPath: first).resolvingSymlinksInPath().path
    }

    /// A workspace whose `Reports` and `Styles` are found as `locate` says, with where each came from.
    public static func located(reports: String?, styles: String?, out: String) -> (Workspace, reports: LocatedFolder, styles: LocatedFolder) {
        let r = locate("Reports", flag: reports), s = locate("Styles", flag: styles)
        return (Workspace(reports: r.path, styles: s.path, out: out), r, s)
    }
}
