import Foundation

/// A contents line: a level-1 heading, its page and the named destination its link goes to.
public struct ContentsEntry: Sendable {
    public var title: String
    public var page: Int
    public var dest: String
    /// 1 for the contents list; 2 for subheadings a `{page:…}` citation may also name.
    public var level: Int = 1
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
    var headerHeight: Double { engine.measure("Ag", style.font(\.header)).size.height + style.spacing.blockGap }
    var contentTop: Double { style.margin + headerHeight }
    var contentBottom: Double { style.pageHeight - style.margin - headerHeight }
    var pageSpace: Double { contentBottom - contentTop }

    /// The tallest figure that fits on a page under a level-1 heading.
    public var figureSpace: Double {
        pageSpace - engine.measure("Ag\nAg", style.font(\.title, bold: true)).size.height - style.spacing.blockGap - 2
    }

    /// Lays out every block, paginates, then fills in the contents with real page numbers.
    public func layout(_ document: Document) -> [PageLayout] {
        blockCache = [:]
        defer { blockCache = [:] }
        var pages = paginate(document.blocks, contents: nil)
        for _ in 0..<2 {
            var headingPages: [ContentsEntry] = []
            var section: [String] = [], seen: Set<String> = []
            for (i, page) in pages.enumerated() {
                for b in page.blocks {
                    if let h = b.layout.heading, h.level == 1 || h.level == 2, i > 0 {
                        headingPages.append(ContentsEntry(title: h.text, page: i + 1, dest: Self.dest(b.layout.blockIndex), level: h.level))
                        section = h.level == 1 ? [h.text] : Array(section.prefix(1)) + [h.text]
                    }
                    // A section may run over several pages: `{page:Heading#mark}` is the page in it
                    // where a chart draws the mark with that id (a table row, a panel), level 3.
                    guard b.layout.tag == "Figure" else { continue }
                    for case let .text(t) in b.layout.marks {
                        guard let id = t.id else { continue }
                        for h in section where seen.insert("\(h)#\(id)").inserted {
                            headingPages.append(ContentsEntry(title: "\(h)#\(id)", page: i + 1, dest: "", level: 3))
                        }
                    }
                }
            }
            let next = paginate(document.blocks, contents: headingPages)
            let same = next.count == pages.count
            pages = next
            if same { break }
        }
        return pages
    }

    /// Block layouts measured once per document; only the contents changes between passes.
    var blockCache: [Int: [BlockLayout]] = [:]

    /// A paragraph or bullet may cite a section's page as `{page:Heading}`; it is filled in after
    /// pagination, like the contents, so a summary can say where each finding is shown.
    static func citesPages(_ block: Block) -> Bool {
        switch block {
        case let .paragraph(s), let .bullet(s): return hasPageReference(s)
        default: return false
        }
    }

    /// Whether `s` cites a page: a byte search, as every paragraph of every pack is asked
    /// (Foundation's `contains` searched a CFString copy of each).
    public static func hasPageReference(_ s: String) -> Bool { s.containsBytes("{page:") }

    /// `{page:Heading}` → "page 7" (or "page ?" before the first pagination pass);
    /// `{page:Heading#mark}` → the page of that mark within the section, else the heading's page.
    public static func resolvePages(_ s: String, _ contents: [ContentsEntry]?) -> String {
        guard hasPageReference(s) else { return s }
        var out = s
        while let open = out.range(of: "{page:"), let close = out[open.upperBound...].firstIndex(of: "}") {
            let key = String(out[open.upperBound..<close])
            let heading = String(key.prefix { $0 != "#" })
            let page = (contents?.first { $0.title == key } ?? contents?.first { $0.title == heading }).map { String($0.page) } ?? "?"
            out.replaceSubrange(open.lowerBound...close, with: "page \(page)")
        }
        return out
    }

    /// A note directly before a table or figure labels it ("Part 1 of 2: columns …"): it stays with
    /// what it labels, so a heading kept with the note is never left at the foot of a page with
    /// only the label under it and the table overleaf.
    static func introduces(_ block: Block, _ next: Block?, after previous: Block? = nil) -> Bool {
        guard let next else { return false }
        switch (block, next) {
        case (.note, .table), (.note, .figure): return true
        // A section's opening paragraph stays with the first thing under it (the data tables'
        // introduction was left alone on a page, its first table overleaf).
        case (.paragraph, .heading), (.paragraph, .table), (.paragraph, .figure):
            if case let .heading(_, level)? = previous, level == 1 { return true }
            return false
        default: return false
        }
    }

    /// A list's last two items share a page: its last item alone overleaf, with whatever follows,
    /// read as a list of one (the scrutiny pack's areas for improvement left one bullet and a note
    /// on a page of their own). A list of two moves whole.
    static func holdsLastItem(_ block: Block, _ next: Block, _ afterNext: Block?) -> Bool {
        guard case .bullet = block, case .bullet = next else { return false }
        if case .bullet? = afterNext { return false }
        return true
    }

