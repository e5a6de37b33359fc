import Judgements

/// A grid of grades — labelled rows by headed columns, each cell a grade shown as colour and as
/// Ofsted's wording, or a reason why there is none. The rating grid and the neighbours'
/// comparison are both GradeMatrices; this type lays one out into a Figure.
public struct GradeMatrix: Sendable {
    public struct Column: Sendable {
        public var id: String
        public var heading: String
        public var detail: String
    }

    public struct Row: Sendable {
        public var id: String
        public var label: String
        /// Drawn in bold with a marker: "this authority" among its neighbours.
        public var emphasised: Bool = false
    }

    /// What a cell shows: a grade, a progress status, or why there is nothing.
    public enum Cell: Sendable, Hashable {
        case grade(Grade, note: String?)
        case status(ProgressStatus, note: String?)
        /// A status that is the record author's reading of quoted words, not Ofsted's: drawn
        /// white with a dashed outline so it never passes for Ofsted's own verdict.
        case reading(ProgressStatus)
        /// Words only: plain on the page's band colour, or hatched like a cell with no judgement.
        case plain(String, hatched: Bool)
        case notJudged(String)

        public init(_ c: JudgementGrid.Cell) {
            switch c {
            case let .graded(g, note): self = .grade(g, note: note)
            case let .notJudged(reason): self = .notJudged(reason)
            }
        }
    }

    public var id: String
    public var title: String
    public var subtitle: String
    public var rows: [Row]
    public var columns: [Column]
    /// `cells[row][column]`.
    public var cells: [[Cell]]
    public var key: String
    public var sourceLine: String
    public var altText: String
    public var table: DataTable
    /// Share of the width given to the row labels.
    public var labelShare: Double = 0.27
    /// How far the label column may narrow to give the cells room for their longest word.
    public var minimumLabelShare: Double = 0.18
    /// Row labels in bold (a few judgement areas) or regular (a long list of authorities).
    public var boldLabels: Bool = true

    static func cellText(_ cell: JudgementGrid.Cell) -> String { cellText(Cell(cell)) }

    static func cellText(_ cell: Cell) -> String {
        switch cell {
        case let .grade(g, note): return g.wording + (note.map { " (\($0))" } ?? "")
        case let .status(s, note): return sentenceCase(s.rawValue) + (note.map { ": \($0)" } ?? "")
        case let .reading(s): return "Officer\u{2019}s reading: \(s.rawValue)"
        case let .plain(words, _): return words
        // A reason that already says so ("not judged under the 2026 framework") is not prefixed again.
        case let .notJudged(reason): return reason.lowercased().hasPrefix("not judged") ? sentenceCase(reason) : "Not judged: \(reason)"
        }
    }

    /// Fill, text colour, pattern and words of a cell in `style`.
    static func look(_ cell: Cell, _ style: Style) -> (fill: Colour, text: Colour, pattern: Style.Pattern, hatch: Colour?, words: String, italic: Bool, outline: Colour?) {
        switch cell {
        case let .grade(g, _):
            let c = style.grades[g]!
            return (c.fill, c.text, c.pattern, nil, g.wording, false, nil)
        case let .status(st, _):
            let c = style.statuses[st]!
            return (c.fill, c.text, c.pattern, st == .notLookedAt ? style.colours.notJudgedHatch : nil,
                    "\(c.symbol) \(sentenceCase(st.rawValue))", st == .notLookedAt, nil)
        case let .reading(st):
            let c = style.statuses[st]!
            return (style.colours.background, style.colours.text, c.pattern, nil,
                    "\(c.symbol) \(sentenceCase(st.rawValue)) (officer\u{2019}s reading)", true, style.colours.rule)
        case let .plain(words, hatched):
            return (hatched ? style.colours.notJudgedFill : style.colours.band, style.colours.notJudgedText, .none,
                    hatched ? style.colours.notJudgedHatch : nil, words, hatched, nil)
        case let .notJudged(reason):
            return (style.colours.notJudgedFill, style.colours.notJudgedText, .none, style.colours.notJudgedHatch,
                    sentenceCase(reason), true, nil)
        }
    }

