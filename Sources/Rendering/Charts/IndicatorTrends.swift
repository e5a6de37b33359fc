import Foundation
import Judgements

/// Small multiples of key indicators: the authority against England, its region and its
/// statistical neighbours' average, inspection dates as vertical rules, the latest values
/// written at the line ends (no legend to hunt), and gaps where figures are suppressed.
public struct IndicatorTrends: Chart {
    public static let id = "indicator-trends"

    public var authority: String
    public var panels: [Panel]
    public var inspections: [(label: String, date: DayDate)]
    /// The citation of every publication the chart draws from, in the order the source line
    /// names them; each part of the chart names those of its own panels (`Panel.sources`).
    public var sources: [String]
    public var format: (Double, String) -> String
    /// The words saying when the cited publications came out (" · sources published …"), for
    /// the citations a part of the chart names.
    public var asAt: ([String]) -> String

    public init(authority: String, panels: [Panel], inspections: [(label: String, date: DayDate)], sources: [String], format: @escaping (Double, String) -> String,
                asAt: @escaping ([String]) -> String = { _ in "" }) {
        self.authority = authority; self.panels = panels; self.inspections = inspections; self.sources = sources; self.format = format; self.asAt = asAt
    }

    public func figure(in c: ChartContext) -> Figure {
        let cited = Self.cited(panels, from: sources)
        return Self.figure(authority: authority, panels: panels, inspections: inspections, sourceLine: Self.sourceLine(cited), format: format, asAt: asAt(cited),
                           style: c.style, text: c.text, width: c.width)
    }

    public func pieces(in c: ChartContext) -> [Figure] {
        Self.pieces(authority: authority, panels: panels, inspections: inspections, sources: sources, format: format, asAt: asAt, style: c.style, text: c.text, width: c.width, maxHeight: c.maxHeight)
    }

    public struct Series: Sendable {
        public var name: String
        /// "authority", "england", "region" or "neighbours": picks the style's colour.
        public var role: String
        /// (position on the time axis, value or nil for a missing figure).
        public var points: [(date: DayDate, value: Double?)]

        public init(name: String, role: String, points: [(date: DayDate, value: Double?)]) {
            self.name = name; self.role = role; self.points = points
        }
    }

    public struct Panel: Sendable {
        public var id: String
        /// The panel's finding about the authority ("… at 30.5% in 2025, the highest in nine years").
        public var title: String
        /// What the panel measures ("Re-referrals within 12 months"): the label of its rows in the
        /// data table, where England's and the neighbours' rows must not carry the authority's finding.
        public var name: String
        public var detail: String
        /// What `format` is given to write this panel's numbers.
        public var unit: String
        public var series: [Series]
        /// The one sentence printed in place of a plot when there is nothing to draw.
        public var noData: String?
        /// The citations of the publications this panel's lines are drawn from: a part of the chart
        /// cites its own panels' sources only.
        public var sources: [String] = []
        /// Breaks in the authority's series (a change of more than half in a year): marked across
        /// its line between the two years and said in words under the chart.
        public var breaks: [Break] = []

        public init(id: String, title: String, name: String? = nil, detail: String, unit: String, series: [Series], noData: String? = nil) {
            self.id = id; self.title = title; self.name = name ?? title; self.detail = detail; self.unit = unit; self.series = series; self.noData = noData
        }

        /// True when no series has a single figure to draw.
        public var isEmpty: Bool { !series.contains { $0.points.contains { $0.value != nil } } }
        var emptySentence: String { noData ?? "No published figures to draw." }
    }

    /// A break between two years of the authority's series, with the sentence that says it.
    public struct Break: Sendable {
        public var from: DayDate, to: DayDate
        public var words: String
        public init(from: DayDate, to: DayDate, words: String) { self.from = from; self.to = to; self.words = words }
    }

    /// The mark of a break, in the key and beside the value after it in the data table.
    public static let breakSymbol = "//"
    public static let breakNote = "(break)"

