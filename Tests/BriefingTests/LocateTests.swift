import BriefingKit
import Foundation
import Testing
import BriefingTestSupport

/// How `briefing` finds Reports and Styles: the flag, then the current folder, then beside the
/// executable (an install prefix's share/briefing, or the unpacked tarball's root).
@Suite struct LocatingData {
    /// A fake installation: `<root>/bin/briefing` and the data folders under `dataUnder`.
    func install(dataUnder relative: String) throws -> (root: String, executable: String) {
        let root = try makeTemporaryFolder("briefing-locate")
        try writeFile("\(root)/bin/briefing", "")
        try writeFile("\(root)/\(relative)/Reports/packs/scrutiny.yaml", "id: scrutiny\n")
        try writeFile("\(root)/\(relative)/Styles/default.yaml", "")
        return (root, "\(root)/bin/briefing")
    }

    @Test func theFlagWins() throws {
        let (root, exe) = try install(dataUnder: ".")
        let found = Workspace.locate("Reports", flag: "/elsewhere/Reports", currentFolder: root, executable: exe)
        #expect(found == LocatedFolder(path: "/elsewhere/Reports", origin: .flag))
    }

    @Test func thenTheCurrentFolder() throws {
        let (_, exe) = try install(dataUnder: ".")
        let here = try makeTemporaryFolder("briefing-cwd")
        try writeFile("\(here)/Reports/packs/a.yaml", "")
        #expect(Workspace.locate("Reports", flag: nil, currentFolder: here, executable: exe).origin == .currentFolder)
        // Styles are looked for on their own: none here, so the installed ones.
        #expect(Workspace.locate("Styles", flag: nil, currentFolder: here, executable: exe).origin == .besideExecutable)
    }

    @Test func thenBesideTheExecutable() throws {
        let elsewhere = try makeTemporaryFolder("briefing-cwd")
        for layout in [".", "share/briefing"] {
            let (root, exe) = try install(dataUnder: layout)
            let base = URL(fileURLWithPath: "\(root)/\(layout)").standardizedFileURL.path
            #expect(Workspace.locate("Reports", flag: nil, currentFolder: elsewhere, executable: exe)
                    == LocatedFolder(path: "\(base)/Reports", origin: .besideExecutable), "\(layout)")
            #expect(Workspace.locate("Styles", flag: nil, currentFolder: elsewhere, executable: exe).path == "\(base)/Styles")
        }
    }

    @Test func aFolderThatIsNotReportsIsPassedOver() throws {
        let (root, exe) = try install(dataUnder: ".")
        let here = try makeTemporaryFolder("briefing-cwd")
        try writeFile("\(here)/Reports/minutes.txt", "a folder of documents, not pack definitions")
        #expect(Workspace.locate("Reports", flag: nil, currentFolder: here, executable: exe).path == "\(root)/Reports")
    }

    @Test func nothingFoundSaysWhereItLooked() throws {
        let here = try makeTemporaryFolder("briefing-cwd")
        let found = Workspace.locate("Reports", flag: nil, currentFolder: here, executable: "/nowhere/bin/briefing")
        #expect(found.origin == .notFound)
        #expect(found.description.contains("\(here)/Reports") && found.description.contains("/nowhere/share/briefing/Reports"))
    }

    @Test func theBinarySaysWhichItUsedUnlessQuiet() throws {
        let out = try makeTemporaryFolder()
        let r = try Briefing.run(["build", "--pack", "liverpool-judgements", "--out", out], cwd: Repo.root)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("briefing: using Reports: Reports (in the current folder); Styles: Styles (in the current folder)"), "\(r.stderr)")
        let q = try Briefing.run(["build", "--pack", "liverpool-judgements", "--out", out, "--quiet", "--force"], cwd: Repo.root)
        #expect(q.status == 0 && q.stderr.isEmpty, "\(q.stderr)")
    }
}
