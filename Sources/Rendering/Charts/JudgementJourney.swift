import Foundation
import Judgements

/// Each area's grade across the graded inspections as a slope chart: grades up the side (best at
/// the top), inspections across, one line per area labelled at its end. Lines are nudged apart
/// so areas with the same grade stay visible; a gap means the area was not judged.
public struct JudgementJourney: Chart {
    public static let id = "judgement-journey"

    public var grid: JudgementGrid
    public var changes: [GradeChange]
    public var asAt: String

    public init(grid: JudgementGrid, changes: [GradeChange], asAt: String = "") {
        self.grid = grid; self.changes = changes; self.asAt = asAt
    }

    public func figure(in c: ChartContext) -> Figure {
        Self.figure(grid, changes: changes, asAt: asAt, style: c.style, text: c.text, width: c.width)
    }

    static func figure(_ grid: JudgementGrid, changes: [GradeChange], asAt: String = "", style: Style, text engine: TextEngine, width: Double) -> Figure {
        let placer = TextPlacer(engine: engine)
        let ink = style.colours.text
        let gap = style.spacing.blockGap
        var marks: [Mark] = []
        var y = 0.0
        // Only areas judged at both inspections can have moved; the rest are not counted either way.
        let latest = changes.filter { $0.toInspection == grid.columns.last?.eventID && $0.direction != .notComparable }
        let title = Self.title(grid.authorityName, latest)
        let subtitle = "Grade of each judgement area at each graded inspection \u{00B7} \(grid.authorityName) \u{00B7} \(grid.columns.first?.start.monthYear ?? "") to \(grid.columns.last?.start.monthYear ?? "")" + asAt
        y = placer.chartHeading(title, subtitle, style: style, width: width, into: &marks)

        let small = style.font(\.note), cellFont = style.font(\.cell)
        let axisWidth = (width * 0.2).rounded(), labelWidth = (width * 0.24).rounded()
        let px0 = axisWidth + 16, px1 = width - labelWidth - 16
        let n = max(grid.columns.count, 1)
        func cx(_ c: Int) -> Double { n == 1 ? (px0 + px1) / 2 : px0 + (px1 - px0) * Double(c) / Double(n - 1) }
        // Column headings.
        var headBottom = y
        for (c, col) in grid.columns.enumerated() {
            let w = min(110, (px1 - px0) / Double(max(n - 1, 1)) + 20)
            let h = placer.place(col.start.monthYear, cellFont.with(bold: true), colour: ink, x: cx(c) - w / 2, y: y, width: w, alignment: .centre, id: "head:\(col.eventID)")
            marks.append(.text(h)); headBottom = max(headBottom, h.frame.maxY)
        }
        // Each grade's band is as tall as its axis label wraps to at this width and size.
        let axisLabels = Dictionary(uniqueKeysWithValues: Grade.allCases.map { g in
            (g, placer.place(g.wording, small.with(bold: true), colour: ink, x: 0, y: 0, width: axisWidth, alignment: .right, id: "grade:\(g.key)"))
        })
        let levelHeight = max(44, (axisLabels.values.map(\.frame.height).max() ?? 0) + 14)
        let top = headBottom + 10
        func gy(_ g: Grade) -> Double { top + Double(Grade.outstanding.rawValue - g.rawValue) * levelHeight + levelHeight / 2 }
        for g in Grade.allCases {
            let band = Rect(x: px0 - 12, y: gy(g) - levelHeight / 2, width: px1 - px0 + 24, height: levelHeight)
            if g.rawValue % 2 == 0 { marks.append(.box(BoxMark(rect: band, fill: style.colours.band))) }
            marks.append(.box(BoxMark(id: "swatch:\(g.key)", rect: Rect(x: axisWidth + 4, y: band.y + 4, width: 6, height: levelHeight - 8),
                                      fill: style.grades[g]!.fill, pattern: style.grades[g]!.pattern, patternInk: style.colours.patternInk)))
            var l = axisLabels[g]!
            l.frame.y = gy(g) - l.frame.height / 2
            l.container = Rect(x: 0, y: band.y, width: axisWidth, height: band.height)
            marks.append(.text(l))
        }
        let bottom = top + 4 * levelHeight
        for c in grid.columns.indices {
            marks.append(.line(LineMark(from: (cx(c), top), to: (cx(c), bottom), colour: style.colours.notJudgedHatch, width: style.strokes.hairline)))
        }

        // One line per area, nudged by its index so equal grades do not hide each other.
        let seriesColours = [\Style.Colours.seriesEngland, \.accent, \.seriesAuthority, \.seriesRegion, \.seriesNeighbours].map { style.colours[keyPath: $0] }
        let dashes: [[Double]] = [[], [5, 2], [], [1.5, 2], [6, 2, 1.5, 2]]
        var endLabels: [(TextMark, Double, Colour)] = []
        // What is drawn in the plot, for placing a label clear of it: every line segment and marker.
        var segments: [((Double, Double), (Double, Double))] = []
        var markerBoxes: [Rect] = []
        var stopsEarly: [(area: JudgementArea, row: Int, point: (Double, Double), column: Int, colour: Colour)] = []
        for (r, area) in grid.rows.enumerated() {
            let nudge = (Double(r) - Double(grid.rows.count - 1) / 2) * 4
            var points: [(Double, Double)?] = []
            for c in grid.columns.indices {
                if case let .graded(g, _) = grid.cells[r][c] { points.append((cx(c), gy(g) + nudge)) } else { points.append(nil) }
            }
            let colour = seriesColours[r % seriesColours.count]
            var run: [(Double, Double)] = []
            for p in points + [nil] {
                if let p { run.append(p) } else {
                    if run.count > 1 {
                        marks.append(.path(PathMark(points: run, closed: false, fill: nil, stroke: colour, width: style.strokes.series, dash: dashes[r % dashes.count])))
                        segments += zip(run, run.dropFirst()).map { ($0, $1) }
                    }
                    run = []
                }
            }
            for p in points.compactMap({ $0 }) {
                let k = 3.2
                marks.append(.path(PathMark(points: markerShape(r, p, k), closed: true, fill: colour, stroke: style.colours.background, width: style.strokes.marker)))
                markerBoxes.append(Rect(x: p.0 - 4.5, y: p.1 - 4.5, width: 9, height: 9))
            }
            if let last = points.compactMap({ $0 }).last {
                let lastColumn = points.lastIndex { $0 != nil } ?? 0
                if lastColumn < grid.columns.count - 1 { stopsEarly.append((area, r, last, lastColumn, colour)); continue }
                var l = placer.place(area.shortTitle, small.with(bold: true), colour: ink, x: px1 + 16, y: 0, width: labelWidth - 4, id: "series:\(area.rawValue)")
                l.frame.y = last.1 - l.frame.height / 2
                endLabels.append((l, last.1, colour))
            }
        }
        // A line that stops before the latest inspection is labelled where it stops, clear of
        // every line and marker, so its label is never read as a grade at a later inspection. A
        // sample of the line (its dash and marker) leads the label, as the lines meet there; only
        // where no such place exists does it join the others at the right, saying when it stops.
        var placed: [Rect] = []
        let sample = 16.0
        for e in stopsEarly {
            let atEnd = Self.labelAtEnd(e.area.shortTitle, at: e.point, column: e.column, columnX: cx, columns: n, placer: placer,
                                        font: small.with(bold: true), ink: ink, lead: sample, plotX: (px0 - 12)...(px1 + 12), top: top,
                                        avoiding: segments, markerBoxes + placed)
            if var l = atEnd {
                l.id = "series:\(e.area.rawValue)"
                let lineY = l.frame.y + engine.measure("Ag", small.with(bold: true)).size.height / 2
                let from = l.frame.x - sample
                placed.append(Rect(x: from, y: l.frame.y, width: l.frame.maxX - from, height: l.frame.height))
                marks.append(.path(PathMark(points: [(from, lineY), (from + sample - 4, lineY)], closed: false, fill: nil, stroke: e.colour,
                                            width: style.strokes.series, dash: dashes[e.row % dashes.count])))
                marks.append(.path(PathMark(points: markerShape(e.row, (from + (sample - 4) / 2, lineY), 2.6), closed: true, fill: e.colour,
                                            stroke: style.colours.background, width: style.strokes.marker)))
                marks.append(.text(l))
            } else {
                var l = placer.place("\(e.area.shortTitle) (to \(grid.columns[e.column].start.monthYear))", small.with(bold: true), colour: ink,
                                     x: px1 + 16, y: 0, width: labelWidth - 4, id: "series:\(e.area.rawValue)")
                l.frame.y = e.point.1 - l.frame.height / 2
                endLabels.append((l, e.point.1, e.colour))
            }
        }
        // Stack end labels so none overlap, keeping each as near its line as possible.
        endLabels.sort { $0.1 < $1.1 }
        var floor = top
        for i in endLabels.indices {
            if endLabels[i].0.frame.y < floor { endLabels[i].0.frame.y = floor }
            floor = endLabels[i].0.frame.maxY + 1
        }
        for (var l, lineY, colour) in endLabels {
            // Wrapped 4 points short of the figure's edge, so no label touches it.
            l.container = Rect(x: px1 + 14, y: top - 20, width: labelWidth - 2, height: bottom - top + 40)
            marks.append(.line(LineMark(from: (px1 + 4, lineY), to: (px1 + 14, l.frame.midY), colour: colour, width: style.strokes.outline)))
            marks.append(.text(l))
        }
        y = max(bottom, (endLabels.map { $0.0.frame.maxY } + placed.map(\.maxY)).max() ?? bottom) + gap
        let sourceLine = "Source: " + grid.sources.map(\.citation).joined(separator: "; ") + "."
        y = placer.chartFooting(key: Self.breaks(grid, changes) + "A line\u{2019}s label sits at its end, beside its last grade; one that ends before the last inspection is labelled there, after a sample of the line. Lines with the same grade are drawn slightly apart.",
                                source: sourceLine, at: y, style: style, width: width, into: &marks)
        // Inspections are named as readers know them ("May 2018"), never by their record ids.
        let when = Dictionary(grid.columns.map { ($0.eventID, $0.start.monthYear) }, uniquingKeysWith: { a, _ in a })
        func change(_ c: GradeChange) -> String {
            let n = abs(c.steps)
            switch c.direction {
            case .notComparable: return "not comparable"
            case .unchanged: return "unchanged"
            case .improved, .declined: return "\(c.direction.rawValue) \(n) grade\(n == 1 ? "" : "s")"
            }
        }
        let table = DataTable(columns: ["Judgement", "From inspection", "Grade then", "To inspection", "Grade after", "Change"],
                              rows: changes.map { [$0.area.shortTitle, when[$0.fromInspection] ?? "", GradeMatrix.cellText($0.from),
                                                   when[$0.toInspection] ?? "", GradeMatrix.cellText($0.to), change($0)] })
        let alt = "Slope chart of \(grid.authorityName)\u{2019}s grades at each graded inspection. " + changes.map { c in
            "\(c.area.shortTitle): \(change(c)) from \(when[c.fromInspection] ?? "") (\(GradeMatrix.cellText(c.from).lowercased())) to \(when[c.toInspection] ?? "") (\(GradeMatrix.cellText(c.to).lowercased()))"
        }.joined(separator: "; ") + "."
        return Figure(id: id, size: Size(width: width, height: y.rounded(.up)), marks: marks, title: title, subtitle: subtitle,
                      sourceLine: sourceLine, altText: alt, table: table)
    }

