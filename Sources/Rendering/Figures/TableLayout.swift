import Foundation

extension DocumentRenderer {
    /// The tallest piece of a table on a page of its own.
    var tableLimit: Double { pageSpace - 40 }

    /// A table as pieces that each fit a page, the header repeated on each; the first piece no
    /// taller than `firstLimit`, when what comes before it on its page needs room.
    func layoutTable(_ table: DataTable, index: Int, firstLimit: Double? = nil) -> [BlockLayout] {
        let placer = TextPlacer(engine: engine)
        let width = contentWidth, pad = 3.0
        let font = style.font(\.note), head = style.font(\.note, bold: true)
        let n = max(table.columns.count, 1)
        // Each column gets room for its longest word (so words are not broken), then the rest of
        // the width is shared in proportion to each column's longest text.
        let texts = (0..<n).map { c in [table.columns[c]] + table.rows.map { c < $0.count ? $0[c] : "" } }
        let minimum = texts.map { column -> Double in
            let words = Set(column.flatMap { $0.split(separator: " ").map(String.init) })
            return (words.map { engine.measure($0, head).size.width }.max() ?? 20) + 2 * pad + 1
        }
        let natural = texts.map { column in min(column.map { engine.measure($0, font).size.width }.max() ?? 20, width * 0.6) + 2 * pad }
        let spare = max(0, width - minimum.reduce(0, +))
        let extra = zip(natural, minimum).map { max(0, $0 - $1) }
        let extraTotal = max(extra.reduce(0, +), 1)
        var colWidths = zip(minimum, extra).map { $0 + spare * $1 / extraTotal }
        let total = colWidths.reduce(0, +)
        colWidths = colWidths.map { $0 * width / total }
        // A row's tagging: its cells as TH or TD in a TR, its banding and rule as layout artifacts;
        // a header repeated on a continuation page is a pagination artifact.
        func rowTagging(_ marks: [Mark], base: Int, header: Bool, repeated: Bool) -> Tagging {
            let range = base..<(base + marks.count)
            if repeated { return Tagging.artifact("Pagination", marks: range) }
            var cells: [Tagging] = []
            for (i, m) in marks.enumerated() {
                if case .text = m { cells.append(Tagging(header ? "TH" : "TD", marks: (base + i)..<(base + i + 1))) }
                else { cells.append(Tagging.artifact("Layout", marks: (base + i)..<(base + i + 1))) }
            }
            return Tagging("TR", children: cells)
        }
        func rowMarks(_ cells: [String], bold: Bool, y: Double, shade: Bool) -> ([Mark], Double) {
            var x = 0.0
            var texts: [TextMark] = []
            for (c, w) in colWidths.enumerated() {
                texts.append(placer.place(c < cells.count ? cells[c] : "", bold ? head : font, colour: style.colours.text, x: x + pad, y: y + pad, width: w - 2 * pad))
                x += w
            }
            let h = (texts.map(\.frame.maxY).max() ?? y) - y + pad
            var marks: [Mark] = shade ? [.box(BoxMark(rect: Rect(x: 0, y: y, width: width, height: h), fill: style.colours.band))] : []
            x = 0
            for (c, var t) in texts.enumerated() { t.container = Rect(x: x, y: y, width: colWidths[c], height: h); x += colWidths[c]; marks.append(.text(t)) }
            if bold { marks.append(.line(LineMark(from: (0, y + h), to: (width, y + h), colour: style.colours.rule, width: style.strokes.rule))) }
            return (marks, h)
        }
        var pieces: [BlockLayout] = []
        var (marks, y) = rowMarks(table.columns, bold: true, y: 0, shade: false)
        var rows = [rowTagging(marks, base: 0, header: true, repeated: false)]
        func piece() -> BlockLayout {
            var b = BlockLayout(tag: "Table", height: y, marks: marks, heading: nil, blockIndex: index, keepWithNext: false)
            b.tagging = rows
            b.container = Container(tag: "Table", id: index)
            return b
        }
        for (i, row) in table.rows.enumerated() {
            let (m, h) = rowMarks(row, bold: false, y: y, shade: i % 2 == 1)
            let limit = pieces.isEmpty ? min(firstLimit ?? tableLimit, tableLimit) : tableLimit
            if y + h > limit && y > 30 {
                pieces.append(piece())
                (marks, y) = rowMarks(table.columns, bold: true, y: 0, shade: false)
                rows = [rowTagging(marks, base: 0, header: true, repeated: true)]
                let (m2, h2) = rowMarks(row, bold: false, y: y, shade: i % 2 == 1)
                rows.append(rowTagging(m2, base: marks.count, header: false, repeated: false))
                marks += m2; y += h2
            } else {
                rows.append(rowTagging(m, base: marks.count, header: false, repeated: false))
                marks += m; y += h
            }
        }
        pieces.append(piece())
        return pieces
    }
}

extension DataTable {
    /// The table as several narrower ones when its columns cannot all stand side by side with
    /// their longest words whole at `width`: each keeps the first column (what a row is about)
    /// and takes as many of the others as fit, so no word is broken and no text shrunk.
    public func columnGroups(style: Style, text engine: TextEngine, width: Double) -> [DataTable] {
        let pad = 3.0, head = style.font(\.note, bold: true)
        let need = columns.indices.map { c -> Double in
            let words = Set(([columns[c]] + rows.map { c < $0.count ? $0[c] : "" }).flatMap { $0.split(separator: " ").map(String.init) })
            return (words.map { engine.measure($0, head).size.width }.max() ?? 20) + 2 * pad + 1
        }
        guard columns.count > 2, need.reduce(0, +) > width else { return [self] }
        var groups: [[Int]] = []
        var current: [Int] = [], used = need[0]
        for c in 1..<columns.count {
            if !current.isEmpty && used + need[c] > width { groups.append(current); current = []; used = need[0] }
            current.append(c); used += need[c]
        }
        if !current.isEmpty { groups.append(current) }
        return groups.map { g in
            DataTable(columns: [columns[0]] + g.map { columns[$0] }, rows: rows.map { r in [r.first ?? ""] + g.map { $0 < r.count ? r[$0] : "" } })
        }
    }
}
