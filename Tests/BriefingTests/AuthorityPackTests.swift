import Foundation
import Testing
import BriefingTestSupport

@Suite(.serialized) struct AuthorityPacks {
    @Test func knowsleyBuildsFromTheOfficialDataAlone() throws {
        // Liverpool, a neighbour, is shown from its own record: its newest inspection, read from it.
        let liverpool = try #require(try TestWorkspace.repository.liverpool().gradedInspections.last).start.monthYear
        for query in ["Knowsley", "340", "E08000011"] {
            let (r, out) = try Briefing.build(["--authority", query])
            #expect(r.status == 0, "\(query): \(r.stderr)")
            let pdf = "\(out)/knowsley.pdf"
            #expect(FileManager.default.fileExists(atPath: pdf))
            let info = try tool("pdfinfo", [pdf]).stdout
            #expect(info.contains("Tagged:          yes"))
            #expect(info.contains("Title:           Knowsley children’s services: Ofsted judgements and key indicators"))
            let text = normaliseSpace(try tool("pdftotext", [pdf, "-"]).stdout)
            for expected in ["November 2024", "Inadequate", "Knowsley and its statistical neighbours", "Liverpool (\(liverpool)\u{2020})",
                             "Knowsley against England, North West and its statistical neighbours", "Referrals",
                             "Local authority inspection outcomes as at 31 March 2025"] {
                #expect(text.contains(expected), "\(query): missing \(expected)")
            }
            #expect(try tool("qpdf", ["--check", pdf]).status == 0)
        }
    }

    @Test func anUnknownAuthoritySuggestsTheClosest() throws {
        let (r, _) = try Briefing.build(["--authority", "Knowsly"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("no authority called \"Knowsly\""))
        #expect(r.stderr.contains("closest: Knowsley"))
    }

    @Test func nationalContextPackShowsNeighboursAndIndicators() throws {
        let (r, out) = try Briefing.build(["--pack", "national-context"])
        #expect(r.status == 0, "\(r.stderr)")
        let text = normaliseSpace(try tool("pdftotext", ["\(out)/national-context.pdf", "-"]).stdout)
        #expect(text.contains("Referrals per 10,000 children"), "places compared by rates")
        #expect(text.contains("Redcar and Cleveland"))
        // Tidy: one observation a row, the number as a number, the neighbours' count as a note.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: "\(out)/national-context-indicator-table.csv"))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 byte-order mark")
        let csv = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(csv.hasPrefix("Indicator,Period and direction,Compared with England,Compared with neighbours,Area,Value,Unit,Note,Missing reason\r\n"))
        #expect(csv.contains("Re-referrals within 12 months,\"2025, year to 31 March · lower is better\",▲ higher (worse),▲ higher (worse),Liverpool,30.5,per cent,,\r\n"))
        #expect(csv.contains("Neighbours’ average"))
        #expect(!csv.contains("Referrals,"), "no count is compared across places")
    }
}