    /// A label beside a line's last point: right of it, then left, each below and then above the
    /// markers of its column, wrapped to the room between columns; the first place that stays
    /// within the plot's width and below its headings and touches no line, marker or other label.
    static func labelAtEnd(_ text: String, at p: (Double, Double), column: Int, columnX: (Int) -> Double, columns: Int,
                           placer: TextPlacer, font: FontSpec, ink: Colour, lead: Double, plotX: ClosedRange<Double>, top: Double,
                           avoiding segments: [((Double, Double), (Double, Double))], _ boxes: [Rect]) -> TextMark? {
        let room = (columns > 1 ? abs(columnX(1) - columnX(0)) : plotX.upperBound - plotX.lowerBound) - 16 - lead
        var l = placer.place(text, font, colour: ink, x: 0, y: 0, width: room)
        let here = boxes.filter { abs($0.x + $0.width / 2 - p.0) < 1 }
        let below = (here.map(\.maxY).max() ?? p.1 + 4) + 3, above = (here.map(\.y).min() ?? p.1 - 4) - 3 - l.frame.height
        func touches(_ r: Rect) -> Bool {
            let pad = Rect(x: r.x - 1.5, y: r.y - 1.5, width: r.width + 3, height: r.height + 3)
            if boxes.contains(where: { $0.x < pad.maxX && pad.x < $0.maxX && $0.y < pad.maxY && pad.y < $0.maxY }) { return true }
            return segments.contains { a, b in
                let steps = Int(max(abs(b.0 - a.0), abs(b.1 - a.1))) + 1
                return (0...steps).contains { i in
                    let t = Double(i) / Double(steps), x = a.0 + (b.0 - a.0) * t, y = a.1 + (b.1 - a.1) * t
                    return x >= pad.x && x <= pad.maxX && y >= pad.y && y <= pad.maxY
                }
            }
        }
        for x in [p.0 + 4, p.0 - 4 - lead - l.frame.width] {
            for y in [below, above] {
                // The sample of the line comes first, then the words.
                let r = Rect(x: x, y: y, width: lead + l.frame.width, height: l.frame.height)
                guard plotX.contains(r.x), plotX.contains(r.maxX), r.y >= top, !touches(r) else { continue }
                l.layoutX += x + lead - l.frame.x
                l.frame.x = x + lead; l.frame.y = y
                l.container = Rect(x: plotX.lowerBound, y: top, width: plotX.upperBound - plotX.lowerBound, height: max(r.maxY - top + 2, 1))
                return l
            }
        }
        return nil
    }

