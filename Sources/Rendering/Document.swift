import CCairo
import Foundation

/// What a PDF says about itself. The creation date is passed in, never read from the clock,
/// so the same inputs give the same bytes.
public struct DocumentMetadata: Sendable {
    public var title: String
    public var author: String
    public var subject: String
    public var creator: String
    public var keywords: String
    /// ISO 8601, e.g. `2026-07-07T00:00:00Z`.
    public var createDate: String
    /// BCP 47 language of the text, for screen readers.
    public var language: String

    public init(title: String, author: String, subject: String, creator: String, keywords: String, createDate: String, language: String = "en-GB") {
        self.title = title; self.author = author; self.subject = subject
        self.creator = creator; self.keywords = keywords; self.createDate = createDate; self.language = language
    }
}

/// The building blocks of a pack's pages, in reading order.
public enum Block: Sendable {
    /// The cover's title, in the style's cover size.
    case title(String)
    case heading(String, level: Int)
    case paragraph(String)
    case note(String)
    /// A bulleted item.
    case bullet(String)
    /// Words someone said, with who said it, when and where.
    case quote(String, attribution: String)
    /// Key numbers in a row, each with its label.
    case keyNumbers([(number: String, label: String)])
    /// A list of the pack's level-1 headings with their page numbers, filled in after pagination.
    case contents
    /// A data table; long tables continue on the next page under a repeated header.
    case table(DataTable)
    case figure(Figure)
    case pageBreak
}

/// A pack before pagination: blocks flow onto A4 pages with a running header and footer.
public struct Document: Sendable {
    public var metadata: DocumentMetadata
    public var headerTitle: String
    public var marking: String
    public var footerLeft: String
    public var blocks: [Block]

    public init(metadata: DocumentMetadata, headerTitle: String, marking: String, footerLeft: String, blocks: [Block]) {
        self.metadata = metadata; self.headerTitle = headerTitle; self.marking = marking
        self.footerLeft = footerLeft; self.blocks = blocks
    }
}

/// A block laid out at the left margin and y = 0: its marks, height and structure tag.
public struct BlockLayout: Sendable {
    public var tag: String
    public var height: Double
    public var marks: [Mark]
    /// The heading text and level, for bookmarks and the contents.
    public var heading: (text: String, level: Int)?
    /// Index of the source block (to find a heading's page).
    public var blockIndex: Int
    /// Keep with the next block (headings never end a page).
    public var keepWithNext: Bool
    /// A figure's alternative text, for its structure element.
    public var altText: String? = nil
}

/// A page: its blocks, each with the y at which it sits.
public struct PageLayout: Sendable {
    public var blocks: [(layout: BlockLayout, y: Double)]

    /// Every mark on the page in page coordinates (figures and blocks offset by their place).
    public func marks(margin: Double) -> [Mark] {
        blocks.flatMap { b in b.layout.marks.map { Self.offset($0, dx: margin, dy: b.y) } }
    }

    /// A mark shrunk about the origin (text keeps its font and is drawn under a scaled context).
    static func scaled(_ m: Mark, _ k: Double) -> Mark {
        func r(_ x: Rect) -> Rect { Rect(x: x.x * k, y: x.y * k, width: x.width * k, height: x.height * k) }
        switch m {
        case var .box(b): b.rect = r(b.rect); b.strokeWidth *= k; return .box(b)
        case var .line(l): l.from = (l.from.0 * k, l.from.1 * k); l.to = (l.to.0 * k, l.to.1 * k); l.width *= k; return .line(l)
        case var .path(p): p.points = p.points.map { ($0.0 * k, $0.1 * k) }; p.width *= k; return .path(p)
        case var .text(t):
            t.frame = r(t.frame); t.container = r(t.container); t.layoutX *= k
            t.font = t.font.with(size: t.font.size * k)
            t.wrapWidth = t.wrapWidth.map { $0 * k }
            return .text(t)
        }
    }

    static func offset(_ m: Mark, dx: Double, dy: Double) -> Mark {
        switch m {
        case var .box(b): b.rect = b.rect.offsetBy(dx: dx, dy: dy); return .box(b)
        case var .line(l): l.from = (l.from.0 + dx, l.from.1 + dy); l.to = (l.to.0 + dx, l.to.1 + dy); return .line(l)
        case var .path(p): p.points = p.points.map { ($0.0 + dx, $0.1 + dy) }; return .path(p)
        case var .text(t):
            t.frame = t.frame.offsetBy(dx: dx, dy: dy); t.container = t.container.offsetBy(dx: dx, dy: dy); t.layoutX += dx
            return .text(t)
        }
    }
}

