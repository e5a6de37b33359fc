import Diagnostics
import Foundation
import Judgements
import Testing
import TestTools

/// `start_after:` and `end_before:`: a day a source shows a person not yet, or no longer, in post.
/// Steve Reddy's end is known only as 2023 (inferred), but the 2023 report shows he had left
/// before the inspection began on 13 March 2023: the record says so, and nothing after that day
/// may be taken as his. Exact values come from the fixture record.
@Suite struct TenureBounds {
    let reddyBound = "    end_before:\n      date: 2023-03-13\n      sources: [ofsted-ilacs-liverpool-2023, echo-2023-extraordinary-council]\n"

    @Test func aBoundNarrowsTheDaysInPost() throws {
        let record = try loadLiverpool()
        let reddy = try #require(record.leadership.first { $0.person == "Steve Reddy" })
        let d = { (s: String) in try #require(PartialDate.parse(s)) }
        #expect(reddy.endBefore?.date.display == "13 Mar 2023")
        #expect(reddy.covers(try d("2023-02")), "before the bound, 2023 is still open")
        #expect(!reddy.covers(try d("2023-03-13")), "gone by the first day of the inspection")
        #expect(!reddy.covers(try d("2023-05-25")))
        let item = try #require(record.timelineItems.first { $0.id.hasSuffix(":Steve Reddy") })
        #expect(item.possible?.upperBound == DayDate(year: 2023, month: 3, day: 12), "drawn no later than the day before: \(String(describing: item.possible))")
        #expect(item.label == "Steve Reddy: start not known; left in 2023 (month not known, inferred), before 13 Mar 2023 (source: Ofsted, 25 May 2023; Liverpool Echo, 2023)")
        #expect(item.untilWords == "2023 (month not known, inferred), before 13 Mar 2023 (source: Ofsted, 25 May 2023; Liverpool Echo, 2023)")
        // The bound's sources are the tenure's, so the pack lists them.
        #expect(Set(reddy.sources.map(\.sourceID)).isSuperset(of: ["ofsted-ilacs-liverpool-2023", "echo-2023-extraordinary-council"]))
    }

    /// Each bad bound is reported where it is written, in words a record author can act on.
    @Test func aBadBoundIsALocatedError() throws {
        func line(of text: String) throws -> Int {
            let lines = try Fixtures.liverpoolText().components(separatedBy: "\n")
            return try #require(lines.firstIndex { $0.contains(text) }) + 1
        }
        let clash = try problems(replacing: reddyBound, with: "    known_until: 2023-05-25\n" + reddyBound)
        let c = try #require(clash.first { $0.message.contains("ends before 13 Mar 2023 (end_before), but its known_until is 25 May 2023") })
        // At the bound itself (its first line, below the inserted one).
        #expect(c.location.line == (try line(of: "    end_before:")) + 2, "at the end_before bound: \(c)")

        let scalar = try problems(replacing: reddyBound, with: "    end_before: 2023-03-13\n")
        #expect(scalar.contains { $0.message.contains("end_before of the leadership entry for Steve Reddy should be a date with its source") })

        let badDate = try problems(replacing: "      date: 2023-03-13\n", with: "      date: 2023-13-45\n")
        #expect(badDate.contains { $0.message.contains("\"2023-13-45\" is not a date") })

        let unknown = try problems(replacing: "      sources: [ofsted-ilacs-liverpool-2023, echo-2023-extraordinary-council]\n    note: >-\n      Left before",
                                   with: "      source: ofsted-ilacs-liverpool-2032\n    note: >-\n      Left before")
        #expect(unknown.contains { $0.message.contains("cites \"ofsted-ilacs-liverpool-2032\", which is not in the sources list") && $0.message.contains("did you mean") })

        let unsourced = try problems(replacing: reddyBound, with: "    end_before:\n      date: 2023-03-13\n")
        #expect(unsourced.contains { $0.message.contains("end_before of the leadership entry for Steve Reddy names no source") })

        let future = try problems(replacing: "      date: 2023-03-13\n", with: "      date: 2026-01-13\n")
        #expect(future.contains { $0.message.contains("is dated 13 Jan 2026, after its sources") })

        let start = try problems(replacing: "    person: Andrew Lewis\n    known_from: 2024\n",
                                 with: "    person: Andrew Lewis\n    known_from: 2024\n    start_after:\n      date: 2024\n      source: birkenhead-2024-green-shoots\n")
        #expect(start.contains { $0.message.contains("starts after 2024 (start_after), but its known_from is 2024, not after it") })
    }

    @Test func anInferredBoundNeedsANote() throws {
        let d = try problems(replacing: "    note: Chief executive when the DfE wrote after its November 2023 review; his start date is not in a source held.\n",
                             with: "    start_after:\n      date: 2023-11\n      inferred: true\n      source: birkenhead-2024-green-shoots\n")
        #expect(d.contains { $0.message.contains("the leadership entry for Andrew Lewis has an inferred date but no note") })
    }
}