    /// The named destination of the level-1 heading made from block `index`.
    static func dest(_ index: Int) -> String { "h\(index)" }

    func paginate(_ blocks: [Block], contents: [ContentsEntry]?) -> [PageLayout] {
        var pages: [PageLayout] = [PageLayout(blocks: [])]
        var y = contentTop
        let gap = style.spacing.blockGap
        var pending: [BlockLayout] = []
        for (index, block) in blocks.enumerated() {
            if case .pageBreak = block {
                if !pages[pages.count - 1].blocks.isEmpty { pages.append(PageLayout(blocks: [])); y = contentTop }
                continue
            }
            let pieces: [BlockLayout]
            if case .contents = block {
                pieces = layoutBlock(block, index: index, contents: contents)
            } else if Self.citesPages(block) {
                pieces = layoutBlock(block, index: index, contents: contents)
            } else if case let .table(table) = block, !pending.isEmpty {
                // The headings and label kept with a table share a page with its first rows, so
                // its first piece leaves them room.
                let run = pending.map(\.height).reduce(0, +) + gap * Double(pending.count)
                pieces = layoutTable(table, index: index, firstLimit: tableLimit - run)
            } else if let cached = blockCache[index] {
                pieces = cached
            } else {
                pieces = layoutBlock(block, index: index, contents: contents)
                blockCache[index] = pieces
            }
            for piece in pieces {
                pending.append(piece)
                let next = blocks.dropFirst(index + 1).first
                if piece.keepWithNext || Self.introduces(block, next, after: index > 0 ? blocks[index - 1] : nil) { continue }
                // Held only when the run and the last item fit on an empty page: bullets are never split.
                if let next, Self.holdsLastItem(block, next, blocks.dropFirst(index + 2).first) {
                    let last = blockCache[index + 1] ?? layoutBlock(next, index: index + 1, contents: contents)
                    if !Self.citesPages(next) { blockCache[index + 1] = last }
                    if pending.map(\.height).reduce(0, +) + gap * Double(pending.count) + last.map(\.height).reduce(0, +) <= pageSpace { continue }
                }
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
    func layoutBlock(_ block: Block, index: Int, contents: [ContentsEntry]?) -> [BlockLayout] {
        let placer = TextPlacer(engine: engine)
        let width = contentWidth
        let ink = style.colours.text, muted = style.colours.mutedText
        func text(_ s: String, _ font: FontSpec, _ colour: Colour, tag: String, heading: (String, Int)? = nil, keep: Bool = false) -> BlockLayout {
            let m = placer.place(s, font, colour: colour, x: 0, y: 0, width: width)
            var b = BlockLayout(tag: tag, height: m.frame.height, marks: [.text(m)], heading: heading, blockIndex: index, keepWithNext: keep)
            b.tagging = linkTagging(m, tag: tag)
            return b
        }
        switch block {
        case .pageBreak:
            return []
        case let .title(s):
            return [text(s, style.font(\.coverTitle, bold: true), ink, tag: "H1", heading: (s, 0))]
        case let .heading(s, level):
            var b = text(s, style.font(level == 1 ? \.title : \.heading, bold: true), ink, tag: level == 1 ? "H1" : "H2",
                         heading: (s, level), keep: true)
            // Level-1 headings are where the contents' links go.
            if level == 1 { b.tagging = [Tagging("cairo.dest", attributes: "name='\(Self.dest(index))'", children: b.structure)] }
            return [b]
        case let .paragraph(s):
            return [text(Self.resolvePages(s, contents), style.font(\.body), ink, tag: "P")]
        case let .note(s):
            return [text(s, style.font(\.note), muted, tag: "P")]
        case let .bullet(s):
            let indent = engine.measure("\u{2022}  ", style.font(\.body)).size.width
            let dot = placer.place("\u{2022}", style.font(\.body), colour: ink, x: 0, y: 0, width: indent)
            let m = placer.place(Self.resolvePages(s, contents), style.font(\.body), colour: ink, x: indent, y: 0, width: width - indent)
            var b = BlockLayout(tag: "LI", height: m.frame.height, marks: [.text(dot), .text(m)], heading: nil, blockIndex: index, keepWithNext: false)
            b.tagging = [Tagging("LI", children: [Tagging("Lbl", marks: 0..<1), Tagging("LBody", marks: 1..<2)])]
            b.container = Container(tag: "L", id: 0)
            return [b]
        case let .quote(s, attribution):
            let bar = 3.0, indent = 12.0
            let q = placer.place("\u{201C}\(s)\u{201D}", style.font(\.body, italic: true), colour: ink, x: indent, y: 0, width: width - indent)
            let a = placer.place("\u{2014} \(attribution)", style.font(\.note), colour: muted, x: indent, y: q.frame.maxY + 2, width: width - indent)
            let h = a.frame.maxY
            var b = BlockLayout(tag: "BlockQuote", height: h,
                                marks: [.box(BoxMark(rect: Rect(x: 0, y: 0, width: bar, height: h), fill: style.colours.accent)), .text(q), .text(a)],
                                heading: nil, blockIndex: index, keepWithNext: false)
            // The words and who said them; the accent bar is decoration.
            b.tagging = [Tagging("BlockQuote", children: [Tagging.artifact("Layout", marks: 0..<1), Tagging("P", marks: 1..<2), Tagging("P", marks: 2..<3)])]
            return [b]
        case let .keyNumbers(items):
            let n = max(items.count, 1)
            let w = (width - Double(n - 1) * 8) / Double(n)
            var marks: [Mark] = []
            var h = 0.0
            for (i, item) in items.enumerated() {
                let x = Double(i) * (w + 8)
                let num = placer.place(item.number, style.font(\.keyNumber, bold: true), colour: style.colours.accent, x: x + 6, y: 6, width: w - 12)
                let lab = placer.place(item.label, style.font(\.note), colour: ink, x: x + 6, y: num.frame.maxY + 2, width: w - 12)
                h = max(h, lab.frame.maxY + 6)
                marks += [.text(num), .text(lab)]
            }
            let boxes: [Mark] = (0..<items.count).map { i in
                .box(BoxMark(rect: Rect(x: Double(i) * (w + 8), y: 0, width: w, height: h), fill: style.colours.band, stroke: style.colours.rule, strokeWidth: 0.5))
            }
            var fixed: [Mark] = []
            for m in marks {
                if case var .text(t) = m { t.container = Rect(x: t.layoutX - 6, y: 0, width: w, height: h); fixed.append(.text(t)) }
            }
            var b = BlockLayout(tag: "P", height: h, marks: boxes + fixed, heading: nil, blockIndex: index, keepWithNext: false)
            // Each number with its label is a paragraph of its own; the boxes are decoration.
            var parts = [Tagging.artifact("Layout", marks: 0..<boxes.count)]
            for i in 0..<items.count {
                let first = boxes.count + 2 * i
                parts.append(Tagging("P", marks: first..<(first + 2)))
            }
            b.tagging = parts
            return [b]
        case .contents:
            var marks: [Mark] = []
            var entries: [Tagging] = []
            var y = 0.0
            let font = style.font(\.body)
            let numberWidth = engine.measure("000", font).size.width + 4
            for entry in (contents ?? []) where entry.level == 1 {
                let t = placer.place(entry.title, font, colour: ink, x: 0, y: y, width: width - numberWidth - 8)
                let p = placer.place(String(entry.page), font, colour: ink, x: width - numberWidth, y: y, width: numberWidth, alignment: .right)
                // Each entry is a link to its heading: title and page number both.
                entries.append(Tagging("TOCI", children: [Tagging("Link", attributes: "dest='\(entry.dest)'", marks: marks.count..<(marks.count + 2))]))
                marks += [.text(t), .text(p)]
                y = max(t.frame.maxY, p.frame.maxY) + 3
            }
            if contents == nil { y = Double(20) * (engine.measure("Ag", font).size.height + 3) }
            var b = BlockLayout(tag: "TOC", height: y, marks: marks, heading: nil, blockIndex: index, keepWithNext: false)
            b.tagging = entries.isEmpty ? [Tagging.artifact("Layout", marks: 0..<marks.count)] : [Tagging("TOC", children: entries)]
            return [b]
        case let .table(table):
            return layoutTable(table, index: index)
        case let .figure(f):
            // A figure taller than a page (it should have been split) is scaled to fit rather than cut off.
            let scale = min(1, figureSpace / max(f.size.height, 1))
            let scaled = scale < 1 ? f.marks.map { PageLayout.scaled($0, scale) } : f.marks
            // The title and subtitle are the figure's caption; everything else is the figure.
            func isCaption(_ m: Mark) -> Bool { if case let .text(t) = m { return t.id == "title" || t.id == "subtitle" } else { return false } }
            let caption = scaled.filter(isCaption), body = scaled.filter { !isCaption($0) }
            var b = BlockLayout(tag: "Figure", height: f.size.height * scale, marks: caption + body, heading: nil, blockIndex: index,
                                keepWithNext: false, altText: f.altText)
            let figure = Tagging("Figure", marks: caption.count..<(caption.count + body.count))
            b.tagging = caption.isEmpty ? [figure] : [Tagging("Div", children: [Tagging("Caption", marks: 0..<caption.count), figure])]
            return [b]
        }
    }
}
