import Foundation
import Testing
import BriefingTestSupport

/// Each part of the trends chart cites the publications its own lines are drawn from: a page of
/// workforce figures does not cite the children in need file, and a rate computed from a count
/// and a population cites both files. Referrals are drawn as a rate per 10,000 children, so they
/// can be set beside England, the region and the neighbours, as in the key-indicator table.
@Suite struct TrendsSources {
    @Test func eachPartCitesItsOwnPanelsSources() throws {
        let (r, out) = try Briefing.build(["--pack", "scrutiny", "--formats", "pdf,csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let pdf = "\(out)/scrutiny.pdf"
        let count = try #require(Int(try tool("pdfinfo", [pdf]).stdout.split(separator: "\n")
            .first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? ""))
        let pages = try (1...count).map { normaliseSpace(try pdfText(pdf, page: $0)) }.filter { $0.contains("Published figures by year") }
        #expect(pages.count >= 2, "the trends chart is in parts")
        let cin = "Children in need: reporting year", cla = "Children looked after in England", csww = "Children's social work workforce"
        let model = "statistical neighbour model"
        let referrals = try #require(pages.first { $0.contains("Referrals per 10,000 children at") }, "referrals drawn as a rate")
        #expect(referrals.contains(cin) && referrals.contains(cla) && referrals.contains(model), "the rate rests on both files")
        #expect(!referrals.contains("Referrals · count"), "no count beside the rates")
        let workforce = try #require(pages.first { $0.contains("Agency social workers at") })
        #expect(workforce.contains(csww) && workforce.contains(model))
        if !workforce.contains("Re-referrals within 12 months at") { #expect(!workforce.contains(cin), "\(workforce)") }
        if !referrals.contains("Agency social workers at") { #expect(!referrals.contains(csww), "\(referrals)") }
        // The whole chart's data table still names every indicator drawn.
        let csv = try read("\(out)/scrutiny-indicator-trends.csv")
        #expect(csv.contains("\"Referrals per 10,000 children\",Liverpool,2025,"))
    }
}