    /// A different marker shape per series, so lines are told apart without colour.
    static func markerShape(_ i: Int, _ p: (Double, Double), _ k: Double) -> [(Double, Double)] {
        let (x, y) = p
        switch i % 5 {
        case 0: return (0..<12).map { a in let t = Double(a) * .pi / 6; return (x + k * cos(t), y + k * sin(t)) }
        case 1: return [(x - k, y - k), (x + k, y - k), (x + k, y + k), (x - k, y + k)]
        case 2: return [(x, y - k * 1.2), (x + k * 1.1, y + k * 0.8), (x - k * 1.1, y + k * 0.8)]
        case 3: return [(x, y - k * 1.3), (x + k * 1.3, y), (x, y + k * 1.3), (x - k * 1.3, y)]
        default: return [(x, y + k * 1.2), (x + k * 1.1, y - k * 0.8), (x - k * 1.1, y - k * 0.8)]
        }
    }

    /// The finding of the last two inspections, whichever way it went: "all four areas … improved;
    /// impact of leaders rose two grades", "three of the four … declined; overall effectiveness
    /// fell two grades", or both counts when areas moved both ways.
    static func title(_ name: String, _ latest: [GradeChange]) -> String {
        let words = ["no", "one", "two", "three", "four", "five"]
        let say = { (n: Int) in n < words.count ? words[n] : String(n) }
        let improved = latest.filter { $0.direction == .improved }, declined = latest.filter { $0.direction == .declined }
        guard !improved.isEmpty || !declined.isEmpty else {
            return latest.isEmpty ? "\(name): Ofsted grades by area across inspections"
                : "\(name): \(latest.count == 1 ? "the one area" : "all \(say(latest.count)) areas") judged at both of the last two inspections kept \(latest.count == 1 ? "its" : "their") grade"
        }
        let judged = "the \(say(latest.count)) areas judged at both of the last two inspections"
        var counts: [String] = []
        if !improved.isEmpty { counts.append("\(improved.count == latest.count ? "all \(say(latest.count)) areas judged at both of the last two inspections" : say(improved.count)) improved") }
        if !declined.isEmpty { counts.append("\(declined.count == latest.count ? "all \(say(latest.count)) areas judged at both of the last two inspections" : say(declined.count)) declined") }
        let share = counts.count == 2 || (improved.count < latest.count && declined.count < latest.count)
            ? "of \(judged), " + counts.joined(separator: " and ") : counts[0]
        // Name the biggest move in the direction most areas took (a rise when it is a tie).
        let falls = declined.count > improved.count
        let moves = falls ? declined : improved
        guard let big = moves.max(by: { abs($0.steps) < abs($1.steps) }), case let .graded(from, _) = big.from, case let .graded(to, _) = big.to else {
            return "\(name): \(share)"
        }
        let n = abs(big.steps)
        return "\(name): \(share); \(big.area.shortTitle.lowercased()) \(falls ? "fell" : "rose") \(say(n)) grade\(n == 1 ? "" : "s"), from \(from.wording.lowercased()) to \(to.wording.lowercased())"
    }

