@_exported import TestTools
import BriefingKit
import Foundation
import Judgements
import YAMLFiles

/// The Reports and Styles folders a test composes or builds from: the repository's own (read,
/// never written), a copy in a fresh temporary folder (to break or edit), or a copy whose
/// Liverpool record is the frozen fixture (for exact values). It interpolates as its folder, so
/// `"\(ws)/Reports/authorities/liverpool.yaml"` names a file in it.
public struct TestWorkspace: Sendable, CustomStringConvertible {
    /// The folder that holds `Reports` and `Styles`.
    public let folder: String
    /// False for the repository's own folders, which tests must never write.
    public let isCopy: Bool

    public var reports: String { "\(folder)/Reports" }
    public var styles: String { "\(folder)/Styles" }
    /// Liverpool's record in this workspace: the live one, or the fixture in a `fixture()` copy.
    public var liverpoolRecord: String { "\(reports)/authorities/liverpool.yaml" }
    public var description: String { folder }

    /// The repository's own Reports and Styles: the live record and the committed data.
    public static let repository = TestWorkspace(folder: Repo.root, isCopy: false)

    /// Reports and Styles already in `folder` (an unpacked tarball), read but not edited.
    public static func existing(_ folder: String) -> TestWorkspace { TestWorkspace(folder: folder, isCopy: false) }

    /// A copy of the repository's Reports and Styles in a fresh temporary folder.
    public static func copy() throws -> TestWorkspace {
        let dir = try makeTemporaryFolder()
        for folder in ["Reports", "Styles"] {
            try FileManager.default.copyItem(atPath: Repo.path(folder), toPath: "\(dir)/\(folder)")
        }
        return TestWorkspace(folder: dir, isCopy: true)
    }

    /// A copy whose Liverpool record is the frozen fixture (`Tests/Fixtures/liverpool.yaml`): for
    /// tests that pin exact values of the record (dates, counts, grades) in what is built.
    public static func fixture() throws -> TestWorkspace {
        let ws = try copy()
        try FileManager.default.removeItem(atPath: ws.liverpoolRecord)
        try FileManager.default.copyItem(atPath: Fixtures.liverpoolRecord, toPath: ws.liverpoolRecord)
        return ws
    }

    /// Liverpool's record as the product reads it: for tests that take their expected values
    /// from the live record rather than pinning them.
    public func liverpool() throws -> AuthorityRecord {
        try RecordLoader.load(path: liverpoolRecord, frameworksPath: "\(reports)/frameworks.yaml", yaml: .files)
    }

    /// BriefingKit's view of this workspace, writing into `out`.
    public func kit(out: String = "out") -> Workspace {
        Workspace(reports: reports, styles: styles, out: out)
    }

    /// Replaces `old` with `new` in a file of this copy (a path relative to the folder, such as
    /// `Reports/authorities/liverpool.yaml`). Fails when `old` is not there, so an edit that no
    /// longer applies cannot let a test pass without testing anything.
    public func edit(_ relative: String, replacing old: String, with new: String) throws {
        guard isCopy else { throw WorkspaceError("the repository's own \(relative) is never edited by a test: use TestWorkspace.copy()") }
        let path = "\(folder)/\(relative)"
        let text = try read(path)
        guard text.contains(old) else { throw WorkspaceError("\(relative) no longer contains \(old.debugDescription)") }
        try writeFile(path, text.replacingOccurrences(of: old, with: new))
    }

    /// Adds a plausible made-up monitoring visit to Liverpool's record in this copy, with a
    /// made-up but well-formed Ofsted letter as its source, as a maintainer would add the next
    /// real one. Nothing about it is true: it exists to prove that the tests and the packs
    /// survive a new event.
    public func addMadeUpVisit(id: String = "mv-2026-10-madeup", start: String = "2026-10-01", published: String = "2026-11-05",
                               theme: String = "Care leavers", covers: [String] = ["2026-03", "2026-04"]) throws {
        let source = "ofsted-\(id)"
        try edit("Reports/authorities/liverpool.yaml", replacing: "\nevents:\n", with: """

              - id: \(source)
                publisher: Ofsted
                title: "Monitoring visit to Liverpool local authority children's services"
                date: \(published)
                url: https://reports.ofsted.gov.uk/provider/44/341
                licence: Open Government Licence v3.0

            events:

            """)
        try edit("Reports/authorities/liverpool.yaml", replacing: "\nleadership:\n", with: """

              - id: \(id)
                kind: monitoring-visit
                title: Made-up monitoring visit for a test
                start: \(start)
                published: \(published)
                theme: \(theme)
                covers: [\(covers.joined(separator: ", "))]
                covers_note: A made-up visit for a test; its theme names these areas.
                source: \(source)

            leadership:

            """)
    }
}

public struct WorkspaceError: Error, CustomStringConvertible {
    public var description: String
    public init(_ d: String) { description = d }
}
