import Judgements

/// How many authorities sit at each overall grade, with this authority and its neighbours named
/// under the bar they belong to.
public enum NationalDistribution {
    public static let id = "national-distribution"

    public static func figure(subject: String, counts: [Grade: Int], total: Int, marked: [(name: String, grade: Grade, isSubject: Bool)],
                              sourceLine: String, style: Style, text engine: TextEngine, width: Double) -> Figure {
        let placer = TextPlacer(engine: engine)
        let ink = style.colour("text")
        let gap = style.space("block_gap")
        var marks: [Mark] = []
        var y = 0.0
        let subjectGrade = marked.first { $0.isSubject }?.grade
        let title = subjectGrade.map { g in
            "\(subject) is one of \(counts[g] ?? 0) of England\u{2019}s \(total) authorities whose latest overall judgement is \(g.wording.lowercased())"
        } ?? "Latest overall effectiveness judgements across England\u{2019}s \(total) authorities"
        let subtitle = "Number of local authorities by latest overall effectiveness grade \u{00B7} England \u{00B7} \(subject) and its statistical neighbours named"
        y = placer.chartHeading(title, subtitle, style: style, width: width, into: &marks)

        let cellFont = style.font("cell"), small = style.font("note")
        let labelWidth = (width * 0.24).rounded()
        let countWidth = engine.measure("000", cellFont.with(bold: true)).size.width + 8
        let barMax = width - labelWidth - countWidth - 8
        let maxCount = Double(counts.values.max() ?? 1)
        for g in Grade.allCases.reversed() {
            let n = counts[g] ?? 0
            let label = placer.place(g.wording, cellFont.with(bold: true), colour: ink, x: 0, y: y + 3, width: labelWidth - 8, id: "grade:\(g.key)")
            let barHeight = max(label.frame.height + 6, 20)
            let bar = Rect(x: labelWidth, y: y, width: max(1, barMax * Double(n) / maxCount), height: barHeight)
            marks.append(.box(BoxMark(id: "bar:\(g.key)", rect: bar, fill: style.grades[g]!.fill, stroke: style.colour("rule"), strokeWidth: 0.5,
                                      pattern: style.grades[g]!.pattern, patternInk: style.colour("pattern_ink"))))
            var l = label
            l.container = Rect(x: 0, y: y, width: labelWidth, height: barHeight)
            marks.append(.text(l))
            var c = placer.place(String(n), cellFont.with(bold: true), colour: ink, x: bar.maxX + 4, y: y + 3, width: countWidth, id: "count:\(g.key)")
            c.container = Rect(x: bar.maxX, y: y, width: countWidth + 4, height: barHeight)
            marks.append(.text(c))
            y += barHeight + 2
            let names = marked.filter { $0.grade == g }
            if !names.isEmpty {
                let text = names.map { $0.isSubject ? "\u{25B6} \($0.name)" : $0.name }.joined(separator: ", ")
                let m = placer.place(text, small, colour: ink, x: labelWidth, y: y, width: width - labelWidth, id: "names:\(g.key)")
                marks.append(.text(m)); y = m.frame.maxY + 2
            }
            y += 6
        }
        y += gap - 6
        y = placer.chartFooting(key: "Bars: count of authorities whose latest ILACS inspection gave that overall grade. Under each bar: \(subject) (\u{25B6}) and those of its ten statistical neighbours at that grade.", source: sourceLine, at: y, style: style, width: width, into: &marks)
        let table = DataTable(columns: ["Overall grade", "Authorities", "Of which named here"],
                              rows: Grade.allCases.reversed().map { g in [g.wording, String(counts[g] ?? 0), marked.filter { $0.grade == g }.map(\.name).joined(separator: "; ")] })
        let alt = "Bar chart of England\u{2019}s \(total) authorities by latest overall grade: " +
            Grade.allCases.reversed().map { "\($0.wording) \(counts[$0] ?? 0)" }.joined(separator: ", ") + ". " +
            (subjectGrade.map { "\(subject) is \($0.wording.lowercased())." } ?? "")
        return Figure(id: id, size: Size(width: width, height: y.rounded(.up)), marks: marks, title: title, subtitle: subtitle,
                      sourceLine: sourceLine, altText: alt, table: table)
    }
}
