import Judgements
@testable import Rendering
import Testing

/// The trends chart's title and key say what its panels compare, from the lines drawn: a count such
/// as referrals is drawn for the authority alone, so "against England, its region and its
/// statistical neighbours" must not be claimed for every panel (scrutiny's six panels: five).
@Suite struct TrendsTitle {
    func panel(_ roles: [String], values: Bool = true) -> IndicatorTrends.Panel {
        let points: [(date: DayDate, value: Double?)] = [(DayDate(year: 2025, month: 3, day: 31), values ? 1 : nil)]
        return IndicatorTrends.Panel(id: roles.joined(), title: "t", detail: "d", unit: "percent",
                                     series: (["authority"] + roles).map { IndicatorTrends.Series(name: $0, role: $0, points: points) })
    }

    @Test func sayWhatIsCompared() {
        let all = ["england", "region", "neighbours"]
        let t = { (ps: [IndicatorTrends.Panel]) in IndicatorTrends.title(authority: "Liverpool", panels: ps) }
        #expect(t([panel(all), panel(all)]) == "Liverpool\u{2019}s key indicators over time against England, its region and its statistical neighbours")
        #expect(t([panel([]), panel(all), panel(all), panel(all), panel(all), panel(all)])
                == "Liverpool\u{2019}s key indicators over time, five of six against England, its region and its statistical neighbours")
        #expect(t([panel(["england"]), panel([])]) == "Liverpool\u{2019}s key indicators over time, one of two against England")
        #expect(t([panel(["england"]), panel(all), panel([])])
                == "Liverpool\u{2019}s key indicators over time, two of three against some or all of England, its region and its statistical neighbours")
        #expect(t([panel([]), panel(["england"], values: false)]) == "Liverpool\u{2019}s key indicators over time")
    }

    /// The key names only the lines drawn: a part of the chart with Liverpool's referrals alone
    /// explains no dashed, thin or dotted line.
    @Test func keyNamesOnlyTheLinesDrawn() {
        let key = { (ps: [IndicatorTrends.Panel]) in IndicatorTrends.lineKey(authority: "Liverpool", panels: ps) }
        #expect(key([panel([])]) == "Thick line: Liverpool.")
        #expect(key([panel([]), panel(["england", "neighbours"])]) == "Thick line: Liverpool. Dashed: England. Dotted: average of the statistical neighbours with a figure.")
        #expect(key([panel(["england", "region", "neighbours"])])
                == "Thick line: Liverpool. Dashed: England. Thin: the region. Dotted: average of the statistical neighbours with a figure.")
    }
}