/// Measure-then-place pagination and drawing of a `Document` into a PDF.
public final class DocumentRenderer {
    let style: Style
    let engine: TextEngine
    /// Where the time goes, when someone is measuring.
    public var clock: PhaseClock?

    public init(style: Style, engine: TextEngine, clock: PhaseClock? = nil) {
        self.style = style
        self.engine = engine
        self.clock = clock
    }

    func timed<T>(_ phase: String, _ body: () throws -> T) rethrows -> T {
        if let clock { return try clock.time(phase, body) }
        return try body()
    }

    public var contentWidth: Double { style.pageWidth - 2 * style.margin }
    var headerHeight: Double { engine.measure("Ag", style.font("header")).size.height + style.space("block_gap") }
    var contentTop: Double { style.margin + headerHeight }
    var contentBottom: Double { style.pageHeight - style.margin - headerHeight }
    var pageSpace: Double { contentBottom - contentTop }

    /// The tallest figure that fits on a page under a level-1 heading.
    public var figureSpace: Double {
        pageSpace - engine.measure("Ag\nAg", style.font("title", bold: true)).size.height - style.space("block_gap") - 2
    }

    /// Lays out every block, paginates, then fills in the contents with real page numbers.
    public func layout(_ document: Document) -> [PageLayout] {
        blockCache = [:]
        defer { blockCache = [:] }
        var pages = paginate(document.blocks, contents: nil)
        for _ in 0..<2 {
            var headingPages: [(String, Int)] = []
            for (i, page) in pages.enumerated() {
                for b in page.blocks { if let h = b.layout.heading, h.level == 1, i > 0 { headingPages.append((h.text, i + 1)) } }
            }
            let next = paginate(document.blocks, contents: headingPages)
            let same = next.count == pages.count
            pages = next
            if same { break }
        }
        return pages
    }

    /// Block layouts measured once per document; only the contents changes between passes.
    private var blockCache: [Int: [BlockLayout]] = [:]

    func paginate(_ blocks: [Block], contents: [(String, Int)]?) -> [PageLayout] {
        var pages: [PageLayout] = [PageLayout(blocks: [])]
        var y = contentTop
        let gap = style.space("block_gap")
        var pending: [BlockLayout] = []
        for (index, block) in blocks.enumerated() {
            if case .pageBreak = block {
                if !pages[pages.count - 1].blocks.isEmpty { pages.append(PageLayout(blocks: [])); y = contentTop }
                continue
            }
            let pieces: [BlockLayout]
            if case .contents = block {
                pieces = layoutBlock(block, index: index, contents: contents)
            } else if let cached = blockCache[index] {
                pieces = cached
            } else {
                pieces = layoutBlock(block, index: index, contents: contents)
                blockCache[index] = pieces
            }
            for piece in pieces {
                pending.append(piece)
                if piece.keepWithNext { continue }
                // Place the pending run (headings plus the block they introduce) together when it fits.
                let runHeight = pending.map(\.height).reduce(0, +) + gap * Double(pending.count - 1)
                if y + runHeight > contentBottom && !pages[pages.count - 1].blocks.isEmpty {
                    pages.append(PageLayout(blocks: [])); y = contentTop
                }
                for p in pending {
                    pages[pages.count - 1].blocks.append((p, y))
                    y += p.height + gap
                }
                pending = []
            }
        }
        for p in pending { pages[pages.count - 1].blocks.append((p, y)); y += p.height + gap }
        return pages
    }

