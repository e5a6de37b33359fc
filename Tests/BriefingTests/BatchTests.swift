import Foundation
import Testing
import BriefingTestSupport

/// Every file in `dir` with its modification time, to prove a rebuild touched nothing.
func modificationTimes(_ dir: String) throws -> [String: Date] {
    var out: [String: Date] = [:]
    for f in try FileManager.default.contentsOfDirectory(atPath: dir) {
        out[f] = try FileManager.default.attributesOfItem(atPath: "\(dir)/\(f)")[.modificationDate] as? Date
    }
    return out
}

/// Every pack in Reports/packs, then (a second run: `--authority X --pack Y` means pack Y for X)
/// Knowsley's official-data pack.
let allAndKnowsley = ["--pack", "liverpool-judgements", "--pack", "monitoring-update", "--pack", "national-context",
                      "--pack", "scrutiny", "+", "--authority", "Knowsley"]

/// `briefing build` into `out`, once per "+"-separated part of `extra` (the last part's `--dpi`
/// and `--jobs` apply to all), with their "N packs: …" lines summed into one.
func buildIn(_ ws: TestWorkspace, out: String, _ extra: [String] = []) throws -> ProcessResult {
    guard extra.contains("+") else { return try Briefing.build(extra, in: ws, out: out).result }
    let parts = extra.split(separator: "+", omittingEmptySubsequences: false).map(Array.init)
    let common = Array(parts.last!.drop { $0 != "--dpi" && $0 != "--jobs" })
    var total = try runProcess("true", [])
    var sums = [0, 0, 0, 0]
    for (i, part) in parts.enumerated() {
        let args = i == parts.count - 1 ? part : part + common
        let r = try Briefing.build(args, in: ws, out: out).result
        total.status = max(total.status, r.status)
        total.stdout += r.stdout
        total.stderr += r.stderr
        let m = r.stdout.split(separator: "\n").last { $0.contains(" built, ") }
        let n = m.map { $0.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) } } ?? [1, r.stdout.contains(".pdf") ? 1 : 0, 0, 0]
        for k in 0..<4 { sums[k] += n[k] }
    }
    total.stdout += "\(sums[0]) packs: \(sums[1]) built, \(sums[2]) up to date, \(sums[3]) failed\n"
    return total
}