    /// Why a line breaks, only for the areas and inspections where one does: an area not judged
    /// (overall effectiveness under the 2026 framework) or judged jointly with another (care
    /// leavers with children in care before 2023). Nothing is said of a framework the chart does not show.
    static func breaks(_ grid: JudgementGrid, _ changes: [GradeChange]) -> String {
        // A joint judgement breaks a line only where it makes the grades not comparable.
        let broken = Set(changes.filter { $0.direction == .notComparable }.flatMap { ["\($0.area.rawValue)@\($0.fromInspection)", "\($0.area.rawValue)@\($0.toInspection)"] })
        var out: [String] = []
        for (r, area) in grid.rows.enumerated() {
            var reasons: [String] = []
            for (c, cell) in grid.cells[r].enumerated() {
                switch cell {
                case let .notJudged(reason): reasons.append("\(grid.columns[c].start.monthYear): \(reason)")
                case let .graded(_, note?) where broken.contains("\(area.rawValue)@\(grid.columns[c].eventID)"):
                    reasons.append("\(grid.columns[c].start.monthYear): \(note)")
                default: break
                }
            }
            if !reasons.isEmpty { out.append("\(area.shortTitle.lowercased()) (\(reasons.joined(separator: "; ")))") }
        }
        return out.isEmpty ? "" : "A line breaks where an area was not judged on its own: " + out.joined(separator: "; ") + ". "
    }

}