    /// The small multiples in pieces no taller than `maxHeight`.
    static func pieces(authority: String, panels: [Panel], inspections: [(label: String, date: DayDate)], sources: [String],
                              format: (Double, String) -> String, asAt: ([String]) -> String, style: Style, text engine: TextEngine, width: Double, maxHeight: Double) -> [Figure] {
        Figure.pieces(of: panels, maxHeight: maxHeight) { ps, _ in
            let cited = cited(ps, from: sources)
            return figure(authority: authority, panels: ps, inspections: inspections, sourceLine: sourceLine(cited), format: format,
                          asAt: asAt(cited), style: style, text: engine, width: width)
        }
    }

    /// Of `sources`, those the panels cite, in the order given (every one of them for a panel
    /// that names none of its own).
    static func cited(_ panels: [Panel], from sources: [String]) -> [String] {
        sources.filter { c in panels.contains { $0.sources.isEmpty || $0.sources.contains(c) } }
    }

    static func sourceLine(_ cited: [String]) -> String { "Source: " + cited.joined(separator: "; ") + "." }

    /// What the panels compare, from the lines drawn: the comparators some panel has and, when
    /// not every panel has them all, how many do (a count such as referrals is the authority's
    /// alone, since places are compared by rates, never counts).
    static func title(authority: String, panels: [Panel]) -> String {
        let comparators = [("england", "England"), ("region", "its region"), ("neighbours", "its statistical neighbours")]
        let drawn = comparators.filter { c in panels.contains { draws($0, c.0) } }
        let base = "\(authority)\u{2019}s key indicators over time"
        guard let last = drawn.last?.1 else { return base }
        let names = drawn.count == 1 ? last : drawn.dropLast().map(\.1).joined(separator: ", ") + " and " + last
        let counts = panels.map { p in drawn.filter { draws(p, $0.0) }.count }
        let all = counts.filter { $0 == drawn.count }.count
        if all == panels.count { return "\(base) against \(names)" }
        let charts = { (n: Int) in "in \(NumberWords.words(n)) of the \(NumberWords.words(panels.count)) charts" }
        if counts.allSatisfy({ $0 == 0 || $0 == drawn.count }) { return "\(base), against \(names) \(charts(all))" }
        let some = counts.filter { $0 > 0 }.count
        return "\(base), against some or all of \(names)" + (some == panels.count ? "" : " \(charts(some))")
    }

    /// True when `p` draws a line of `role` with at least one figure: a series given with no
    /// figures draws nothing, so the title and key must not claim it.
    static func draws(_ p: Panel, _ role: String) -> Bool { p.series.contains { $0.role == role && $0.points.contains { $0.value != nil } } }

    /// The key to the lines, naming only those drawn: a part of the chart showing one count for
    /// the authority alone has no England, region or neighbours' line to explain.
    /// A figure with none the year before or after is drawn as a small square, as there is no
    /// line to draw; the key says so whenever a part of the chart has one (a first figure after
    /// a suppressed run, as in Hampshire's referrals).
    static func lineKey(authority: String, panels: [Panel]) -> String {
        let lines = [("authority", "Thick line: \(authority)."), ("england", "Dashed: England."), ("region", "Thin: the region."),
                     ("neighbours", "Dotted: average of the statistical neighbours with a figure.")]
        let square = panels.contains(where: hasLoneFigure) ? ["A square: a figure with none the year before or after."] : []
        return (lines.filter { l in panels.contains { draws($0, l.0) } }.map(\.1) + square).joined(separator: " ")
    }

    /// A series' figures as the drawing joins them: runs of consecutive figures, split at each
    /// missing one. A run of one is drawn as a square, a longer run as a line.
    static func runs(_ points: [(date: DayDate, value: Double?)]) -> [[(date: DayDate, value: Double)]] {
        var runs: [[(date: DayDate, value: Double)]] = [[]]
        for p in points {
            if let v = p.value { runs[runs.count - 1].append((p.date, v)) } else if !runs[runs.count - 1].isEmpty { runs.append([]) }
        }
        return runs.filter { !$0.isEmpty }
    }