    static func sentenceCase(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    /// The matrix in pieces no taller than `maxHeight`, each with the column headings, so a long
    /// matrix continues on the next page instead of running off this one.
    public func pieces(style: Style, text engine: TextEngine, width: Double, maxHeight: Double) -> [Figure] {
        // Too many columns for their longest word at this size (a tracker in large print): the
        // columns go in groups, each under the row labels, rather than words breaking or shrinking.
        let fit = max(1, columnsThatFit(style: style, text: engine, width: width))
        let groupCount = (columns.count + fit - 1) / fit
        let size = (columns.count + groupCount - 1) / groupCount
        let groups = stride(from: 0, to: columns.count, by: max(size, 1)).map { Array($0..<min($0 + size, columns.count)) }
        return groups.enumerated().flatMap { g, cols -> [Figure] in
            var m = self
            if groups.count > 1 {
                m.columns = cols.map { columns[$0] }
                m.cells = cells.map { row in cols.map { row[$0] } }
                m.title = title + " (columns \(cols.first! + 1) to \(cols.last! + 1) of \(columns.count))"
                if g < groups.count - 1 {
                    m.key = "Continued on the next page, where the key is given."
                    m.sourceLine = "Sources: with the last part of this chart."
                }
            }
            return Figure.pieces(of: Array(m.rows.indices), maxHeight: maxHeight) { indices, continued in
                m.part(indices.first!..<(indices.last! + 1), continued: continued, keepFooting: g == groups.count - 1).figure(style: style, text: engine, width: width)
            }
        }
    }

    /// Whether any cell of this matrix carries a pattern swatch in `style`: room for swatches is
    /// kept only in a matrix that draws one (a tracker of statuses needs none in a style that
    /// patterns only grades), so large print still fits its columns.
    func hasSwatches(_ style: Style) -> Bool {
        cells.contains { row in row.contains { Self.look($0, style).pattern != .none } }
    }

    /// How many columns can stand side by side with every cell's longest word unbroken in the
    /// smaller (note) size, the label column at its narrowest.
    public func columnsThatFit(style: Style, text engine: TextEngine, width: Double) -> Int {
        let pad = style.spacing.cellPadding, gutter = style.spacing.gutter
        let patterned = hasSwatches(style)
        var words: Set<String> = []
        for row in cells { for cell in row { for w in Self.look(cell, style).words.split(separator: " ") { words.insert(String(w)) } } }
        // A column's detail (a visit's theme) must not break mid-word either ("permanen-ce").
        for col in columns { for w in (col.heading + " " + col.detail).split(whereSeparator: { $0 == " " || $0 == "/" }) { words.insert(String(w)) } }
        let font = style.font(\.note).with(bold: true)
        let need = (words.map { engine.measure($0, font).size.width }.max() ?? 0) + 2 * pad + (patterned ? 10 : 0) + 1
        let free = width - (width * minimumLabelShare).rounded()
        var n = columns.count
        while n > 1 && ((free - gutter * Double(n)) / Double(n)).rounded(.down) < need { n -= 1 }
        return n
    }

    /// Rows `range` under the full headings. Only the part with the last row carries the key and
    /// sources in full, so a long key in large print cannot make every part taller than a page.
    func part(_ range: Range<Int>, continued: Bool, keepFooting: Bool = true) -> GradeMatrix {
        var m = self
        m.rows = Array(rows[range])
        m.cells = Array(cells[range])
        // "(columns 5 to 7 of 7, continued)", not "(columns 5 to 7 of 7) (continued)".
        if continued { m.title = title.hasSuffix(")") && title.contains(" (columns ") ? title.dropLast() + ", continued)" : title + " (continued)" }
        if keepFooting && range.upperBound < rows.count {
            m.key = "Continued on the next page, where the key is given."
            m.sourceLine = "Sources: with the last part of this chart."
        }
        return m
    }

    /// Measures every label and cell with Pango, sizes each row to its tallest content, and
    /// places marks; colours, fonts and spacing all come from `style`.
    public func figure(style: Style, text engine: TextEngine, width: Double) -> Figure {
        let placer = TextPlacer(engine: engine)
        let pad = style.spacing.cellPadding, gutter = style.spacing.gutter
        let gap = style.spacing.blockGap
        let ink = style.colours.text, muted = style.colours.mutedText
        var marks: [Mark] = []
        var y = 0.0

        y = placer.chartHeading(title, subtitle, style: style, width: width, into: &marks)

        let n = max(columns.count, 1)
        // Measure the longest single word any cell must hold; give the columns room for it by
        // narrowing the label column, and if that is not enough, set the cells one size smaller.
        let swatchWidth = hasSwatches(style) ? 10.0 : 0
        var words: Set<String> = []
        for row in cells {
            for cell in row { for w in Self.look(cell, style).words.split(separator: " ") { words.insert(String(w)) } }
        }
        // A column's detail (a visit's theme) must not break mid-word either ("permanen-ce").
        for col in columns { for w in (col.heading + " " + col.detail).split(whereSeparator: { $0 == " " || $0 == "/" }) { words.insert(String(w)) } }
        func widest(_ font: FontSpec) -> Double { words.map { engine.measure($0, font).size.width }.max() ?? 0 }
        func columnWidthFor(_ share: Double) -> Double {
            let labels: Double = (width * share).rounded()
            let free: Double = width - labels - gutter * Double(n)
            return (free / Double(n)).rounded(.down)
        }
        var share = labelShare
        var cellFont = style.font(\.cell)
        func need(_ font: FontSpec) -> Double { widest(font.with(bold: true)) + 2 * pad + swatchWidth + 1 }
        while columnWidthFor(share) < need(cellFont) && share > minimumLabelShare { share -= 0.01 }
        if columnWidthFor(share) < need(cellFont) { cellFont = style.font(\.note) }
        let labelWidth = (width * share).rounded()
        let columnWidth = columnWidthFor(share)
        func columnX(_ c: Int) -> Double { labelWidth + gutter + Double(c) * (columnWidth + gutter) }

        let headFont = cellFont.with(bold: true), smallFont = style.font(\.note)
        let headers: [(TextMark, TextMark?)] = columns.enumerated().map { c, col in
            let x = columnX(c) + pad, w = columnWidth - 2 * pad
            let a = placer.place(col.heading, headFont, colour: ink, x: x, y: y + pad, width: w, id: "head:\(col.id)")
            let b = col.detail.isEmpty ? nil : placer.place(col.detail, smallFont, colour: muted, x: x, y: a.frame.maxY + 1, width: w)
            return (a, b)
        }
        let headHeight = (headers.map { ($0.1 ?? $0.0).frame.maxY }.max() ?? y) - y + pad
        for (c, (a, b)) in headers.enumerated() {
            let cell = Rect(x: columnX(c), y: y, width: columnWidth, height: headHeight)
            var a = a
            a.container = cell
            marks.append(.text(a))
            if var b { b.container = cell; marks.append(.text(b)) }
        }
        y += headHeight
        marks.append(.line(LineMark(from: (0, y), to: (width, y), colour: style.colours.rule, width: style.strokes.rule)))
        y += gutter

        let labelFont = style.font(\.cell, bold: true)
        // A style that draws patterns reserves a swatch at each cell's left edge for them.
        let swatch = swatchWidth
        let minimum = engine.measure("Ag\nAg", cellFont).size.height
        for (r, row) in rows.enumerated() {
            let labelText = row.emphasised ? "\u{25B6} \(row.label)" : row.label
            let label = placer.place(labelText, row.emphasised || boldLabels ? labelFont : style.font(\.cell),
                                     colour: ink, x: 0, y: 0, width: labelWidth - pad, id: "label:\(row.id)")
            var contents: [[TextMark]] = []
            for (c, col) in columns.enumerated() {
                let x = columnX(c) + pad + swatch, w = columnWidth - 2 * pad - swatch
                let look = Self.look(cells[r][c], style)
                var runs = [placer.place(look.words, look.italic ? cellFont.with(italic: true) : cellFont, colour: look.text,
                                         x: x, y: 0, width: w, id: "text:\(row.id):\(col.id)")]
                switch cells[r][c] {
                case let .grade(_, note?), let .status(_, note?):
                    runs.append(placer.place("(\(note))", smallFont.with(italic: true), colour: look.text, x: x, y: 0, width: w))
                default:
                    break
                }
                contents.append(runs)
            }
            let heights = contents.map { runs in runs.map(\.frame.height).reduce(0, +) + Double(max(runs.count - 1, 0)) * 2 }
            let rowHeight = max(label.frame.height, heights.max() ?? 0, minimum) + 2 * pad
            var l = label
            l.frame.y = y + (rowHeight - label.frame.height) / 2
            l.container = Rect(x: 0, y: y, width: labelWidth, height: rowHeight)
            marks.append(.text(l))
            for (c, col) in columns.enumerated() {
                let cell = Rect(x: columnX(c), y: y, width: columnWidth, height: rowHeight)
                let look = Self.look(cells[r][c], style)
                marks.append(.box(BoxMark(id: "cell:\(row.id):\(col.id)", rect: cell, fill: look.fill, hatch: look.hatch)))
                if let outline = look.outline {
                    marks.append(.box(BoxMark(rect: cell.inset(1), fill: nil, stroke: outline, strokeWidth: style.strokes.outline, dashed: true)))
                }
                if look.pattern != .none {
                    marks.append(.box(BoxMark(id: "swatch:\(row.id):\(col.id)", rect: Rect(x: cell.x, y: cell.y, width: swatch - 2, height: cell.height),
                                              fill: nil, pattern: look.pattern, patternInk: style.colours.patternInk)))
                }
                var ty = y + (rowHeight - heights[c]) / 2
                for var run in contents[c] {
                    run.frame.y = ty
                    run.container = cell
                    ty = run.frame.maxY + 2
                    marks.append(.text(run))
                }
            }
            y += rowHeight + gutter
        }

        y += gap - gutter
        y = placer.chartFooting(key: key, source: sourceLine, at: y, style: style, width: width, into: &marks)

        return Figure(id: id, size: Size(width: width, height: y.rounded(.up)), marks: marks, title: title,
                      subtitle: subtitle, sourceLine: sourceLine, altText: altText, table: table)
    }
}
