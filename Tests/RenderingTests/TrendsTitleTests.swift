import CairoKit
import Judgements
@testable import Rendering
import Testing

/// The trends chart's title and key say what its panels compare, from the lines drawn: a count such
/// as referrals is drawn for the authority alone, so "against England, its region and its
/// statistical neighbours" must not be claimed for every chart when one is a count.
@Suite struct TrendsTitle {
    func panel(_ roles: [String], values: Bool = true) -> IndicatorTrends.Panel {
        let points: [(date: DayDate, value: Double?)] = [(DayDate(year: 2024, month: 3, day: 31), values ? 1 : nil),
                                                         (DayDate(year: 2025, month: 3, day: 31), values ? 2 : nil)]
        return IndicatorTrends.Panel(id: roles.joined(), title: "t", detail: "d", unit: "percent",
                                     series: (["authority"] + roles).map { IndicatorTrends.Series(name: $0, role: $0, points: points) })
    }

    @Test func sayWhatIsCompared() {
        let all = ["england", "region", "neighbours"]
        let t = { (ps: [IndicatorTrends.Panel]) in IndicatorTrends.title(authority: "Liverpool", panels: ps) }
        #expect(t([panel(all), panel(all)]) == "Liverpool\u{2019}s key indicators over time against England, its region and its statistical neighbours")
        #expect(t([panel([]), panel(all), panel(all), panel(all), panel(all), panel(all)])
                == "Liverpool\u{2019}s key indicators over time, against England, its region and its statistical neighbours in five of the six charts")
        #expect(t([panel(["england"]), panel([])]) == "Liverpool\u{2019}s key indicators over time, against England in one of the two charts")
        #expect(t([panel(["england"]), panel(all), panel([])])
                == "Liverpool\u{2019}s key indicators over time, against some or all of England, its region and its statistical neighbours in two of the three charts")
        #expect(t([panel([]), panel(["england"], values: false)]) == "Liverpool\u{2019}s key indicators over time")
        // Every chart compared, but not with the same places: no count to give.
        #expect(t([panel(["england"]), panel(all)]) == "Liverpool\u{2019}s key indicators over time, against some or all of England, its region and its statistical neighbours")
    }

    /// The key names only the lines drawn: a part of the chart with Liverpool's referrals alone
    /// explains no dashed, thin or dotted line.
    @Test func keyNamesOnlyTheLinesDrawn() {
        let key = { (ps: [IndicatorTrends.Panel]) in IndicatorTrends.lineKey(authority: "Liverpool", panels: ps) }
        #expect(key([panel([])]) == "Thick line: Liverpool.")
        let englandOnly = IndicatorTrends.Panel(id: "e", title: "t", detail: "d", unit: "percent",
                                                series: [IndicatorTrends.Series(name: "England", role: "england", points: panel([]).series[0].points)])
        #expect(key([englandOnly]) == "Dashed: England.")
        #expect(key([panel([]), panel(["england", "neighbours"])]) == "Thick line: Liverpool. Dashed: England. Dotted: average of the statistical neighbours with a figure.")
        #expect(key([panel(["england", "region", "neighbours"])])
                == "Thick line: Liverpool. Dashed: England. Thin: the region. Dotted: average of the statistical neighbours with a figure.")
    }

    /// A figure with none the year before or after is drawn as a square, not a line, and the key
    /// says what a square is, only where a part of the chart has one (Hampshire's referrals:
    /// 2025's figure after two suppressed years; Isles of Scilly's 2022 between gaps).
    @Test func keyExplainsALoneFigure() {
        let key = { (ps: [IndicatorTrends.Panel]) in IndicatorTrends.lineKey(authority: "Hampshire", panels: ps) }
        let year = { (y: Int) in DayDate(year: y, month: 3, day: 31) }
        func alone(_ values: [Double?]) -> IndicatorTrends.Panel {
            IndicatorTrends.Panel(id: "r", title: "t", detail: "d", unit: "count",
                                  series: [IndicatorTrends.Series(name: "Hampshire", role: "authority",
                                                                  points: values.enumerated().map { (year(2021 + $0.offset), $0.element) })])
        }
        let square = "A square: a figure with none the year before or after."
        #expect(key([alone([5, 6, nil, nil, 7])]) == "Thick line: Hampshire. " + square)
        #expect(key([alone([nil, 5, nil, 6, 7])]) == "Thick line: Hampshire. " + square)
        #expect(key([alone([8])]) == "Thick line: Hampshire. " + square)
        #expect(key([alone([5, 6, nil, 7, 8])]) == "Thick line: Hampshire.")
        #expect(key([alone([nil, nil])]).isEmpty)
        #expect(key([alone([5, 6]), panel(["england"])]) == "Thick line: Hampshire. Dashed: England.")
    }

    /// Each line's end label stays on one line wherever the panel has room: large print's wrapped
    /// "North West" over its "21.7%", which then sat beside the neighbours' line end. Checked in
    /// every shipped style at the width of a page and of half a page.
    @Test func endLabelsStayOnOneLine() throws {
        let engine = try TextEngine()
        let d = { (y: Int) in DayDate(year: y, month: 3, day: 31) }
        let series = [("Testborough", "authority", 16.0), ("England", "england", 24.5), ("North West", "region", 23.3), ("Neighbours", "neighbours", 27.4)]
            .map { name, role, v in IndicatorTrends.Series(name: name, role: role, points: [(d(2024), v + 1), (d(2025), v)]) }
        let panel = IndicatorTrends.Panel(id: "cpp", title: "Second or subsequent child protection plans at 16.0% in 2025",
                                          detail: "percent", unit: "percent", series: series)
        var checked = 0
        for name in try ChartFixture.styleNames() {
            let style = try ChartFixture.style(name)
            for width in [240.0, 480.0] {
                let figure = IndicatorTrends.figure(authority: "Testborough", panels: [panel], inspections: [], sourceLine: "Source: a test.",
                                                    format: { v, _ in String(format: "%.1f%%", v) }, style: style, text: engine, width: width)
                let ends = figure.textMarks.filter { $0.id?.hasPrefix("end:") == true }
                #expect(ends.count == 4)
                for end in ends where width * 0.38 >= engine.measure(end.text, end.font).size.width + 1 {
                    #expect(engine.measure(end.text, end.font, width: end.wrapWidth).lineCount == 1, "\(name) at \(width): \(end.text)")
                    checked += 1
                }
            }
        }
        #expect(checked >= 16)
    }

    /// A lowest figure just above a round number must not sit on the axis line: Liverpool's
    /// caseload of 10.1 on an axis from 10.0 ran along it. Figures from zero keep zero as the floor.
    @Test func theLowestFigureStandsClearOfTheAxis() {
        for (lo, hi) in [(10.1, 22.0), (16.0, 30.0), (400.3, 860.0), (-4.9, 3.0)] {
            let (ticks, floor, top) = IndicatorTrends.niceTicks(lo, hi)
            let step = ticks[1] - ticks[0]
            #expect(lo - floor >= step * 0.15, "\(lo) on an axis from \(floor)")
            #expect(top >= hi && ticks.count <= 6, "\(ticks)")
        }
        #expect(IndicatorTrends.niceTicks(0, 12).1 == 0)
        #expect(IndicatorTrends.niceTicks(0.5, 12).1 == 0, "never below zero for figures that are not")
    }
}
