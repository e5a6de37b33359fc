import Judgements

/// How many authorities sit at each overall grade, with this authority and its neighbours named
/// under the bar they belong to.
public struct NationalDistribution: Chart {
    public static let id = "national-distribution"

    public var subject: String
    public var title: String
    public var bars: [Bar]
    public var total: Int
    public var provenance: String
    /// The authorities kept out of the bars and why, said under them.
    public var outside: String
    public var altFinding: String
    public var sourceLine: String

    public init(subject: String, title: String, bars: [Bar], total: Int, provenance: String, outside: String = "", altFinding: String, sourceLine: String) {
        self.subject = subject; self.title = title; self.bars = bars; self.total = total; self.provenance = provenance
        self.outside = outside; self.altFinding = altFinding; self.sourceLine = sourceLine
    }

    public func figure(in c: ChartContext) -> Figure {
        Self.figure(subject: subject, title: title, bars: bars, total: total, provenance: provenance, outside: outside, altFinding: altFinding,
                    sourceLine: sourceLine, style: c.style, text: c.text, width: c.width)
    }

    public func pieces(in c: ChartContext) -> [Figure] {
        Self.pieces(subject: subject, title: title, bars: bars, total: total, provenance: provenance, outside: outside, altFinding: altFinding,
                    sourceLine: sourceLine, style: c.style, text: c.text, width: c.width, maxHeight: c.maxHeight)
    }

    /// One bar: a grade (drawn in its colour) or a group with no overall grade (drawn as not judged).
    public struct Bar: Sendable {
        public var label: String
        public var grade: Grade?
        public var count: Int
        /// The authority (`isSubject`) and those of its neighbours in this group.
        public var names: [(name: String, isSubject: Bool)]

        public init(label: String, grade: Grade?, count: Int, names: [(name: String, isSubject: Bool)]) {
            self.label = label; self.grade = grade; self.count = count; self.names = names
        }
    }

    /// The bars in pieces no taller than `maxHeight` (large print); only the last carries the key
    /// and sources.
    static func pieces(subject: String, title: String, bars: [Bar], total: Int, provenance: String, outside: String = "", altFinding: String,
                              sourceLine: String, style: Style, text engine: TextEngine, width: Double, maxHeight: Double) -> [Figure] {
        Figure.pieces(of: Array(bars.indices), maxHeight: maxHeight) { part, continued in
            figure(subject: subject, title: title + (continued ? " (continued)" : ""), bars: part.map { bars[$0] }, total: total,
                   provenance: provenance, outside: part.last == bars.indices.last ? outside : "", altFinding: altFinding, sourceLine: sourceLine,
                   footing: part.last == bars.indices.last, style: style, text: engine, width: width)
        }
    }