    /// One block's layout; a long table comes back as several pieces, one per page.
    func layoutBlock(_ block: Block, index: Int, contents: [(String, Int)]?) -> [BlockLayout] {
        let placer = TextPlacer(engine: engine)
        let width = contentWidth
        let ink = style.colour("text"), muted = style.colour("muted_text")
        func text(_ s: String, _ font: FontSpec, _ colour: Colour, tag: String, heading: (String, Int)? = nil, keep: Bool = false) -> BlockLayout {
            let m = placer.place(s, font, colour: colour, x: 0, y: 0, width: width)
            return BlockLayout(tag: tag, height: m.frame.height, marks: [.text(m)], heading: heading, blockIndex: index, keepWithNext: keep)
        }
        switch block {
        case .pageBreak:
            return []
        case let .title(s):
            return [text(s, style.font("cover_title", bold: true), ink, tag: "H1", heading: (s, 0))]
        case let .heading(s, level):
            return [text(s, style.font(level == 1 ? "title" : "heading", bold: true), ink, tag: level == 1 ? "H1" : "H2",
                         heading: (s, level), keep: true)]
        case let .paragraph(s):
            return [text(s, style.font("body"), ink, tag: "P")]
        case let .note(s):
            return [text(s, style.font("note"), muted, tag: "P")]
        case let .bullet(s):
            let indent = engine.measure("\u{2022}  ", style.font("body")).size.width
            let dot = placer.place("\u{2022}", style.font("body"), colour: ink, x: 0, y: 0, width: indent)
            let m = placer.place(s, style.font("body"), colour: ink, x: indent, y: 0, width: width - indent)
            return [BlockLayout(tag: "LI", height: m.frame.height, marks: [.text(dot), .text(m)], heading: nil, blockIndex: index, keepWithNext: false)]
        case let .quote(s, attribution):
            let bar = 3.0, indent = 12.0
            let q = placer.place("\u{201C}\(s)\u{201D}", style.font("body", italic: true), colour: ink, x: indent, y: 0, width: width - indent)
            let a = placer.place("\u{2014} \(attribution)", style.font("note"), colour: muted, x: indent, y: q.frame.maxY + 2, width: width - indent)
            let h = a.frame.maxY
            return [BlockLayout(tag: "BlockQuote", height: h,
                                marks: [.box(BoxMark(rect: Rect(x: 0, y: 0, width: bar, height: h), fill: style.colour("accent"))), .text(q), .text(a)],
                                heading: nil, blockIndex: index, keepWithNext: false)]
        case let .keyNumbers(items):
            let n = max(items.count, 1)
            let w = (width - Double(n - 1) * 8) / Double(n)
            var marks: [Mark] = []
            var h = 0.0
            for (i, item) in items.enumerated() {
                let x = Double(i) * (w + 8)
                let num = placer.place(item.number, style.font("key_number", bold: true), colour: style.colour("accent"), x: x + 6, y: 6, width: w - 12)
                let lab = placer.place(item.label, style.font("note"), colour: ink, x: x + 6, y: num.frame.maxY + 2, width: w - 12)
                h = max(h, lab.frame.maxY + 6)
                marks += [.text(num), .text(lab)]
            }
            let boxes: [Mark] = (0..<items.count).map { i in
                .box(BoxMark(rect: Rect(x: Double(i) * (w + 8), y: 0, width: w, height: h), fill: style.colour("band"), stroke: style.colour("rule"), strokeWidth: 0.5))
            }
            var fixed: [Mark] = []
            for m in marks {
                if case var .text(t) = m { t.container = Rect(x: t.layoutX - 6, y: 0, width: w, height: h); fixed.append(.text(t)) }
            }
            return [BlockLayout(tag: "P", height: h, marks: boxes + fixed, heading: nil, blockIndex: index, keepWithNext: false)]
        case .contents:
            var marks: [Mark] = []
            var y = 0.0
            let font = style.font("body")
            let numberWidth = engine.measure("000", font).size.width + 4
            for (title, page) in contents ?? [] {
                let t = placer.place(title, font, colour: ink, x: 0, y: y, width: width - numberWidth - 8)
                let p = placer.place(String(page), font, colour: ink, x: width - numberWidth, y: y, width: numberWidth, alignment: .right)
                marks += [.text(t), .text(p)]
                y = max(t.frame.maxY, p.frame.maxY) + 3
            }
            if contents == nil { y = Double(20) * (engine.measure("Ag", font).size.height + 3) }
            return [BlockLayout(tag: "TOC", height: y, marks: marks, heading: nil, blockIndex: index, keepWithNext: false)]
        case let .table(table):
            return layoutTable(table, index: index)
        case let .figure(f):
            // A figure taller than a page (it should have been split) is scaled to fit rather than cut off.
            let scale = min(1, figureSpace / max(f.size.height, 1))
            let marks = scale < 1 ? f.marks.map { PageLayout.scaled($0, scale) } : f.marks
            return [BlockLayout(tag: "Figure", height: f.size.height * scale, marks: marks, heading: nil, blockIndex: index, keepWithNext: false,
                                altText: f.altText)]
        }
    }

