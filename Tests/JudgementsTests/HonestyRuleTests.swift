import Diagnostics
import Foundation
import Judgements
import Testing
import TestTools

/// Tenures, sources and visit coverage as the record format's honesty rules require. Exact values
/// come from fixtures here, never from the live record.
@Suite struct HonestyRules {
    func tenure(start: String? = nil, end: String? = nil, from: String? = nil, until: String? = nil) -> Tenure {
        Tenure(role: .directorOfChildrensServices, person: "A", title: nil, interim: false,
               start: start.flatMap(PartialDate.parse), startInferred: false, end: end.flatMap(PartialDate.parse), endInferred: false,
               knownFrom: from.flatMap(PartialDate.parse), knownUntil: until.flatMap(PartialDate.parse), note: nil, sources: [])
    }

    @Test func onlyCertainDaysCountAsInPost() throws {
        let d = { (s: String) in try #require(PartialDate.parse(s)) }
        // A year-only start is not certain until the year is out.
        let yearStart = tenure(start: "2023", until: "2025")
        #expect(!yearStart.certainlyCovers(try d("2023-03-13")))
        #expect(yearStart.certainlyCovers(try d("2024-07-08")))
        #expect(!yearStart.certainlyCovers(try d("2025-06-01")), "2025 is only known as a year: not certain after 1 January")
        // Placed in post on a day by a source, and still in post at a later dated source.
        let days = tenure(end: "2023", from: "2023-03-13", until: "2023-05-25")
        #expect(days.certainlyCovers(try d("2023-03-13")))
        #expect(!days.certainlyCovers(try d("2023-06-01")))
        // Left "in 2023": not certainly in post on any day of 2023.
        let left = tenure(end: "2023")
        #expect(!left.certainlyCovers(try d("2023-03-13")))
        // No known end: stops at the last source, and is not taken to continue.
        let open = tenure(start: "2022-10", until: "2023-05-25")
        #expect(open.lastShownInPost?.display == "25 May 2023")
        #expect(!open.certainlyCovers(try d("2024-01-01")))
    }

    @Test func aProjectFileIsNotASource() throws {
        let d = try problems(replacing: "    publisher: Liverpool Express (Liverpool City Council news)\n",
                             with: "    publisher: briefing project\n")
        #expect(d.contains { $0.message.contains("names \u{201C}briefing project\u{201D} as its publisher") })
        let t = try problems(replacing: "    title: \"Final Ofsted monitoring visit highlights significant progress in children's services\"\n",
                             with: "    title: \"Issue 3 and shared/data/SOURCES.md\"\n")
        #expect(t.contains { $0.message.contains("as its title") })
    }

    @Test func aFactCannotPrecedeItsSource() throws {
        let d = try problems(replacing: "    start: 2025-09\n    theme: Front door\n", with: "    start: 2026-09\n    theme: Front door\n")
        #expect(d.contains { $0.message.contains("is dated Sep 2026, after its source") })
    }

    @Test func coverageIsAnInferenceWithItsReasoning() throws {
        let d = try problems(replacing: "    covers_note: The theme is permanence, which the area on timely decisions names (\"children achieve permanence without delay\").\n",
                             with: "")
        #expect(d.contains { $0.message.contains("no covers_note") })
        let u = try problems(replacing: "    covers: [2023-09]\n", with: "    covers: [2023-99]\n")
        #expect(u.contains { $0.message.contains("covers \"2023-99\", which no inspection set") })
    }

    @Test func trackerStatesSayWhatIsKnown() throws {
        let r = try loadLiverpool()
        let area = try #require(r.areasForImprovement.first { $0.id == "2023-09" })
        let byVisit = Dictionary(uniqueKeysWithValues: r.track(area).history.map { ($0.visitID, $0.coverage) })
        #expect(byVisit["mv-2024-07"] == .coveredNoFinding, "the permanence visit covered the permanence area")
        #expect(byVisit["mv-2023-12"] == .themeNotKnown)
        #expect(byVisit["mv-2024-12"] == .notCovered)
    }

    @Test func whoLedAtTheMarch2023InspectionIsJoynerAlone() throws {
        let r = try loadLiverpool()
        let at = try #require(r.leadersAtEvents.first { $0.eventID == "ilacs-2023" })
        #expect(at.leaders[.directorOfChildrensServices] == ["Suzy Joyner (interim)"])
        #expect(at.leaders[.chiefExecutive] == ["Theresa Grant (interim)"])
    }
}
