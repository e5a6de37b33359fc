import Judgements

/// The rating grid: judgement areas down the side, graded inspections across, each cell showing
/// its grade as colour and as Ofsted's full wording, and each ungraded cell saying why.
public enum RatingGrid {
    public static let id = "rating-grid"

    public static func figure(_ grid: JudgementGrid, style: Style, text engine: TextEngine, width: Double) -> Figure {
        let placer = TextPlacer(engine: engine)
        let pad = style.space("cell_padding"), gutter = style.space("gutter")
        let gap = style.space("block_gap"), lineGap = style.space("line_gap")
        let ink = style.colour("text"), muted = style.colour("muted_text")
        var marks: [Mark] = []
        var y = 0.0

        let title = headline(grid)
        let t = placer.place(title, style.font("title", bold: true), colour: ink, x: 0, y: y, width: width, id: "title")
        marks.append(.text(t)); y = t.frame.maxY + lineGap
        let subtitle = subtitleText(grid)
        let s = placer.place(subtitle, style.font("subtitle"), colour: muted, x: 0, y: y, width: width, id: "subtitle")
        marks.append(.text(s)); y = s.frame.maxY + gap

        // Columns: a label column sized to the longest area name's longest word, the rest shared.
        let n = max(grid.columns.count, 1)
        let labelWidth = (width * 0.27).rounded()
        let columnWidth = ((width - labelWidth - gutter * Double(n)) / Double(n)).rounded(.down)
        func columnX(_ c: Int) -> Double { labelWidth + gutter + Double(c) * (columnWidth + gutter) }

        // Header row, measured before it is placed.
        let headFont = style.font("cell", bold: true), smallFont = style.font("note")
        let headers: [(TextMark, TextMark)] = grid.columns.enumerated().map { c, col in
            let x = columnX(c) + pad, w = columnWidth - 2 * pad
            let a = placer.place(col.start.monthYear, headFont, colour: ink, x: x, y: y + pad, width: w, id: "head:\(col.eventID)")
            let detail = "\(col.kind.title)" + (col.published.map { ", published \($0.display)" } ?? "")
            let b = placer.place(detail, smallFont, colour: muted, x: x, y: a.frame.maxY + 1, width: w)
            return (a, b)
        }
        let headHeight = (headers.map { $0.1.frame.maxY }.max() ?? y) - y + pad
        for (c, (a, b)) in headers.enumerated() {
            let cell = Rect(x: columnX(c), y: y, width: columnWidth, height: headHeight)
            var a = a, b = b
            a.container = cell; b.container = cell
            marks.append(.text(a)); marks.append(.text(b))
        }
        y += headHeight
        marks.append(.line(LineMark(from: (0, y), to: (width, y), colour: style.colour("rule"), width: 0.75)))
        y += gutter

        // Body rows: measure every cell of the row, then size the row to the tallest.
        let cellFont = style.font("cell"), labelFont = style.font("cell", bold: true)
        for (r, area) in grid.rows.enumerated() {
            let label = placer.place(area.shortTitle, labelFont, colour: ink, x: 0, y: 0, width: labelWidth - pad, id: "label:\(area.rawValue)")
            var contents: [[TextMark]] = []
            for (c, col) in grid.columns.enumerated() {
                let x = columnX(c) + pad, w = columnWidth - 2 * pad
                var runs: [TextMark] = []
                switch grid.cells[r][c] {
                case let .graded(grade, note):
                    let colours = style.grades[grade]!
                    runs.append(placer.place(grade.wording, cellFont, colour: colours.text, x: x, y: 0, width: w,
                                             id: "grade:\(area.rawValue):\(col.eventID)"))
                    if let note {
                        runs.append(placer.place("(\(note))", smallFont.with(italic: true), colour: colours.text, x: x, y: 0, width: w))
                    }
                case let .notJudged(reason):
                    runs.append(placer.place(sentenceCase(reason), cellFont.with(italic: true), colour: style.colour("not_judged_text"),
                                             x: x, y: 0, width: w, id: "notjudged:\(area.rawValue):\(col.eventID)"))
                }
                contents.append(runs)
            }
            let contentHeights = contents.map { runs in runs.map(\.frame.height).reduce(0, +) + Double(max(runs.count - 1, 0)) * 2 }
            let rowHeight = max(label.frame.height, contentHeights.max() ?? 0, engine.measure("Ag\nAg", cellFont).size.height) + 2 * pad
            let rowRect = Rect(x: 0, y: y, width: width, height: rowHeight)

            var l = label
            l.frame.y = y + (rowHeight - label.frame.height) / 2
            l.container = Rect(x: 0, y: y, width: labelWidth, height: rowHeight)
            marks.append(.text(l))
            for (c, col) in grid.columns.enumerated() {
                let cell = Rect(x: columnX(c), y: y, width: columnWidth, height: rowHeight)
                switch grid.cells[r][c] {
                case let .graded(grade, _):
                    marks.append(.box(BoxMark(id: "cell:\(area.rawValue):\(col.eventID)", rect: cell, fill: style.grades[grade]!.fill)))
                case .notJudged:
                    marks.append(.box(BoxMark(id: "cell:\(area.rawValue):\(col.eventID)", rect: cell,
                                              fill: style.colour("not_judged_fill"), hatch: style.colour("not_judged_hatch"))))
                }
                var ty = y + (rowHeight - contentHeights[c]) / 2
                for var run in contents[c] {
                    run.frame.y = ty
                    run.container = cell
                    ty = run.frame.maxY + 2
                    marks.append(.text(run))
                }
            }
            _ = rowRect
            y += rowHeight + gutter
        }

        y += gap - gutter
        let key = placer.place("Each cell gives Ofsted\u{2019}s wording of the grade. Hatched grey cells: no separate judgement of that kind was made at that inspection; the cell says why.",
                               smallFont, colour: muted, x: 0, y: y, width: width, id: "key")
        marks.append(.text(key)); y = key.frame.maxY + lineGap
        let sourceLine = sourceText(grid)
        let src = placer.place(sourceLine, style.font("source"), colour: muted, x: 0, y: y, width: width, id: "source")
        marks.append(.text(src)); y = src.frame.maxY

        return Figure(id: id, size: Size(width: width, height: y.rounded(.up)), marks: marks, title: title,
                      subtitle: subtitle, sourceLine: sourceLine, altText: altText(grid), table: table(grid))
    }

