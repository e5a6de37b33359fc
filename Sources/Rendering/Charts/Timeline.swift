import Foundation
import Judgements

/// The improvement journey on one date axis: graded inspections, visits, DfE and council
/// events, and leadership tenures, each in its lane. Month- and year-precision dates are drawn
/// as spans of that month or year; labels are measured and stacked into rows so none overlap.
public struct Timeline: Chart {
    public static let id = "timeline"

    public var authority: String
    public var items: [TimelineItem]
    public var from: DayDate
    public var to: DayDate
    public var sourceLine: String
    public var asAt: String
    public var coverage: String?

    public init(authority: String, items: [TimelineItem], from: DayDate, to: DayDate, sourceLine: String, asAt: String = "", coverage: String? = nil) {
        self.authority = authority; self.items = items; self.from = from; self.to = to; self.sourceLine = sourceLine; self.asAt = asAt; self.coverage = coverage
    }

    public func figure(in c: ChartContext) -> Figure {
        Self.figure(authority: authority, items: items, from: from, to: to, sourceLine: sourceLine, asAt: asAt, coverage: coverage, style: c.style, text: c.text, width: c.width)
    }

    public func pieces(in c: ChartContext) -> [Figure] {
        Self.pieces(authority: authority, items: items, from: from, to: to, sourceLine: sourceLine, asAt: asAt, coverage: coverage, style: c.style, text: c.text, width: c.width, maxHeight: c.maxHeight)
    }

    /// The time line in pieces no taller than `maxHeight`, split between lanes; only the last
    /// piece carries the key and sources, which in large print are nearly a page on their own.
    static func pieces(authority: String, items: [TimelineItem], from: DayDate, to: DayDate, sourceLine: String,
                              asAt: String = "", coverage: String? = nil, style: Style, text engine: TextEngine, width: Double, maxHeight: Double) -> [Figure] {
        let lanes = TimelineItem.Lane.allCases.filter { lane in items.contains { $0.lane == lane } }
        return Figure.pieces(of: lanes, maxHeight: maxHeight) { part, continued in
            let last = part.last == lanes.last
            return figure(authority: authority, items: items.filter { part.contains($0.lane) }, from: from, to: to, sourceLine: sourceLine,
                          asAt: asAt, coverage: coverage, continued: continued, footing: last, whole: items, style: style, text: engine, width: width)
        }
    }

