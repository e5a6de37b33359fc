import Foundation
import Judgements
import Testing
import TestTools
import YAMLFiles

func date(_ s: String) -> PartialDate { PartialDate.parse(s)! }

/// Known Liverpool facts, pinned on the fixture record (never the live one, which gains events).
@Suite struct Aggregation {
    @Test func helpAndProtectionJourney() throws {
        let r = try loadLiverpool()
        let hp = r.gradeChanges.filter { $0.area == .helpAndProtection }
        #expect(hp.count == 2)
        #expect(hp[0].from == .graded(.requiresImprovement, note: nil) && hp[0].to == .graded(.inadequate, note: nil))
        #expect(hp[0].direction == .declined && hp[0].steps == -1)
        #expect(hp[1].to == .graded(.good, note: nil))
        #expect(hp[1].direction == .improved && hp[1].steps == 2)
        let overall = r.gradeChanges.filter { $0.area == .overallEffectiveness }
        #expect(overall.map(\.direction) == [.declined, .notComparable])
        let leavers = r.gradeChanges.filter { $0.area == .careLeavers }
        #expect(leavers.map(\.direction) == [.notComparable, .improved])
    }

    @Test func gradeOnAnyDate() throws {
        let r = try loadLiverpool()
        #expect(r.standing(of: .helpAndProtection, on: date("2018-07-01")) == nil)
        #expect(r.standing(of: .helpAndProtection, on: date("2020-01-15"))?.cell == .graded(.requiresImprovement, note: nil))
        #expect(r.standing(of: .helpAndProtection, on: date("2023-05-24"))?.cell == .graded(.requiresImprovement, note: nil))
        #expect(r.standing(of: .helpAndProtection, on: date("2023-05-25"))?.cell == .graded(.inadequate, note: nil))
        #expect(r.standing(of: .helpAndProtection, on: date("2026-08"))?.cell == .graded(.good, note: nil))
        #expect(r.standing(of: .overallEffectiveness, on: date("2026-08"))?.cell == .notJudged(reason: "not judged under the 2026 framework"))
        #expect(r.standing(of: .careLeavers, on: date("2020-01"))?.cell == .notJudged(reason: "judged with children in care"))
    }

    @Test func timeAtEachOverallGrade() throws {
        let r = try loadLiverpool()
        let asOf = DayDate(year: 2026, month: 7, day: 7)
        let days = r.daysAtOverallGrade(asOf: asOf)
        #expect(days[.requiresImprovement] == 1788)   // 2 Jul 2018 to 25 May 2023
        #expect(days[.inadequate] == 1139)            // 25 May 2023 to 7 Jul 2026
        #expect(days[.good] == nil)
        let periods = r.overallGradePeriods(asOf: DayDate(year: 2026, month: 11, day: 24))
        #expect(periods.last?.grade == nil && periods.last?.reason == "not judged under the 2026 framework")
        #expect(periods.last?.days == 140)
    }

    @Test func monitoringVisitsSinceTheLastGradedInspection() throws {
        let r = try loadLiverpool()
        #expect(r.monitoringVisitsSinceLastGradedInspection(asOf: date("2026-04")).map(\.id) ==
                ["mv-2023-12", "mv-2024-03", "mv-2024-07", "mv-2024-12", "mv-2025-03", "mv-2025-09"])
        #expect(r.monitoringVisitsSinceLastGradedInspection(asOf: date("2024-08-01")).count == 3)
        #expect(r.monitoringVisitsSinceLastGradedInspection(asOf: date("2026-07")).isEmpty)
    }

    @Test func areaHistoryKeepsNotLookedAtApartFromNoProgress() throws {
        let r = try loadLiverpool()
        let area = try #require(r.areasForImprovement.first { $0.id == "2023-10" })
        let t = r.track(area)
        #expect(t.history.count == 6)
        #expect(t.history.map(\.status) == [.notLookedAt, .notLookedAt, .notLookedAt, .insufficientProgress, .notLookedAt, .notLookedAt])
        #expect(t.history[3].finding?.quote?.contains("unsuitable accommodation") == true)
        #expect(t.longestRunWithoutProgress == 1)
        #expect(r.areasForImprovement.count == 21)
        #expect(r.areasForImprovement.filter { $0.setBy == "ilacs-2023" }.count == 11)
        #expect(r.areasForImprovement.filter { $0.setBy == "ilacs-2026" }.count == 4)
        #expect(r.track(r.areasForImprovement[0]).history.isEmpty, "2018 areas had no monitoring visits before 2023")
    }

    @Test func driftAcrossConsecutiveVisitsThatLooked() throws {
        let finding = { (quote: String) in
            "    findings:\n      - area: 2023-10\n        status: insufficient progress\n        quote: \"\(quote)\"\n        source: ofsted-outcomes-2025\n"
        }
        var text = try liverpoolText()
        for anchor in ["without delay\").\n    source: ofsted-outcomes-2025\n", "from home or care\").\n    source: ofsted-outcomes-2025\n"] {
            #expect(text.contains(anchor), "fixture edit did not apply: \(anchor)")
            text = text.replacingOccurrences(of: anchor, with: anchor + finding(anchor.hasPrefix("without") ? "a" : "b"))
        }
        let path = try makeTemporaryFolder() + "/liverpool.yaml"
        try writeFile(path, text)
        let r = try RecordLoader.load(path: path, frameworksPath: Fixtures.frameworks, yaml: .files)
        #expect(r.drifting(visits: 3).map(\.area.id) == ["2023-10"])
        #expect(r.drifting(visits: 4).isEmpty)
        #expect(try loadLiverpool().drifting(visits: 2).isEmpty)
    }

    @Test func whoLedAtEachEvent() throws {
        let r = try loadLiverpool()
        let at = r.leaders(on: date("2024-07-08"))
        #expect(at[.directorOfChildrensServices]?.map(\.person) == ["Jenny Turnross"])
        #expect(at[.chiefExecutive]?.map(\.person) == ["Andrew Lewis"])
        #expect(at[.leadMember]?.map(\.person) == ["Cllr Liz Parsons"])
        let inspection = r.leaders(on: date("2023-03-13"))
        #expect(inspection[.chiefExecutive]?.map(\.person) == ["Theresa Grant"])
        #expect(inspection[.directorOfChildrensServices]?.contains { $0.person == "Suzy Joyner" && $0.interim } == true)
        #expect(r.leaders(on: date("2018-05-14")).isEmpty, "no source names the 2018 leaders")
    }

    @Test func monthPrecisionIsKept() throws {
        let r = try loadLiverpool()
        let first = try #require(r.events.first { $0.id == "mv-2023-12" })
        #expect(first.start.precision == .month)
        #expect(first.start.display == "Dec 2023")
        #expect(first.theme == nil, "no source read gives the first visit's theme")
        // The second visit: day and theme from Ofsted's 2024 outcomes file (no copy held).
        let second = try #require(r.events.first { $0.id == "mv-2024-03" })
        #expect(second.start.display == "19 Mar 2024")
        #expect(second.theme == "Children in need/subject to a plan")
        #expect(second.sources.compactMap { r.source($0.sourceID) }.contains { !$0.copyHeld && $0.title.contains("31 March 2024") })
        let perf = try #require(r.events.first { $0.id == "perf-2024-q1" })
        #expect(perf.start.display == "2024")
    }
}
