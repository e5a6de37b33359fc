import Judgements

/// A table of labelled rows (a bold label and a muted detail) and value columns, its key and
/// source below: the key-indicator table and the group's indicators side by side. Columns get
/// room for their longest word, so no word breaks; long tables continue on the next page.
public struct RowTable: Chart {
    /// A row as plain text values, already formatted.
    public struct Row: Sendable {
        public var title: String
        public var detail: String
        public var values: [String]
        /// What the row is about (an indicator's id): its label's mark is `row:<id>`, so a
        /// citation can find the page the row is drawn on. Nil: the row's position.
        public var id: String?

        public init(title: String, detail: String, values: [String], id: String? = nil) {
            self.title = title; self.detail = detail; self.values = values; self.id = id
        }
    }

    public var id: String
    public var title: String
    public var subtitle: String
    public var headers: [String]
    /// Value columns set left (words), the rest right-aligned (numbers).
    public var leftAligned: Set<Int>
    public var firstColumn: String
    public var secondColumn: String
    /// Who the rows are about, for the sentence a table with no rows prints.
    public var subject: String
    public var rows: [Row]
    public var sourceLine: String
    public var note: String

    public init(id: String, title: String, subtitle: String, headers: [String], leftAligned: Set<Int>, firstColumn: String,
                secondColumn: String, subject: String, rows: [Row], sourceLine: String, note: String) {
        self.id = id; self.title = title; self.subtitle = subtitle; self.headers = headers; self.leftAligned = leftAligned
        self.firstColumn = firstColumn; self.secondColumn = secondColumn; self.subject = subject; self.rows = rows
        self.sourceLine = sourceLine; self.note = note
    }

    /// The sentence a table with no rows prints instead of a header with nothing under it.
    public static func noData(_ subject: String) -> String {
        "No published figures for \(subject) on any key indicator are held, so there is nothing to compare."
    }

    /// The table in pieces no taller than the page leaves, each under the column headings.
    public func pieces(in context: ChartContext) -> [Figure] {
        if rows.isEmpty { return [figure(in: context)] }
        return Figure.pieces(of: rows, maxHeight: context.maxHeight) { part, _ in
            var t = self
            t.rows = part
            return t.figure(in: context)
        }
    }

    public func figure(in context: ChartContext) -> Figure {
        let style = context.style, engine = context.text, width = context.width
        let noData = Self.noData
        let comparisonColumns = leftAligned
        let placer = TextPlacer(engine: engine)
        let pad = style.spacing.cellPadding, gap = style.spacing.blockGap, lineGap = style.spacing.lineGap
        let ink = style.colours.text, muted = style.colours.mutedText
        var marks: [Mark] = []
        var y = 0.0
        y = placer.chartHeading(title, subtitle, style: style, width: width, into: &marks)

        guard !rows.isEmpty else {
            let sentence = placer.place(noData(subject), style.font(\.body), colour: ink, x: 0, y: y, width: width, id: "no-data")
            marks.append(.text(sentence))
            y = placer.chartFooting(key: note, source: sourceLine, at: sentence.frame.maxY + gap, style: style, width: width, into: &marks)
            return Figure(id: id, size: Size(width: width, height: y.rounded(.up)), marks: marks, title: title, subtitle: subtitle,
                          sourceLine: sourceLine, altText: noData(subject), table: DataTable(columns: [firstColumn, secondColumn] + headers, rows: []))
        }
        // Columns get room for their longest word (headings are bold): the label column narrows
        // first, then the cells step down to the note size, so no word is ever broken.
        var words: Set<String> = []
        for h in headers { for w in h.split(separator: " ") { words.insert(String(w)) } }
        for r in rows { for v in r.values { for w in v.split(separator: " ") { words.insert(String(w)) } } }
        func need(_ size: KeyPath<Style.Sizes, Double>) -> Double { (words.map { engine.measure($0, style.font(size, bold: true)).size.width }.max() ?? 0) + 2 * pad + 1 }
        var share = headers.count > 4 ? 0.24 : 0.32
        func columnWidth(_ share: Double) -> Double { ((width - (width * share).rounded()) / Double(headers.count)).rounded(.down) }
        while columnWidth(share) < need(\.cell) && share > 0.16 { share -= 0.01 }
        let size: KeyPath<Style.Sizes, Double> = columnWidth(share) < need(\.cell) ? \.note : \.cell
        let labelWidth = (width * share).rounded()
        let colWidth = columnWidth(share)
        func colX(_ i: Int) -> Double { labelWidth + Double(i) * colWidth }
        let headFont = style.font(size, bold: true), cellFont = style.font(size), small = style.font(\.note)
        let heads = headers.enumerated().map { i, h in
            placer.place(h, headFont, colour: ink, x: colX(i) + pad, y: y, width: colWidth - 2 * pad,
                         alignment: comparisonColumns.contains(i) ? .left : .right, id: "head:\(i)")
        }
        let headHeight = heads.map(\.frame.height).max() ?? 0
        for var h in heads {
            h.container = Rect(x: h.layoutX - pad, y: y, width: colWidth, height: headHeight)
            marks.append(.text(h))
        }
        y += headHeight + lineGap
        marks.append(.line(LineMark(from: (0, y), to: (width, y), colour: style.colours.rule, width: style.strokes.rule)))
        y += lineGap
        for (r, row) in rows.enumerated() {
            let a = placer.place(row.title, cellFont.with(bold: true), colour: ink, x: 0, y: y + pad, width: labelWidth - pad, id: "row:\(row.id ?? String(r))")
            let b = placer.place(row.detail, small, colour: muted, x: 0, y: a.frame.maxY + 1, width: labelWidth - pad)
            let cells = row.values.enumerated().map { i, v in
                placer.place(v, cellFont, colour: ink, x: colX(i) + pad, y: y + pad, width: colWidth - 2 * pad,
                             alignment: comparisonColumns.contains(i) ? .left : .right, id: "value:\(r):\(i)")
            }
            let h = max(b.frame.maxY - y, (cells.map(\.frame.maxY).max() ?? y) - y) + pad
            if r % 2 == 0 { marks.append(.box(BoxMark(rect: Rect(x: 0, y: y, width: width, height: h), fill: style.colours.band))) }
            for var m in [a, b] { m.container = Rect(x: 0, y: y, width: labelWidth, height: h); marks.append(.text(m)) }
            for (i, var c) in cells.enumerated() { c.container = Rect(x: colX(i), y: y, width: colWidth, height: h); marks.append(.text(c)) }
            y += h
        }
        y += gap
        y = placer.chartFooting(key: note, source: sourceLine, at: y, style: style, width: width, into: &marks)
        let table = DataTable(columns: [firstColumn, secondColumn] + headers, rows: rows.map { [$0.title, $0.detail] + $0.values })
        let alt = "\(title). Table of \(rows.count) rows. " +
            rows.map { "\($0.title) (\($0.detail)): " + zip(headers, $0.values).map { "\($0) \($1)" }.joined(separator: ", ") }.joined(separator: ". ") + "."
        return Figure(id: id, size: Size(width: width, height: y.rounded(.up)), marks: marks, title: title, subtitle: subtitle,
                      sourceLine: sourceLine, altText: alt, table: table)
    }
}
