import Foundation
import Testing
import BriefingTestSupport

/// Every quote a pack prints names where it was reported: publisher, title and date. "Since the
/// last meeting" once gave a press quote with its speaker alone. From the fixture record.
@Suite struct QuoteSources {
    @Test func everyQuoteSinceTheLastMeetingNamesItsPublication() throws {
        let (r, out) = try Briefing.build(["--pack", "monitoring-update", "--pack", "scrutiny", "--formats", "pdf"], in: try TestWorkspace.fixture())
        #expect(r.status == 0, "\(r.stderr)")
        for pack in ["scrutiny", "monitoring-update"] {
            let text = normaliseSpace(try tool("pdftotext", ["\(out)/\(pack).pdf", "-"]).stdout)
            let since = try #require(text.components(separatedBy: "Since the last meeting Published on or after").last?.components(separatedBy: "Questions for members").first)
            let said = since.components(separatedBy: "• ").filter { $0.contains(" said: \u{201C}") }
            #expect(said.count >= 3, "\(pack): \(said.count) quotes")
            for q in said { #expect(q.contains("\u{201D} (source: ") || q.contains("\u{201D} (sources: "), "\(pack): a quote with no source: \(q)") }
            #expect(since.contains("Cllr Liz Parsons (date inferred) said: \u{201C}This report aligns with our own assessment, affirming that Liverpool is heading in the right direction.\u{201D} (source: Local press (publisher not named in the copy held), \u{201C}'Renewed focus' to improve children's services at Liverpool Council\u{201D}, 2025)."))
        }
    }
}