    /// A table as pieces that each fit a page, the header repeated on each.
    func layoutTable(_ table: DataTable, index: Int) -> [BlockLayout] {
        let placer = TextPlacer(engine: engine)
        let width = contentWidth, pad = 3.0
        let font = style.font("note"), head = style.font("note", bold: true)
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
        func rowMarks(_ cells: [String], bold: Bool, y: Double, shade: Bool) -> ([Mark], Double) {
            var x = 0.0
            var texts: [TextMark] = []
            for (c, w) in colWidths.enumerated() {
                texts.append(placer.place(c < cells.count ? cells[c] : "", bold ? head : font, colour: style.colour("text"), x: x + pad, y: y + pad, width: w - 2 * pad))
                x += w
            }
            let h = (texts.map(\.frame.maxY).max() ?? y) - y + pad
            var marks: [Mark] = shade ? [.box(BoxMark(rect: Rect(x: 0, y: y, width: width, height: h), fill: style.colour("band")))] : []
            x = 0
            for (c, var t) in texts.enumerated() { t.container = Rect(x: x, y: y, width: colWidths[c], height: h); x += colWidths[c]; marks.append(.text(t)) }
            if bold { marks.append(.line(LineMark(from: (0, y + h), to: (width, y + h), colour: style.colour("rule"), width: 0.75))) }
            return (marks, h)
        }
        var pieces: [BlockLayout] = []
        var (marks, y) = rowMarks(table.columns, bold: true, y: 0, shade: false)
        let limit = pageSpace - 40
        for (i, row) in table.rows.enumerated() {
            let (m, h) = rowMarks(row, bold: false, y: y, shade: i % 2 == 1)
            if y + h > limit && y > 30 {
                pieces.append(BlockLayout(tag: "Table", height: y, marks: marks, heading: nil, blockIndex: index, keepWithNext: false))
                (marks, y) = rowMarks(table.columns, bold: true, y: 0, shade: false)
                let (m2, h2) = rowMarks(row, bold: false, y: y, shade: i % 2 == 1)
                marks += m2; y += h2
            } else {
                marks += m; y += h
            }
        }
        pieces.append(BlockLayout(tag: "Table", height: y, marks: marks, heading: nil, blockIndex: index, keepWithNext: false))
        return pieces
    }

    /// Renders the document to PDF bytes: metadata, a bookmark for every page (its heading, or
    /// the last heading "continued"), structure tags for every block, header and footer.
    public func pdf(_ document: Document) throws -> Data {
        let surface = try CairoSurface.pdf(width: style.pageWidth, height: style.pageHeight)
        let m = document.metadata
        for (key, value) in [(CAIRO_PDF_METADATA_TITLE, m.title), (CAIRO_PDF_METADATA_AUTHOR, m.author),
                             (CAIRO_PDF_METADATA_SUBJECT, m.subject), (CAIRO_PDF_METADATA_CREATOR, m.creator),
                             (CAIRO_PDF_METADATA_KEYWORDS, m.keywords), (CAIRO_PDF_METADATA_CREATE_DATE, m.createDate)] {
            cairo_pdf_surface_set_metadata(surface.pointer, key, value)
        }
        let cr = CairoContext(surface)
        let pages = timed("lay out pages") { layout(document) }
        return try timed("draw PDF") { try drawPDF(surface, cr, pages, document) }
    }

    private func drawPDF(_ surface: CairoSurface, _ cr: CairoContext, _ pages: [PageLayout], _ document: Document) throws -> Data {
        var lastHeading = document.metadata.title
        var parent = Int32(CAIRO_PDF_OUTLINE_ROOT)
        for (index, page) in pages.enumerated() {
            var bookmarked = false
            for (block, y) in page.blocks {
                if let h = block.heading {
                    let target = "page=\(index + 1) pos=[\(Int(style.margin)) \(Int(y))]"
                    if h.level <= 1 {
                        parent = cairo_pdf_surface_add_outline(surface.pointer, Int32(CAIRO_PDF_OUTLINE_ROOT), h.text, target, CAIRO_PDF_OUTLINE_FLAG_OPEN)
                        lastHeading = h.text
                    } else {
                        _ = cairo_pdf_surface_add_outline(surface.pointer, parent, h.text, target, CAIRO_PDF_OUTLINE_FLAG_OPEN)
                    }
                    bookmarked = true
                }
                cr.beginTag(block.tag)
                cr.save()
                cr.translate(style.margin, y)
                FigureRenderer.draw(marks: block.marks, on: cr, text: engine)
                cr.restore()
                cr.endTag(block.tag)
            }
            if !bookmarked {
                _ = cairo_pdf_surface_add_outline(surface.pointer, Int32(CAIRO_PDF_OUTLINE_ROOT), "\(lastHeading) (continued)",
                                                  "page=\(index + 1)", CAIRO_PDF_OUTLINE_FLAG_OPEN)
            }
            drawFurniture(document, page: index + 1, of: pages.count, on: cr)
            cr.showPage()
        }
        let alts = pages.flatMap { $0.blocks.compactMap { $0.layout.altText } }
        return try PDFCatalogPatch.apply(try surface.finish(), language: document.metadata.language, figureAlts: alts)
    }