    /// `coverage`: a sentence for the key on what the sources cannot show. `whole`: every item of
    /// the chart when this figure is one piece of it, so each piece has the whole chart's title and
    /// the last piece's key describes every piece's marks.
    static func figure(authority: String, items: [TimelineItem], from: DayDate, to requestedTo: DayDate, sourceLine: String,
                              asAt: String = "", coverage: String? = nil, continued: Bool = false, footing: Bool = true,
                              whole: [TimelineItem]? = nil, style: Style, text engine: TextEngine, width: Double) -> Figure {
        // At least a year of axis, even for an authority with nothing on record.
        let to = max(requestedTo, DayDate(year: from.year, month: 12, day: 31))
        let placer = TextPlacer(engine: engine)
        let ink = style.colours.text, muted = style.colours.mutedText, rule = style.colours.rule
        let gap = style.spacing.blockGap
        var marks: [Mark] = []
        var y = 0.0
        let title = Self.title(authority: authority, items: whole ?? items, from: from, to: to) + (continued ? " (continued)" : "")
        let tenures = Self.drawn(whole ?? items, from: from, to: to).contains { Self.isLeadership($0.lane) }
        let what: String = tenures ? "Events and tenures" : "Events"
        let end: String = PartialDate(year: to.year, month: to.month).display
        let subtitle: String = "\(what) on one time line \u{00B7} \(authority) \u{00B7} \(from.year) to \(end)" + asAt
        y = placer.chartHeading(title, subtitle, style: style, width: width, into: &marks)

        let labelFont = style.font(\.note), laneFont = style.font(\.note, bold: true)
        let laneWidth = (width * 0.17).rounded()
        let x0 = laneWidth + 4, x1 = width - 2
        let totalDays = Double(max(from.days(until: to), 1))
        func x(_ d: DayDate) -> Double { x0 + (x1 - x0) * Double(from.days(until: d)) / totalDays }
        let rowHeight = engine.measure("Ag", labelFont).size.height + 3
        let markSize = rowHeight - 4
        let barHeight = rowHeight - 1

        // Year grid first, behind everything.
        let top = y
        var laneBlocks: [(lane: TimelineItem.Lane, y: Double, height: Double)] = []
        var itemMarks: [Mark] = []
        for lane in TimelineItem.Lane.allCases {
            // Only what falls within the axis: an earlier event is listed in the data table, not pinned to its edge.
            let laneItems = items.filter { $0.lane == lane && ($0.end?.latest ?? ($0.openEnded ? to : $0.start.latest)) >= from }
                .sorted { $0.start < $1.start }
            guard !laneItems.isEmpty else { continue }
            let laneLabel = placer.place(lane.rawValue, laneFont, colour: ink, x: 0, y: y + 2, width: laneWidth - 4, id: "lane:\(lane.rawValue)")
            var rows: [[ClosedRange<Double>]] = []
            for item in laneItems {
                let a = max(item.possible?.lowerBound ?? item.start.earliest, from), b: DayDate
                if let possible = item.possible { b = min(possible.upperBound, to) }
                else if let end = item.end { b = min(end.latest, to) } else { b = min(item.start.latest, to) }
                var markStart = x(a), markEnd = max(x(b), markStart + 1.5)
                // An open end: a short dashed run past the last source that shows the person in post.
                let openRun = item.openEnded ? min(12, x1 - markEnd) : 0
                markEnd += openRun
                let isPoint = item.end == nil && !item.openEnded
                if isPoint && item.start.precision == .day { markStart -= markSize / 2; markEnd = markStart + markSize }
                // The full label when the axis has room for it, else the short one (large print).
                // The full label when it fits beside its mark (after or before it), else the short one:
                // a label is never printed over its own mark.
                func fits(_ t: String) -> Bool {
                    let w = engine.measure(t, labelFont).size.width
                    return markEnd + 3 + w <= x1 || markStart - 3 - w >= x0
                }
                // A tenure's words say what its bar cannot (month not known, inferred, last source
                // held): when they do not fit beside the bar they go on a row of their own under it.
                // Wrapped to the axis's width if need be, in at most two lines; else the short label.
                let wrapped = engine.measure(item.label, labelFont, width: x1 - x0)
                let below = item.possible != nil && !fits(item.label) && wrapped.size.height < 2.5 * engine.measure("Ag", labelFont).size.height
                let text = below || fits(item.label) || item.shortLabel == nil ? item.label : item.shortLabel!
                let measured = below ? wrapped : engine.measure(text, labelFont)
                let labelWidth = measured.size.width
                let labelRows = below ? Int((measured.size.height / rowHeight).rounded(.up)) : 0
                // Inside a bar when it fits, else after the mark, else before it.
                var labelX: Double
                var inside = false
                if below {
                    // Under its bar: from the bar's start, or ending where the bar ends, or from the axis's start.
                    labelX = markStart + labelWidth <= x1 ? markStart : max(x0, min(markEnd, x1) - labelWidth)
                } else if !isPoint && item.possible == nil && markEnd - markStart >= labelWidth + 6 {
                    labelX = markStart + 3; inside = true
                } else if markEnd + 3 + labelWidth <= x1 {
                    labelX = markEnd + 3
                } else {
                    labelX = max(x0, markStart - 3 - labelWidth)
                }
                // The first row with room for the mark and its label (the label's own row under it, when below).
                func free(_ r: Int, _ s: ClosedRange<Double>) -> Bool { r >= rows.count || rows[r].allSatisfy { !$0.overlaps((s.lowerBound - 4)...(s.upperBound + 4)) } }
                let markSpan = markStart...markEnd, labelSpan = labelX...(labelX + labelWidth)
                let span = below ? markSpan : min(markStart, labelX)...max(markEnd, labelX + labelWidth)
                var row = 0
                while !(free(row, span) && (0..<labelRows).allSatisfy { free(row + 1 + $0, labelSpan) }) { row += 1 }
                while rows.count < row + 1 + labelRows { rows.append([]) }
                rows[row].append(span)
                for r in 0..<labelRows { rows[row + 1 + r].append(labelSpan) }
                let ry = y + 2 + Double(row) * rowHeight, ly = ry + (below ? rowHeight : 0)
                let isTenure = item.end != nil || item.openEnded
                let markRect = isTenure ? Rect(x: markStart, y: ry + 0.5, width: markEnd - markStart, height: barHeight)
                    : Rect(x: markStart, y: ry + 1.5, width: markEnd - markStart, height: markSize)
                switch lane {
                case .inspections:
                    let fill = item.grade.map { style.grades[$0]!.fill } ?? style.colours.notJudgedFill
                    itemMarks.append(.box(BoxMark(id: "mark:\(item.id)", rect: markRect, fill: fill, stroke: ink, strokeWidth: style.strokes.rule,
                                                  pattern: item.grade.map { style.grades[$0]!.pattern } ?? .none, patternInk: style.colours.patternInk)))
                case .visits, .government:
                    if isPoint && item.start.precision == .day {
                        let cx = markRect.x + markRect.width / 2, cy = markRect.y + markRect.height / 2, r = markSize / 2
                        itemMarks.append(.path(PathMark(points: [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)], closed: true,
                                                        fill: (lane == .visits ? style.colours.accent : style.colours.seriesNeighbours), stroke: nil, width: 0)))
                    } else {
                        itemMarks.append(.box(BoxMark(id: "mark:\(item.id)", rect: markRect, fill: style.colours.band,
                                                      stroke: (lane == .visits ? style.colours.accent : style.colours.seriesNeighbours), strokeWidth: style.strokes.outline,
                                                      dashed: item.inferred)))
                    }
                default:
                    let laneColour = laneBlocks.count % 2 == 0 ? style.colours.band : style.colours.background
                    itemMarks += tenureMarks(item, x: x, from: from, to: to, bar: markRect, openRun: openRun, lane: laneColour, style: style)
                }
                let labelHeight = rowHeight * Double(max(labelRows, 1))
                var label = placer.place(text, labelFont, colour: ink, x: labelX, y: ly + (labelHeight - measured.size.height) / 2,
                                         width: labelWidth + 0.5, id: "label:\(item.id)")
                if labelRows <= 1 { label.wrapWidth = nil }
                label.container = inside ? markRect.inset(-0.5) : Rect(x: x0, y: ly, width: x1 - x0, height: labelHeight)
                // A patch of the lane's own colour behind a label keeps year rules from crossing it.
                if !inside {
                    itemMarks.append(.box(BoxMark(rect: label.frame.inset(-1), fill: (laneBlocks.count % 2 == 0 ? style.colours.band : style.colours.background))))
                }
                itemMarks.append(.text(label))
            }
            let height = max(Double(rows.count) * rowHeight + 4, laneLabel.frame.height + 4)
            var l = laneLabel
            l.container = Rect(x: 0, y: y, width: laneWidth, height: height)
            marks.append(.text(l))
            laneBlocks.append((lane, y, height))
            y += height
        }
        // Year rules and lane separators under the marks.
        var under: [Mark] = []
        for (i, block) in laneBlocks.enumerated() where i % 2 == 0 {
            under.append(.box(BoxMark(rect: Rect(x: 0, y: block.y, width: width, height: block.height), fill: style.colours.band)))
        }
        var axis: [Mark] = []
        for year in from.year...to.year {
            let d = DayDate(year: year, month: 1, day: 1)
            guard d >= from && d <= to else { continue }
            under.append(.line(LineMark(from: (x(d), top), to: (x(d), y), colour: style.colours.notJudgedHatch, width: style.strokes.hairline)))
            let label = placer.place(String(year), labelFont, colour: muted, x: x(d) + 2, y: y + 2, width: 40, id: "year:\(year)")
            if label.frame.maxX <= width { axis.append(.text(label)) }
        }
        under.append(.line(LineMark(from: (x0, y), to: (x1, y), colour: rule, width: style.strokes.rule)))
        marks = under + marks + itemMarks + axis
        y += rowHeight + gap

        if !footing {
            y = placer.chartFooting(key: "Continued on the next page, where the key is given.", source: "Sources: with the last part of this chart.",
                                    at: y, style: style, width: width, into: &marks)
        } else {
        y = placer.chartFooting(key: Self.key(items: whole ?? items, from: from, to: to, coverage: coverage), source: sourceLine, at: y, style: style, width: width, into: &marks)
        }
        let table = DataTable(columns: ["Lane", "From", "To", "What"],
                              rows: items.map { [$0.lane.rawValue, $0.fromWords ?? $0.start.display, $0.untilWords ?? ($0.end?.display ?? ""), $0.label] })
        let alt = "Time line of \(authority) from \(from.year) to \(to.year). " +
            TimelineItem.Lane.allCases.compactMap { lane in
                let its = items.filter { $0.lane == lane }
                return its.isEmpty ? nil : "\(lane.rawValue): " + its.map(\.label).joined(separator: "; ") + "."
            }.joined(separator: " ") + (coverage.map { " " + $0 } ?? "")
        return Figure(id: id, size: Size(width: width, height: y.rounded(.up)), marks: marks, title: title, subtitle: subtitle,
                      sourceLine: sourceLine, altText: alt, table: table)
    }
}
