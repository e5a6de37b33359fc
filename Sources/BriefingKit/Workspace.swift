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
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "\(folder)/\($0)" }
    }
}