    /// `outside`: the authorities kept out of the bars and why (a newer report with no overall
    /// grade), said under them, never drawn as a bar that would place them in the distribution.
    static func figure(subject: String, title: String, bars: [Bar], total: Int, provenance: String, outside: String = "", altFinding: String,
                              sourceLine: String, footing: Bool = true, style: Style, text engine: TextEngine, width: Double) -> Figure {
        let placer = TextPlacer(engine: engine)
        let ink = style.colours.text
        let gap = style.spacing.blockGap
        var marks: [Mark] = []
        var y = 0.0
        let subtitle = "Number of local authorities by latest overall effectiveness grade \u{00B7} England \u{00B7} \(subject) and its statistical neighbours named \u{00B7} \(provenance)"
        y = placer.chartHeading(title, subtitle, style: style, width: width, into: &marks)

        let cellFont = style.font(\.cell), small = style.font(\.note)
        let labelWidth = (width * 0.24).rounded()
        let countWidth = engine.measure("000", cellFont.with(bold: true)).size.width + 8
        let barMax = width - labelWidth - countWidth - 8
        let maxCount = Double(bars.map(\.count).max() ?? 1)
        for (i, b) in bars.enumerated() {
            let key = b.grade?.key ?? "group\(i)"
            let label = placer.place(b.label, cellFont.with(bold: true), colour: ink, x: 0, y: y + 3, width: labelWidth - 8, id: "grade:\(key)")
            let barHeight = max(label.frame.height + 6, 20)
            let bar = Rect(x: labelWidth, y: y, width: max(1, barMax * Double(b.count) / max(maxCount, 1)), height: barHeight)
            if let g = b.grade {
                marks.append(.box(BoxMark(id: "bar:\(key)", rect: bar, fill: style.grades[g]!.fill, stroke: style.colours.rule, strokeWidth: style.strokes.hairline,
                                          pattern: style.grades[g]!.pattern, patternInk: style.colours.patternInk)))
            } else {
                marks.append(.box(BoxMark(id: "bar:\(key)", rect: bar, fill: style.colours.notJudgedFill, hatch: style.colours.notJudgedHatch,
                                          stroke: style.colours.rule, strokeWidth: style.strokes.hairline)))
            }
            var l = label
            l.container = Rect(x: 0, y: y, width: labelWidth, height: barHeight)
            marks.append(.text(l))
            var c = placer.place(String(b.count), cellFont.with(bold: true), colour: ink, x: bar.maxX + 4, y: y + 3, width: countWidth, id: "count:\(key)")
            c.container = Rect(x: bar.maxX, y: y, width: countWidth + 4, height: barHeight)
            marks.append(.text(c))
            y += barHeight + 2
            if !b.names.isEmpty {
                let text = b.names.map { $0.isSubject ? "\u{25B6} \($0.name)" : $0.name }.joined(separator: ", ")
                let m = placer.place(text, small, colour: ink, x: labelWidth, y: y, width: width - labelWidth, id: "names:\(key)")
                marks.append(.text(m)); y = m.frame.maxY + 2
            }
            y += 6
        }
        if !outside.isEmpty {
            let m = placer.place(outside, small, colour: ink, x: 0, y: y, width: width, id: "outside")
            marks.append(.text(m)); y = m.frame.maxY + 6
        }
        y += gap - 6
        y = !footing ? placer.chartFooting(key: "Continued on the next page, where the key is given.", source: "Sources: with the last part of this chart.",
                                            at: y, style: style, width: width, into: &marks)
            : placer.chartFooting(key: Self.key(subject: subject, bars: bars), source: sourceLine, at: y, style: style, width: width, into: &marks)
        let table = DataTable(columns: ["Overall grade", "Authorities", "Of which named here"],
                              rows: bars.map { [$0.label, String($0.count), $0.names.map(\.name).joined(separator: "; ")] }
                                + (outside.isEmpty ? [] : [["Not in the bars", "not counted", outside.replacingOccurrences(of: "\u{25B6} ", with: "")]]))
        let alt = "Bar chart of \(outside.isEmpty ? "England\u{2019}s \(total)" : "\(total) of England\u{2019}s") authorities by the overall grade of their newest known inspection (\(provenance)): " +
            bars.map { "\($0.label) \($0.count)" }.joined(separator: ", ") + ". " + altFinding + (outside.isEmpty ? "" : " " + outside.replacingOccurrences(of: "\u{25B6} ", with: ""))
        return Figure(id: id, size: Size(width: width, height: y.rounded(.up)), marks: marks, title: title, subtitle: subtitle,
                      sourceLine: sourceLine, altText: alt, table: table)
    }

    /// The key says only what the bars show: hatching when a bar is hatched, the subject's mark
    /// when the subject is under a bar (Liverpool, with no overall grade in 2026, is not).
    static func key(subject: String, bars: [Bar]) -> String {
        let hatched = bars.contains { $0.grade == nil }
        let marked = bars.contains { $0.names.contains { $0.isSubject } }
        return "Bars: count of authorities by the overall grade of their newest known ILACS inspection" +
            (hatched ? "; hatched: inspected under a framework that gives no overall grade" : "") +
            ". Under each bar: " + (marked ? "\(subject) (\u{25B6}) and those of its ten statistical neighbours" : "those of \(subject)\u{2019}s ten statistical neighbours") +
            " in that group."
    }
}
