import Foundation
import Testing
import BriefingTestSupport

/// Every file in `dir` and its bytes.
func contents(_ dir: String) throws -> [String: Data] {
    var out: [String: Data] = [:]
    for f in try FileManager.default.contentsOfDirectory(atPath: dir) {
        out[f] = try Data(contentsOf: URL(fileURLWithPath: "\(dir)/\(f)"))
    }
    return out
}

@Suite(.serialized) struct InterruptedBuilds {
    /// The state an interrupted `--force --style greyscale` run can leave: some outputs in the new
    /// style, the old manifest, staged `.tmp` files. The next normal build must rebuild the pack
    /// (it once called it up to date) and give exactly an uninterrupted build's bytes.
    @Test func aHalfWrittenPackIsRebuiltToIdenticalBytes() throws {
        let ws = try TestWorkspace.copy(), out = try makeTemporaryFolder(), grey = try makeTemporaryFolder()
        #expect(try buildIn(ws, out: out, ["--pack", "scrutiny"]).status == 0)
        let clean = try contents(out)
        #expect(try buildIn(ws, out: grey, ["--pack", "scrutiny", "--style", "greyscale"]).status == 0)
        let moved = try FileManager.default.contentsOfDirectory(atPath: grey).filter { !$0.hasSuffix(".manifest.json") }.sorted()
        for name in moved.prefix(moved.count / 2) {
            try FileManager.default.removeItem(atPath: "\(out)/\(name)")
            try FileManager.default.copyItem(atPath: "\(grey)/\(name)", toPath: "\(out)/\(name)")
        }
        try writeFile("\(out)/.scrutiny.pdf.4194303.tmp", "staged by a run that was interrupted")
        let r = try buildIn(ws, out: out, ["--pack", "scrutiny"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("1 built") || r.stdout.contains("\(out)/scrutiny.pdf"), "\(r.stdout)")
        let after = try contents(out)
        #expect(after.keys.sorted() == clean.keys.sorted(), "stale temporary files are removed")
        for (name, data) in clean { #expect(after[name] == data, "\(name) differs from an uninterrupted build") }

        // One output whose bytes no longer match its manifest's hash, with its size and time
        // kept: only the hash can tell, and the pack is rebuilt to the same bytes.
        let csv = "\(out)/scrutiny-rating-grid.csv"
        let stamp = try FileManager.default.attributesOfItem(atPath: csv)[.modificationDate] as! Date
        var bytes = try #require(clean["scrutiny-rating-grid.csv"])
        bytes[bytes.count / 2] = bytes[bytes.count / 2] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
        try bytes.write(to: URL(fileURLWithPath: csv))
        try FileManager.default.setAttributes([.modificationDate: stamp], ofItemAtPath: csv)
        let third = try buildIn(ws, out: out, ["--pack", "scrutiny"])
        #expect(third.stdout.contains("\(out)/scrutiny-rating-grid.csv"), "a changed output rebuilds its pack: \(third.stdout)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: csv)) == clean["scrutiny-rating-grid.csv"])
        #expect(try buildIn(ws, out: out, ["--pack", "scrutiny"]).stdout.contains("1 up to date"))
    }

    /// A real interruption: Ctrl-C (SIGINT) while a forced greyscale build is writing, then a
    /// normal build, which must equal an uninterrupted one byte for byte.
    @Test func aBuildStoppedByControlCIsRepairedByTheNextBuild() throws {
        let ws = try TestWorkspace.copy(), out = try makeTemporaryFolder(), reference = try makeTemporaryFolder()
        let packs = ["--pack", "scrutiny", "--pack", "monitoring-update", "--jobs", "1"]
        #expect(try buildIn(ws, out: out, packs).status == 0)
        #expect(try buildIn(ws, out: reference, packs).status == 0)
        let p = Process()
        // Started by hand, not through `Briefing.run`, to be interrupted while it runs.
        p.executableURL = URL(fileURLWithPath: Briefing.binary)
        p.arguments = ["build", "--reports", ws.reports, "--styles", ws.styles, "--out", out, "--force", "--style", "greyscale", "--quiet"] + packs
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Interrupt as soon as the run has staged or replaced anything (a bounded wait guards a hang).
        let before = try contents(out)
        for _ in 0..<600 where p.isRunning {
            let now = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
            if now.contains(where: { $0.hasSuffix(".tmp") }) || (try? contents(out)) != before { break }
            Thread.sleep(forTimeInterval: 0.01)
        }
        if p.isRunning { kill(p.processIdentifier, SIGINT) }
        p.waitUntilExit()
        let r = try buildIn(ws, out: out, packs)
        #expect(r.status == 0, "\(r.stderr)")
        let repaired = try contents(out), expected = try contents(reference)
        #expect(repaired.keys.sorted() == expected.keys.sorted())
        for (name, data) in expected { #expect(repaired[name] == data, "\(name) differs from an uninterrupted build") }
    }

    @Test func anOutputFolderThatCannotBeCreatedIs73WithTheReason() throws {
        let dir = try makeTemporaryFolder()
        try writeFile("\(dir)/out", "a file where the output folder should be\n")
        let r = try Briefing.build(["--pack", "scrutiny"], out: "\(dir)/out/packs").result
        #expect(r.status == 73, "\(r.status): \(r.stderr)")
        #expect(r.stderr.contains("cannot create: \(dir)/out is a file, not a folder"), "\(r.stderr)")
    }
}
