import Foundation
import Testing
import BriefingTestSupport

/// The neighbours' average of referrals ending in no further action, 2025: three neighbours
/// publish 0 (a real figure: DfE writes "0", not a code), two are suppressed ("c"). The zeros are
/// counted and named as published zeros; the suppressed are left out and named with why. The
/// figures are pinned in a copy of the data, so a new import changes nothing.
@Suite(.serialized) struct NeighbourZeros {
    @Test func publishedZerosAreCountedAndSaidSuppressedAreLeftOut() throws {
        let ws = try TestWorkspace.copy()
        let shares = [("Blackpool", "0"), ("Hartlepool", "0.6"), ("Middlesbrough", "3.7"), ("Salford", "0"), ("South Tyneside", "c"),
                      ("Knowsley", "3.8"), ("Sunderland", "0"), ("Newcastle upon Tyne", "0.9"), ("Redcar and Cleveland", "c"), ("Rochdale", "7.2")]
        var edits = shares.map { (place: $0.0, year: 2025, column: "nfa-percent", value: $0.1) }
        edits += [("Blackpool", 2025, "nfa-count", "0"), ("Salford", 2025, "nfa-count", "0"), ("Sunderland", 2025, "nfa-count", "0"),
                  ("Blackpool", 2025, "referrals", "2707"), ("Salford", 2025, "referrals", "3917"), ("Sunderland", 2025, "referrals", "3193"),
                  ("England", 2025, "nfa-percent", "6.5")]
        try setFigures(ws.folder, lastYear: 2025, edits)
        let (r, out) = try Briefing.build(["--pack", "scrutiny", "--formats", "pdf,csv"], in: ws)
        #expect(r.status == 0, "\(r.stderr)")
        // (0 + 0.6 + 3.7 + 0 + 3.8 + 0 + 0.9 + 7.2) / 8 = 2.025: the zeros are in, the codes are not.
        let row = try csvRows("\(out)/scrutiny-indicator-table.csv").first { $0.first == "Referrals ending in no further action" && $0.contains("Neighbours’ average") }
        #expect(row?.contains("2") == true && row?.contains("8 of 10") == true, "\(row ?? [])")
        let text = normaliseSpace(try tool("pdftotext", ["\(out)/scrutiny.pdf", "-"]).stdout)
        #expect(text.contains("2.0% (8 of 10)"))
        #expect(text.contains("Zeros in the neighbours’ averages are DfE’s published figures, not missing ones, and are counted as published — Referrals ending in no further action, 2025: Blackpool (none recorded: 0 of 2,707 referrals), Salford (none recorded: 0 of 3,917 referrals), Sunderland (none recorded: 0 of 3,193 referrals)."))
        #expect(text.contains("Referrals ending in no further action: South Tyneside (suppressed to protect confidentiality), Redcar and Cleveland (suppressed to protect confidentiality)"))
    }
}