    static func sentenceCase(_ s: String) -> String {
        s.prefix(1).uppercased() + s.dropFirst()
    }

    static func span(_ grid: JudgementGrid) -> String {
        guard let first = grid.columns.first, let last = grid.columns.last else { return "no graded inspections" }
        return first.eventID == last.eventID ? first.start.monthYear : "\(first.start.monthYear) to \(last.start.monthYear)"
    }

    /// A headline that states the latest position rather than naming the chart.
    static func headline(_ grid: JudgementGrid) -> String {
        guard let last = grid.columns.indices.last else { return "\(grid.authorityName): no graded inspections on record" }
        let latest = grid.columns[last]
        var graded: [Grade: [String]] = [:]
        for (r, area) in grid.rows.enumerated() {
            if case let .graded(g, _) = grid.cells[r][last] { graded[g, default: []].append(area.shortTitle.lowercased()) }
        }
        let parts = Grade.allCases.reversed().compactMap { g -> String? in
            guard let areas = graded[g] else { return nil }
            return "\(g.wording.lowercased()) for \(list(areas))"
        }
        return "\(grid.authorityName)\u{2019}s children\u{2019}s services, \(latest.start.monthYear): \(parts.joined(separator: "; "))"
    }

    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    static func subtitleText(_ grid: JudgementGrid) -> String {
        "Ofsted ILACS judgements at each graded inspection \u{00B7} \(grid.authorityName) \u{00B7} \(span(grid))"
    }

    static func sourceText(_ grid: JudgementGrid) -> String {
        let cites = grid.sources.map(\.citation)
        return "Source: " + cites.joined(separator: "; ") + "."
    }

    static func cellText(_ cell: JudgementGrid.Cell) -> String {
        switch cell {
        case let .graded(g, note): return g.wording + (note.map { " (\($0))" } ?? "")
        case let .notJudged(reason): return "Not judged: \(reason)"
        }
    }

    static func altText(_ grid: JudgementGrid) -> String {
        var parts = ["Table-like chart of \(grid.authorityName)\u{2019}s Ofsted judgements, \(span(grid))."]
        for (c, col) in grid.columns.enumerated() {
            let cells = grid.rows.enumerated().map { r, area in "\(area.shortTitle): \(cellText(grid.cells[r][c]))" }
            parts.append("\(col.start.monthYear) \(col.kind.title.lowercased()): " + cells.joined(separator: "; ") + ".")
        }
        return parts.joined(separator: " ")
    }

    static func table(_ grid: JudgementGrid) -> DataTable {
        DataTable(columns: ["Judgement"] + grid.columns.map { "\($0.start.monthYear) \($0.kind.title.lowercased())" },
                  rows: grid.rows.enumerated().map { r, area in [area.shortTitle] + grid.cells[r].map(cellText) })
    }
}
