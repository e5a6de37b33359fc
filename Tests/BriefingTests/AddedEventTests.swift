import BriefingKit
import Foundation
import Testing
import BriefingTestSupport

/// The live record gains events as Ofsted publishes them. A plausible made-up monitoring visit,
/// with a made-up Ofsted letter as its source, is added to a copy of the live record (not the
/// fixture: this is the file the next real visit goes into), and what the suite promises of every
/// pack must still hold: the record validates, the scrutiny pack builds with a 3-to-5-message
/// summary whose citations are true and no word drawn over another, and no pack in any style
/// shrinks or spills text to fit. Tests that pin exact values read the fixture record instead,
/// so this is the test that turns red when the packs, not the tests, cannot take a new event.
@Suite(.serialized) struct AnAddedEvent {
    @Test func everyPackKeepsItsPromises() throws {
        let ws = try TestWorkspace.copy()
        let before = try ws.liverpool().events.count
        try ws.addMadeUpVisit()
        #expect(try ws.liverpool().events.count == before + 1)
        let validated = try Briefing.run(["validate"], in: ws)
        #expect(validated.status == 0 && validated.stderr.isEmpty, "\(validated.stderr)")

        let (r, out) = try Briefing.build(["--pack", "scrutiny"], in: ws)
        #expect(r.status == 0, "\(r.stderr)")
        let pdf = "\(out)/scrutiny.pdf"
        let summary = try summaryProblems(pdf)
        #expect(summary.isEmpty, "\(summary)")
        let overlaps = try overlappingWords(pdf)
        #expect(overlaps.isEmpty, "\(overlaps.prefix(5))")
        #expect(try tool("qpdf", ["--check", pdf]).status == 0)
        #expect(try pdfText(pdf).contains("data as at 5 Nov 2026"), "the made-up letter is the newest source")

        for id in ws.kit().packIDs() {
            for style in styleIDs {
                let problems = layoutProblems(try composePack(id, style: style, in: ws))
                #expect(problems.isEmpty, "\(id)/\(style): \(problems.prefix(5).joined(separator: "; "))")
            }
        }
    }
}
