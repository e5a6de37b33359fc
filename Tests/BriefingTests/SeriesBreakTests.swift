import Foundation
import OfficialData
import Testing
import BriefingTestSupport

/// A series that jumps by more than half in a year (Liverpool's referrals, 4,158 in 2023 and 8,050
/// in 2024, so its rate per 10,000 children; its average caseload, 20.3 in 2024 and 10.1 in 2025) is marked as a break,
/// said with the words "the source gives no reason", and never read across: no "highest in nine
/// years" spans it. The figures are pinned in a copy of the data, so a new import changes nothing.
@Suite(.serialized) struct SeriesBreaks {
    @Test func aBreakIsMarkedAndNeverReadAcross() throws {
        let ws = try TestWorkspace.copy()
        try setFigures(ws.folder, lastYear: 2025, [
            ("Liverpool", 2023, "referrals", "4158"), ("Liverpool", 2024, "referrals", "8050"), ("Liverpool", 2025, "referrals", "8410"),
            // 100,000 children each year: the rate is the count per 10,000 of them.
            ("Liverpool", 2023, "children-population", "100000"), ("Liverpool", 2024, "children-population", "100000"),
            ("Liverpool", 2025, "children-population", "100000"),
            ("Liverpool", 2024, "caseload", "20.3"), ("Liverpool", 2025, "caseload", "10.1"),
            // Exactly half: not more than half, so not a break.
            ("Liverpool", 2024, "turnover-rate", "14.8"), ("Liverpool", 2025, "turnover-rate", "7.4"),
        ])
        let (r, out) = try Briefing.build(["--pack", "scrutiny", "--formats", "pdf,csv,txt"], in: ws)
        #expect(r.status == 0, "\(r.stderr)")
        let text = normaliseSpace(try tool("pdftotext", ["\(out)/scrutiny.pdf", "-"]).stdout)
        // Said under the chart, in the source's terms and no others.
        #expect(text.contains("Referrals per 10,000 children: Liverpool\u{2019}s figure changed from 415.8 to 805.0 between 2023 and 2024; computed from DfE\u{2019}s counts and population estimates, which give no reason; compare years either side with care."))
        #expect(text.contains("Average caseload (cases per social worker): Liverpool\u{2019}s figure changed from 20.3 to 10.1 between 2024 and 2025; the source gives no reason; compare years either side with care."))
        #expect(!text.contains("Social worker turnover rate: Liverpool\u{2019}s figure changed"), "a change of exactly half is not a break")
        // Never read across: the titles compare only within the years since the break.
        #expect(text.contains("Average caseload (cases per social worker) at 10.1 in 2025, after 20.3 in 2024 (a change of more than half in one year, which the source does not explain: this pack reads no rise or fall across it) and below England"))
        #expect(!text.contains("Average caseload (cases per social worker) at 10.1 in 2025, the lowest"))
        #expect(text.contains("Referrals per 10,000 children at 841.0 in 2025, up from 805.0 in 2024"))
        #expect(!text.contains("Referrals per 10,000 children at 841.0 in 2025, the highest"))
        #expect(try read("\(out)/scrutiny-indicator-trends.txt").contains("Referrals per 10,000 children at 841.0 in 2025, up from 805.0 in 2024"), "the alt text")
        // Marked in the data table beside the first figure after the break.
        let rows = try csvRows("\(out)/scrutiny-indicator-trends.csv")
        #expect(rows.contains { $0.prefix(6) == ["Referrals per 10,000 children", "Liverpool", "2024", "805", "", "break"] }, "the tidy CSV keeps the mark as a note")
        #expect(!rows.contains { $0.prefix(3) == ["Referrals per 10,000 children", "Liverpool", "2025"] && $0.contains("break") })
        // The key-indicator table's latest caseload figure follows a break: its row and note say so.
        let table = try csvRows("\(out)/scrutiny-indicator-table.csv").first { $0.first == "Average caseload (cases per social worker)" }
        #expect(table?[1].contains("a break: 20.3 in 2024") == true, "\(table ?? [])")
        #expect(text.contains("A break (a change of more than half in a year) comes before the latest figure of "))
    }
}