    /// The running header (pack title, protective marking) and footer (authority, page X of Y).
    private func drawFurniture(_ document: Document, page: Int, of total: Int, on cr: CairoContext) {
        let font = style.font("header"), muted = style.colour("muted_text")
        let half = contentWidth / 2
        let top = style.margin
        let bottom = style.pageHeight - style.margin - engine.measure("Ag", font).size.height
        cr.beginTag("P")
        engine.draw(document.headerTitle, font, at: style.margin, top, width: half - 6, alignment: .left, colour: muted, on: cr)
        engine.draw(document.marking, font.with(bold: true), at: style.margin + half, top, width: half, alignment: .right,
                    colour: style.colour("text"), on: cr)
        engine.draw(document.footerLeft, font, at: style.margin, bottom, width: half + 40, alignment: .left, colour: muted, on: cr)
        engine.draw("Page \(page) of \(total)", font, at: style.margin + half, bottom, width: half, alignment: .right,
                    colour: muted, on: cr)
        cr.endTag("P")
    }

    /// The same figure as a standalone PNG at `dpi`, on the style's background.
    public func png(_ figure: Figure, dpi: Double, margin: Double = 12) throws -> Data {
        let scale = dpi / 72
        let w = Int(((figure.size.width + 2 * margin) * scale).rounded(.up))
        let h = Int(((figure.size.height + 2 * margin) * scale).rounded(.up))
        let surface = try CairoSurface.image(pixelWidth: w, pixelHeight: h)
        let cr = CairoContext(surface)
        cr.fill(Rect(x: 0, y: 0, width: Double(w), height: Double(h)), style.colour("background"))
        cr.scale(scale)
        cr.translate(margin, margin)
        timed("draw PNG") { FigureRenderer.draw(figure, on: cr, text: engine) }
        return try timed("encode PNG") { try PNGEncoder.encode(surface, dpi: dpi) }
    }

    /// Cairo names SVG groups after a process-wide surface counter, so the same figure would get
    /// different ids depending on what was drawn before it (or alongside it, in parallel).
    /// Renumbering them in order of appearance makes the file depend on the figure alone.
    static func renumberSurfaces(_ svg: Data) -> Data {
        guard let text = String(data: svg, encoding: .utf8),
              let pattern = try? NSRegularExpression(pattern: "surface([0-9]+)") else { return svg }
        var mapping: [String: Int] = [:]
        var out = ""
        var last = text.startIndex
        for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let whole = Range(m.range, in: text), let digits = Range(m.range(at: 1), in: text) else { continue }
            let old = String(text[digits])
            let new = mapping[old] ?? (mapping.count + 1)
            mapping[old] = new
            out += text[last..<whole.lowerBound] + "surface\(new)"
            last = whole.upperBound
        }
        out += text[last...]
        return Data(out.utf8)
    }

    /// The same figure as SVG.
    public func svg(_ figure: Figure, margin: Double = 12) throws -> Data {
        let surface = try CairoSurface.svg(width: figure.size.width + 2 * margin, height: figure.size.height + 2 * margin)
        let cr = CairoContext(surface)
        cr.fill(Rect(x: 0, y: 0, width: figure.size.width + 2 * margin, height: figure.size.height + 2 * margin),
                style.colour("background"))
        cr.translate(margin, margin)
        return try timed("draw SVG") {
            FigureRenderer.draw(figure, on: cr, text: engine)
            return Self.renumberSurfaces(try surface.finish())
        }
    }
}
