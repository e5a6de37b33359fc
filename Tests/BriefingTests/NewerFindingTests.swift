import BriefingKit
import Foundation
import Judgements
import Testing
import BriefingTestSupport

/// A DfE figure and a newer inspection report on the same subject are given together, each with
/// its date, so they are read in order and never as a contradiction: the summary leads with
/// agency social workers at 30 September 2025, and the May 2026 report (published 7 July 2026)
/// says most staff are now permanent. From the fixture record, whose quote names the indicator.
@Suite struct NewerFindings {
    /// The pages of `pdf`, whitespace collapsed.
    func pages(_ pdf: String) throws -> [String] {
        try tool("pdftotext", [pdf, "-"]).stdout.components(separatedBy: "\u{0C}").map(normaliseSpace)
    }

    @Test func theFigureAndTheNewerReportAreDatedSideBySide() throws {
        let ws = try TestWorkspace.fixture()
        let (r, out) = try Briefing.build(["--pack", "scrutiny", "--formats", "pdf"], in: ws)
        #expect(r.status == 0, "\(r.stderr)")
        let all = try pages("\(out)/scrutiny.pdf")
        let summary = try #require(all.first { $0.contains("The key messages of this pack") })
        let message = try #require(summary.components(separatedBy: "\u{2022}").first { $0.contains("agency social workers") })
        let figure = try #require(message.range(of: "28.5% at 30 September 2025 (Department for Education, published 19 Mar 2026)"), "the figure with its day and publication: \(message)")
        let newer = try #require(message.range(of: "Newer than that figure: \u{201C}At the time of the last inspection, the workforce was a predominantly temporary staff group. Due to the concerted efforts of the DCS and senior leaders, the majority of staff are now permanent.\u{201D} (Ofsted, report on the May 2026 inspection, 7 Jul 2026; source: Ofsted, \u{201C}Inspection of Liverpool local authority children's services\u{201D}, 7 Jul 2026)"), "\(message)")
        #expect(figure.upperBound < newer.lowerBound, "the figure first, then what is newer")
        // The page the summary cites says the same under its table.
        let table = try #require(all.first { $0.contains("Newer than these figures") }, "the key indicators' note")
        #expect(table.contains("Newer than these figures \u{2014} Agency social workers (28.5% at 30 September 2025): \u{201C}At the time of the last inspection"))
    }

    /// A quote may name only an indicator the catalogue defines: checked where it is written.
    @Test func anUnknownIndicatorIsALocatedError() throws {
        let ws = try TestWorkspace.fixture()
        try ws.edit("Reports/authorities/liverpool.yaml", replacing: "    indicator: agency-rate ", with: "    indicator: agency-rates ")
        let r = try Briefing.run(["validate"], in: ws)
        #expect(r.status != 0)
        #expect(r.stderr.contains("liverpool.yaml:") && r.stderr.contains("the quote from Ofsted names indicator \"agency-rates\", which is not in the indicators file — did you mean \"agency-rate\"?"), "\(r.stderr)")
        let (b, _) = try Briefing.build(["--pack", "scrutiny", "--formats", "pdf"], in: ws)
        #expect(b.status != 0 && b.stderr.contains("names indicator \"agency-rates\""), "\(b.stderr)")
    }
}
