import Foundation
import Testing
import BriefingTestSupport

/// The `inputs` of a pack's manifest: path to SHA-256.
func manifestInputs(_ out: String, _ id: String) throws -> [String: String] {
    let data = try Data(contentsOf: URL(fileURLWithPath: "\(out)/\(id).manifest.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    return try #require(json["inputs"] as? [String: String])
}

/// Appends `text` to the file at `path`.
func append(_ path: String, _ text: String) throws {
    try writeFile(path, try String(contentsOfFile: path, encoding: .utf8) + text)
}

/// The files a process opened successfully, from `strace -f -e trace=open,openat` output; a
/// folder opened to be listed ends in `/`.
func openedFiles(_ trace: String) -> Set<String> {
    var out: Set<String> = []
    for line in trace.split(separator: "\n") where line.contains("open") && !line.contains("= -1") {
        guard let q1 = line.firstIndex(of: "\""), let q2 = line[line.index(after: q1)...].firstIndex(of: "\"") else { continue }
        let path = String(line[line.index(after: q1)..<q2])
        out.insert(line.contains("O_DIRECTORY") && !path.hasSuffix("/") ? path + "/" : path)
    }
    return out
}

/// strace can trace the binary here (it is installed and ptrace is allowed).
let straceWorks = (try? runProcess("strace", ["-f", "-e", "trace=openat", "-o", "/dev/null", "true"]).status) == 0

@Suite(.serialized) struct ManifestInputs {
    static let knowsleyScrutiny = ["--authority", "Knowsley", "--pack", "scrutiny"]

    /// Liverpool is one of Knowsley's statistical neighbours and is drawn from its own record, so
    /// Knowsley's pack must rebuild when that record changes (it was once left "up to date"), and
    /// must not when a file it never reads changes.
    @Test func anotherAuthoritysRecordRebuildsThePackItFeeds() throws {
        let ws = try TestWorkspace.copy(), out = try makeTemporaryFolder()
        var r = try buildIn(ws, out: out, Self.knowsleyScrutiny)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\(out)/knowsley-scrutiny.pdf"))
        r = try buildIn(ws, out: out, Self.knowsleyScrutiny)
        #expect(r.stdout.contains("1 pack: 0 built, 1 up to date, 0 failed"), "\(r.stdout)")
        let record = "\(ws)/Reports/authorities/liverpool.yaml"
        #expect(try manifestInputs(out, "knowsley-scrutiny").keys.contains(record))

        // Files this pack never reads: another pack's definition, a style it does not use, the
        // README, a new file beside the data.
        try append("\(ws)/Reports/packs/monitoring-update.yaml", "\n# an officer's note\n")
        try append("\(ws)/Styles/greyscale.yaml", "\n# a designer's note\n")
        try append("\(ws)/Reports/README.md", "\nA note.\n")
        try writeFile("\(ws)/Reports/data/notes.txt", "not data\n")
        r = try buildIn(ws, out: out, Self.knowsleyScrutiny)
        #expect(r.stdout.contains("1 pack: 0 built, 1 up to date, 0 failed"), "unrelated files: \(r.stdout)")

        // Liverpool's record, with its grades changed: rebuilt, and Liverpool's row in Knowsley's
        // neighbours grid shows the change.
        let grid = "\(out)/knowsley-scrutiny-neighbour-comparison.csv"
        let before = try String(contentsOfFile: grid, encoding: .utf8)
        try writeFile(record, try String(contentsOfFile: record, encoding: .utf8).replacingOccurrences(of: ": Good\n", with: ": Outstanding\n"))
        r = try buildIn(ws, out: out, Self.knowsleyScrutiny)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\(out)/knowsley-scrutiny.pdf"), "Liverpool's record changed: \(r.stdout)")
        let after = try String(contentsOfFile: grid, encoding: .utf8)
        #expect(after != before && after.split(whereSeparator: \.isNewline).contains { $0.hasPrefix("Liverpool,") && $0.contains(",Impact of leaders,Outstanding") }, "\(after)")

        // A new record in the records folder: every record can feed the pack, so it rebuilds.
        r = try buildIn(ws, out: out, Self.knowsleyScrutiny)
        #expect(r.stdout.contains("1 up to date"), "\(r.stdout)")
        try FileManager.default.copyItem(atPath: record, toPath: "\(ws)/Reports/authorities/liverpool-copy.yaml")
        r = try buildIn(ws, out: out, Self.knowsleyScrutiny)
        #expect(r.stdout.contains("\(out)/knowsley-scrutiny.pdf"), "a new record: \(r.stdout)")
    }

    /// What the manifest lists is what the process opened: every file under Reports/ and Styles/
    /// that `briefing build` opened (traced by strace, not taken from the tool's own account) is
    /// in the manifest and nothing else is, and every font file it opened is listed.
    @Test(.enabled(if: straceWorks, "strace is not installed or cannot trace here"))
    func theManifestListsExactlyTheFilesTheBuildOpened() throws {
        let ws = try TestWorkspace.copy()
        for (args, id, official) in [(Self.knowsleyScrutiny, "knowsley-scrutiny", true), (["--pack", "liverpool-judgements"], "liverpool-judgements", false)] {
            let out = try makeTemporaryFolder(), trace = "\(out)/trace.txt"
            let r = try runProcess("strace", ["-f", "-e", "trace=open,openat", "-o", trace, Briefing.binary, "build", "--quiet",
                                              "--reports", "\(ws)/Reports", "--styles", "\(ws)/Styles", "--out", "\(out)/packs"] + args)
            #expect(r.status == 0, "\(r.stderr)")
            let opened = openedFiles(try String(contentsOfFile: trace, encoding: .utf8))
            let inputs = Set(try manifestInputs("\(out)/packs", id).keys)
            let mine = opened.filter { $0.hasPrefix("\(ws)/") }
            #expect(mine == inputs.filter { $0.hasPrefix("\(ws)/") }, "\(id): opened but not listed \(mine.subtracting(inputs).sorted()); listed but not opened \(inputs.filter { $0.hasPrefix("\(ws)/") }.subtracting(mine).sorted())")
            let fonts = opened.filter { [".ttf", ".otf", ".ttc", ".pfb"].contains(where: $0.lowercased().hasSuffix) }
            #expect(!fonts.isEmpty && fonts.isSubset(of: inputs), "\(id): fonts opened but not listed: \(fonts.subtracting(inputs).sorted())")
            #expect(inputs.contains("\(ws)/Reports/data/indicators.csv") == official, "\(id) uses the official data: \(official)")
        }
    }

    /// The comparison pack's set comes from the command line (or a list file), not from any
    /// input file, so a different set under the same name must rebuild it.
    @Test func aDifferentSetRebuildsTheComparisonPack() throws {
        let ws = try TestWorkspace.copy(), out = try makeTemporaryFolder(), list = "\(ws)/alliance.txt"
        try writeFile(list, "Knowsley\nHalton\n")
        var r = try buildIn(ws, out: out, ["--authorities", list, "--formats", "pdf"])
        #expect(r.stdout.contains("3 packs: 3 built"), "\(r.stdout)")
        try writeFile(list, "Knowsley\nHalton\nSefton\n")
        r = try buildIn(ws, out: out, ["--authorities", list, "--formats", "pdf"])
        #expect(r.stdout.contains("4 packs: 2 built, 2 up to date"), "Sefton's pack and the comparison: \(r.stdout)")
        let text = normaliseSpace(try runProcess("pdftotext", ["\(out)/alliance-comparison.pdf", "-"]).stdout)
        #expect(text.contains("Sefton"))
    }
}