@Suite(.serialized) struct IncrementalBuilds {
    @Test func nothingChangedRebuildsNothingAndTouchesNothing() throws {
        let ws = try TestWorkspace.fixture(), out = try makeTemporaryFolder()
        let first = try buildIn(ws, out: out)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("4 packs: 4 built, 0 up to date, 0 failed"))
        let before = try modificationTimes(out)
        Thread.sleep(forTimeInterval: 1.1)
        let second = try buildIn(ws, out: out)
        #expect(second.status == 0)
        #expect(second.stdout.contains("4 packs: 0 built, 4 up to date, 0 failed"), "\(second.stdout)")
        #expect(!second.stdout.contains(".pdf"), "an up-to-date run lists no written files")
        #expect(try modificationTimes(out) == before, "an up-to-date run must not touch any output")
        #expect(before.keys.contains("scrutiny.manifest.json"))
    }

    @Test func anyChangedInputRebuildsExactlyItsPacks() throws {
        let ws = try TestWorkspace.fixture(), out = try makeTemporaryFolder()
        #expect(try buildIn(ws, out: out, allAndKnowsley).status == 0)
        // One pack's definition: only that pack.
        let def = "\(ws)/Reports/packs/monitoring-update.yaml"
        try writeFile(def, try String(contentsOfFile: def, encoding: .utf8).replacingOccurrences(of: "monitoring update\"", with: "monitoring update (draft)\""))
        var r = try buildIn(ws, out: out, allAndKnowsley)
        #expect(r.stdout.contains("5 packs: 1 built, 4 up to date, 0 failed"), "\(r.stdout)")
        #expect(r.stdout.contains("\(out)/monitoring-update.pdf"))
        // Liverpool's record: Liverpool's four packs, and Knowsley's too (Liverpool is one of its
        // neighbours, drawn from this record).
        let record = "\(ws)/Reports/authorities/liverpool.yaml"
        try writeFile(record, try String(contentsOfFile: record, encoding: .utf8) + "\n# an officer's note\n")
        r = try buildIn(ws, out: out, allAndKnowsley)
        #expect(r.stdout.contains("5 packs: 5 built, 0 up to date, 0 failed"), "\(r.stdout)")
        #expect(r.stdout.contains("knowsley.pdf"))
        // The questions' rules: only the packs with a questions page.
        try writeFile("\(ws)/Reports/questions.yaml", try String(contentsOfFile: "\(ws)/Reports/questions.yaml", encoding: .utf8) + "\n# a note\n")
        r = try buildIn(ws, out: out, allAndKnowsley)
        #expect(r.stdout.contains("5 packs: 2 built, 3 up to date, 0 failed"), "\(r.stdout)")
        #expect(r.stdout.contains("\(out)/scrutiny.pdf") && r.stdout.contains("\(out)/monitoring-update.pdf"))
        // The official data: every pack that draws on it (Knowsley's, scrutiny, national-context,
        // and monitoring-update, whose since-list names the official releases).
        let sources = "\(ws)/Reports/data/sources.yaml"
        try writeFile(sources, try String(contentsOfFile: sources, encoding: .utf8) + "\n")
        r = try buildIn(ws, out: out, allAndKnowsley)
        #expect(r.stdout.contains("5 packs: 4 built, 1 up to date, 0 failed"), "\(r.stdout)")
        // A style: every pack in it.
        let style = "\(ws)/Styles/default.yaml"
        try writeFile(style, try String(contentsOfFile: style, encoding: .utf8).replacingOccurrences(of: "  band: \"#F3F5F7\"", with: "  band: \"#F2F4F6\""))
        r = try buildIn(ws, out: out, allAndKnowsley)
        #expect(r.stdout.contains("5 packs: 5 built, 0 up to date, 0 failed"), "\(r.stdout)")
        // An option: --dpi changes the PNGs, so everything is rebuilt.
        r = try buildIn(ws, out: out, allAndKnowsley + ["--dpi", "100"])
        #expect(r.stdout.contains("5 built"), "\(r.stdout)")
        // A deleted output: its pack is rebuilt.
        try FileManager.default.removeItem(atPath: "\(out)/scrutiny-timeline.png")
        r = try buildIn(ws, out: out, allAndKnowsley + ["--dpi", "100"])
        #expect(r.stdout.contains("5 packs: 1 built, 4 up to date, 0 failed"), "\(r.stdout)")
        #expect(FileManager.default.fileExists(atPath: "\(out)/scrutiny-timeline.png"))
    }

    @Test func parallelOutputIsByteIdenticalToSerial() throws {
        let serial = try makeTemporaryFolder(), parallel = try makeTemporaryFolder()
        let a = try Briefing.build(["--jobs", "1", "--authority", "Knowsley", "--authority", "Liverpool", "--pack", "scrutiny"], out: serial).result
        let b = try Briefing.build(["--jobs", "4", "--authority", "Knowsley", "--authority", "Liverpool", "--pack", "scrutiny"], out: parallel).result
        #expect(a.status == 0 && b.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: serial).sorted()
        #expect(files == (try FileManager.default.contentsOfDirectory(atPath: parallel).sorted()))
        #expect(files.count > 80)
        for f in files {
            let x = try Data(contentsOf: URL(fileURLWithPath: "\(serial)/\(f)")), y = try Data(contentsOf: URL(fileURLWithPath: "\(parallel)/\(f)"))
            #expect(x == y, "\(f) differs between serial and parallel builds")
        }
    }

    @Test func oneBrokenAuthorityFailsOnlyItsPack() throws {
        let ws = try TestWorkspace.fixture(), out = try makeTemporaryFolder()
        let broken = "\(ws)/Reports/authorities/broken.yaml"
        try writeFile(broken, try String(contentsOfFile: "\(ws)/Reports/authorities/liverpool.yaml", encoding: .utf8)
            .replacingOccurrences(of: "      leaders: Good\n", with: "      leaders: Goood\n"))
        try writeFile("\(ws)/Reports/packs/broken-judgements.yaml",
                      "id: broken-judgements\ntitle: Broken\naudience: nobody\nmarking: OFFICIAL\nauthority: authorities/broken.yaml\npages: [rating-grid]\n")
        let r = try buildIn(ws, out: out)
        #expect(r.status == 65)
        #expect(r.stderr.contains("\(broken):"), "the located message: \(r.stderr)")
        #expect(r.stderr.contains("unknown grade \"Goood\""))
        #expect(r.stderr.contains("pack \"broken-judgements\" not built"))
        #expect(r.stdout.contains("5 packs: 4 built, 0 up to date, 1 failed"), "\(r.stdout)")
        for id in ["liverpool-judgements", "monitoring-update", "national-context", "scrutiny"] {
            #expect(FileManager.default.fileExists(atPath: "\(out)/\(id).pdf"))
        }
        #expect(!FileManager.default.fileExists(atPath: "\(out)/broken-judgements.pdf"))
        #expect(r.stderr.contains("[5/5]") || r.stderr.contains("/5]"), "plain progress lines when not a terminal")
        let quiet = try buildIn(ws, out: try makeTemporaryFolder(), ["--quiet"])
        #expect(!quiet.stderr.contains("/5]"), "--quiet shows no progress")
    }
}