    /// True when some series has a run of one figure, which is drawn as a square.
    static func hasLoneFigure(_ p: Panel) -> Bool { p.series.contains { runs($0.points).contains { $0.count == 1 } } }

    static func figure(authority: String, panels: [Panel], inspections: [(label: String, date: DayDate)], sourceLine: String,
                              format: (Double, String) -> String, asAt: String = "", style: Style, text engine: TextEngine, width: Double) -> Figure {
        let placer = TextPlacer(engine: engine)
        let ink = style.colours.text, muted = style.colours.mutedText
        let gap = style.spacing.blockGap
        var marks: [Mark] = []
        var y = 0.0
        let title = Self.title(authority: authority, panels: panels)
        let subtitle = "Published figures by year \u{00B7} \(authority) \u{00B7} latest value written at the end of each line" + asAt
        y = placer.chartHeading(title, subtitle, style: style, width: width, into: &marks)

        let small = style.font(\.note)
        let columns = width >= 400 && style.sizes.body < 14 ? 2 : 1
        let panelGap = 18.0
        let panelWidth = (width - panelGap * Double(columns - 1)) / Double(columns)
        let roles: [String: KeyPath<Style.Colours, Colour>] = ["authority": \.seriesAuthority, "england": \.seriesEngland, "region": \.seriesRegion, "neighbours": \.seriesNeighbours]
        let dashes: [String: [Double]] = ["authority": [], "england": [4, 2], "region": [], "neighbours": [1.5, 1.5]]
        let widths: [String: Double] = ["authority": 2.2, "england": 1.2, "region": 1.2, "neighbours": 1.4]
        var rowTop = y
        var rowBottom = y
        for (i, panel) in panels.enumerated() {
            let col = i % columns
            if col == 0 { rowTop = rowBottom + (i == 0 ? 0 : gap) }
            let px = Double(col) * (panelWidth + panelGap)
            var py = rowTop
            let head = placer.place(panel.title, style.font(\.cell, bold: true), colour: ink, x: px, y: py, width: panelWidth, id: "panel:\(panel.id)")
            marks.append(.text(head)); py = head.frame.maxY + 1
            let detail = placer.place(panel.detail, small, colour: muted, x: px, y: py, width: panelWidth)
            marks.append(.text(detail)); py = detail.frame.maxY + 6

            let values = panel.series.flatMap { $0.points.compactMap(\.value) }
            let dates = panel.series.flatMap { $0.points.map(\.date) }
            guard let lo = values.min(), let hi = values.max(), let d0 = dates.min(), let d1 = dates.max() else {
                // Nothing to draw: one sentence, and the panel still takes its own space.
                let sentence = placer.place(panel.emptySentence, small, colour: ink, x: px, y: py, width: panelWidth, id: "empty:\(panel.id)")
                marks.append(.text(sentence))
                rowBottom = max(rowBottom, sentence.frame.maxY)
                continue
            }
            let (ticks, vmin, vmax) = niceTicks(min(lo, 0 < lo && lo < hi * 0.3 ? 0 : lo), hi)
            let labelW = engine.measure(format(vmax, panel.unit), small).size.width + 4
            // Each line's end label on one line when the panel has room for it: a label wrapped
            // under its line's end put its figure beside another line's (large print's single
            // column had room for 180 points but held labels to 96).
            // Each series' end label (its last figure), in series order: measured here, placed below.
            let endLabels: [(text: String, font: FontSpec, value: Double)?] = panel.series.map { s in
                s.points.last(where: { $0.value != nil })?.value.map { v in
                    ("\(s.name) \(format(v, panel.unit))", s.role == "authority" ? small.with(bold: true) : small, v)
                }
            }
            let widest = endLabels.compactMap { $0.map { engine.measure($0.text, $0.font).size.width } }.max() ?? 0
            let endW = min(max(96.0, widest + 1), panelWidth * 0.38)
            let plot = Rect(x: px + labelW, y: py + 2, width: panelWidth - labelW - endW - 6, height: 96)
            let span = Double(max(d0.days(until: d1), 1))
            func X(_ d: DayDate) -> Double { plot.x + plot.width * Double(d0.days(until: d)) / span }
            func Y(_ v: Double) -> Double { plot.maxY - plot.height * (v - vmin) / max(vmax - vmin, 1e-9) }
            for tick in ticks {
                marks.append(.line(LineMark(from: (plot.x, Y(tick)), to: (plot.maxX, Y(tick)), colour: style.colours.band, width: style.strokes.grid)))
                var l = placer.place(format(tick, panel.unit), small, colour: muted, x: px, y: 0, width: labelW - 3, alignment: .right)
                l.frame.y = Y(tick) - l.frame.height / 2
                l.container = Rect(x: px, y: plot.y - l.frame.height, width: labelW, height: plot.height + 2 * l.frame.height)
                marks.append(.text(l))
            }
            marks.append(.line(LineMark(from: (plot.x, plot.maxY), to: (plot.maxX, plot.maxY), colour: style.colours.rule, width: style.strokes.rule)))
            for insp in inspections where insp.date >= d0 && insp.date <= d1 {
                marks.append(.line(LineMark(from: (X(insp.date), plot.y), to: (X(insp.date), plot.maxY), colour: style.colours.rule, width: style.strokes.rule, dash: [2, 2])))
            }
            // Year labels at the ends of the axis.
            for (d, align) in [(d0, TextAlignment.left), (d1, TextAlignment.right)] {
                var l = placer.place(String(d.year), small, colour: muted, x: align == .left ? X(d) : X(d) - 40, y: plot.maxY + 2, width: 40, alignment: align)
                l.container = Rect(x: plot.x - 1, y: plot.maxY, width: plot.width + 2, height: l.frame.height + 3)
                marks.append(.text(l))
            }
            var ends: [(TextMark, Double, Colour)] = []
            for (index, series) in panel.series.enumerated() {
                let colour = style.colours[keyPath: roles[series.role] ?? \.seriesEngland]
                for figures in Self.runs(series.points) {
                    let run = figures.map { (X($0.date), Y($0.value)) }
                    if run.count > 1 {
                        marks.append(.path(PathMark(points: run, closed: false, fill: nil, stroke: colour, width: widths[series.role] ?? 1, dash: dashes[series.role] ?? [])))
                    } else if let only = run.first {
                        marks.append(.path(PathMark(points: JudgementJourney.markerShape(1, only, 1.6), closed: true, fill: colour, stroke: nil, width: 0)))
                    }
                }
                // A break: two short strokes across the line midway between the two years, on a
                // halo of the background so they read in black and white.
                for b in series.role == "authority" ? panel.breaks : [] {
                    guard let a = series.points.first(where: { $0.date == b.from })?.value, let c = series.points.first(where: { $0.date == b.to })?.value else { continue }
                    let (x0, y0, x1, y1) = (X(b.from), Y(a), X(b.to), Y(c))
                    let len = max(hypot(x1 - x0, y1 - y0), 1e-6)
                    let (ux, uy) = ((x1 - x0) / len, (y1 - y0) / len)
                    // Across the line whatever its slope: along its normal, tilted a little, 2.5 apart along it.
                    let (nx, ny) = (-uy * 0.94 + ux * 0.34, ux * 0.94 + uy * 0.34)
                    let strokes = [-1.25, 1.25].map { k -> ((Double, Double), (Double, Double)) in
                        let cx = (x0 + x1) / 2 + ux * k, cy = (y0 + y1) / 2 + uy * k
                        return ((cx - nx * 5, cy - ny * 5), (cx + nx * 5, cy + ny * 5))
                    }
                    for (width, colour) in [(3.4, style.colours.background), (1.1, ink)] {
                        for (from, to) in strokes { marks.append(.line(LineMark(from: from, to: to, colour: colour, width: width))) }
                    }
                }
                if let end = endLabels[index] {
                    var l = placer.place(end.text, end.font, colour: ink, x: plot.maxX + 6, y: 0, width: endW, id: "end:\(panel.id):\(series.role)")
                    l.frame.y = Y(end.value) - l.frame.height / 2
                    ends.append((l, Y(end.value), colour))
                }
            }
            ends.sort { $0.1 < $1.1 }
            var floor = plot.y - 6
            for k in ends.indices {
                if ends[k].0.frame.y < floor { ends[k].0.frame.y = floor }
                floor = ends[k].0.frame.maxY + 0.5
            }
            var panelBottom = plot.maxY + engine.measure("2025", small).size.height + 4
            for (var l, _, _) in ends {
                l.container = Rect(x: plot.maxX + 4, y: plot.y - 8, width: endW + 4, height: max(plot.height + 16, l.frame.maxY - plot.y + 10))
                panelBottom = max(panelBottom, l.frame.maxY)
                marks.append(.text(l))
            }
            rowBottom = max(rowBottom, panelBottom)
        }
        y = rowBottom + gap
        let inspectionsText = inspections.map { "\($0.label)" }.joined(separator: ", ")
        let breaks = panels.flatMap(\.breaks)
        let breakKey = breaks.isEmpty ? "" : " Two short strokes (\(breakSymbol)) across \(authority)\u{2019}s line: a break, where the figure changed by more than half in a year; no record or rise is read across it. " + breaks.map(\.words).joined(separator: " ")
        y = placer.chartFooting(key: Self.lineKey(authority: authority, panels: panels) + " Vertical dashed rules: graded inspections (\(inspectionsText)). A gap is a suppressed or unpublished figure, never a zero." + breakKey, source: sourceLine, at: y, style: style, width: width, into: &marks)
        // One row per indicator and series, one column per year.
        let years = Array(Set(panels.flatMap { $0.series.flatMap { $0.points.map(\.date.year) } })).sorted()
        var rows: [[String]] = []
        for p in panels {
            for s in p.series {
                rows.append([p.name, s.name] + years.map { y in
                    guard let pt = s.points.first(where: { $0.date.year == y }) else { return "" }
                    let broke = s.role == "authority" && p.breaks.contains { $0.to == pt.date }
                    return pt.value.map { format($0, p.unit) + (broke ? " \(breakNote)" : "") } ?? "missing"
                })
            }
        }
        let alt = "Small multiples of \(panels.count) indicators for \(authority). " + panels.map { p in
            if p.isEmpty { return "\(p.title): \(p.emptySentence.dropLast())" }
            return "\(p.title): " + p.series.compactMap { s in s.points.last(where: { $0.value != nil }).map { "\(s.name) \(format($0.value!, p.unit)) in \($0.date.year)" } }.joined(separator: ", ")
        }.joined(separator: ". ") + "."
        return Figure(id: id, size: Size(width: width, height: y.rounded(.up)), marks: marks, title: title, subtitle: subtitle,
                      sourceLine: sourceLine, altText: alt, table: DataTable(columns: ["Indicator", "Series"] + years.map(String.init), rows: rows))
    }

    /// Three or four round tick values covering lo…hi.
    static func niceTicks(_ lo: Double, _ hi: Double) -> ([Double], Double, Double) {
        let range = max(hi - lo, abs(hi) * 0.1, 1e-6)
        let rough = range / 3
        let mag = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * mag }.first { $0 >= rough } ?? 10 * mag
        var start = floor(lo / step) * step
        let end = ceil(hi / step) * step
        // A lowest figure on (or a hair above) the bottom of the axis would run along the axis
        // line and be lost in it (Liverpool's caseload of 10.1 on an axis from 10.0): a step more
        // below it, never below zero for figures that are not.
        if lo - start < step * 0.15 { start = lo >= 0 ? max(0, start - step) : start - step }
        var ticks: [Double] = []
        var v = start
        while v <= end + step / 2 { ticks.append(v); v += step }
        return (ticks, start, end)
    }
}
