@testable import BriefingKit
import Judgements
@testable import OfficialData
@testable import Rendering
import Testing

/// Sentences the analyst reading twenty authorities' packs found broken where a list, a count or
/// a span came out at an edge: an item with its own "and", a count of one, one year, all of them.
@Suite struct TemplateWording {
    @Test func aListTellsItsLastAndFromAnItems() {
        #expect(PackDefinition.list(["children in care and care leavers", "impact of leaders"]) == "children in care and care leavers, and impact of leaders")
        #expect(PackDefinition.list(["impact of leaders", "help and protection"]) == "impact of leaders, and help and protection")
        #expect(PackDefinition.list(["Kent", "Medway", "Surrey"]) == "Kent, Medway and Surrey")
        #expect(PackDefinition.list(["Kent"]) == "Kent")
    }

    @Test func oneFewCountReadsAsASentence() {
        let one = FewCount(count: 1, noun: "full-time equivalent case holders", people: "social workers")
        #expect(one.onlyNumber == "full-time equivalent case holders, only 1")
        #expect(FewCount(count: 5, noun: "full-time equivalent agency social workers", people: "social workers").onlyNumber == "only 5 full-time equivalent agency social workers")
        #expect(FewCount(count: 0.6, noun: "full-time equivalent leavers", people: "social workers").onlyNumber == "full-time equivalent leavers, only about 1")
        #expect(FewCount(count: nil, noun: "plans", people: "children").onlyNumber == "the number of plans is suppressed as small")
    }

    @Test func aTimeLineWithinOneYearSaysSo() {
        let day = DayDate(year: 2024, month: 5, day: 1)
        #expect(Timeline.title(authority: "Cumberland", items: [], from: day, to: DayDate(year: 2024, month: 9, day: 1)).hasSuffix(", in 2024"))
        #expect(Timeline.title(authority: "Kent", items: [], from: day, to: DayDate(year: 2026, month: 1, day: 1)).hasSuffix(", 2024 to 2026"))
    }
}
