import CairoKit
import Foundation

/// Drawing a laid-out document into a tagged PDF: every mark inside a structure element
/// (`Document` › headings, paragraphs, `L`/`LI`/`Lbl`/`LBody`, `Table`/`TR`/`TH`/`TD`, `Div` ›
/// `Caption` + `Figure`, `TOC`/`TOCI`/`Link`), running header and footer as artifacts, then
/// `PDFAccessibility` to add what cairo cannot write.
extension DocumentRenderer {
    /// Renders the document to PDF bytes: metadata, a bookmark for every page (its heading, or
    /// the last heading "continued"), structure tags for every block, header and footer.
    public func pdf(_ document: Document) throws -> Data {
        let tagged = try cairoPDF(document)
        return try timed("finish PDF") {
            try PDFAccessibility.finish(tagged.cairoOutput, metadata: document.metadata, pageHeight: style.pageHeight,
                                        pages: tagged.pages, destinations: tagged.destinations)
        }
    }

    /// What cairo wrote, before `PDFAccessibility` finishes it, and what was drawn where.
    public struct TaggedPDF {
        public var cairoOutput: Data
        /// Each page's leaf elements in the order they were drawn.
        public var pages: [[MarkedRole]]
        public var destinations: [String: String]
    }

    /// The document as cairo writes it, with the plan that finishing it needs.
    public func cairoPDF(_ document: Document) throws -> TaggedPDF {
        let surface = try CairoSurface.pdf(width: style.pageWidth, height: style.pageHeight)
        let m = document.metadata
        var info = CairoSurface.PDFMetadata()
        info.title = m.title; info.author = m.author; info.subject = m.subject
        info.creator = m.creator; info.keywords = m.keywords; info.createDate = m.createDate
        surface.setPDFMetadata(info)
        let cr = CairoContext(surface)
        let pages = timed("lay out pages") { layout(document) }
        return try timed("draw PDF") { try drawPDF(surface, cr, pages, document) }
    }

    private func drawPDF(_ surface: CairoSurface, _ cr: CairoContext, _ pages: [PageLayout], _ document: Document) throws -> TaggedPDF {
        var lastHeading = document.metadata.title
        var parent = CairoSurface.outlineRoot
        var plans: [[MarkedRole]] = []
        var destinations: [String: String] = [:]
        var open: Container?
        cr.beginTag("Document")
        for (index, page) in pages.enumerated() {
            var bookmarked = false
            // Each leaf element drawn on the page, in order: cairo numbers their marked content so.
            var plan: [MarkedRole] = []
            for (block, y) in page.blocks {
                if let h = block.heading {
                    let target = "page=\(index + 1) pos=[\(Int(style.margin)) \(Int(y))]"
                    if h.level <= 1 {
                        parent = surface.addOutline(h.text, target: target)
                        lastHeading = h.text
                    } else {
                        surface.addOutline(h.text, target: target, under: parent)
                    }
                    if h.level == 1 { destinations[Self.dest(block.blockIndex)] = "Go to \(h.text), page \(index + 1)" }
                    bookmarked = true
                }
                // A list's items and a long table's pieces share one element, across pages too.
                if open != block.container {
                    if let c = open { cr.endTag(c.tag) }
                    if let c = block.container { cr.beginTag(c.tag) }
                    open = block.container
                }
                cr.save()
                cr.translate(style.margin, y)
                for element in block.structure {
                    draw(element, of: block, at: (style.margin, y), page: index + 1, plan: &plan, on: cr)
                }
                cr.restore()
            }
            if !bookmarked {
                surface.addOutline("\(lastHeading) (continued)", target: "page=\(index + 1)")
            }
            drawFurniture(document, page: index + 1, of: pages.count, on: cr)
            plans.append(plan + [.artifact("Header"), .artifact("Footer")])
            if index == pages.count - 1 {
                if let c = open { cr.endTag(c.tag) }
                cr.endTag("Document")
            }
            cr.showPage()
        }
        try cr.check("tag the PDF")
        let raw = try surface.finish()
        return TaggedPDF(cairoOutput: raw, pages: plans, destinations: destinations)
    }

    /// Draws one structure element of a block and its marks, and notes each leaf in the page's
    /// plan: a figure with its alt text and page box, an artifact with its kind.
    private func draw(_ element: Tagging, of block: BlockLayout, at origin: (x: Double, y: Double), page: Int,
                      plan: inout [MarkedRole], on cr: CairoContext) {
        let name = element.tag
        var attributes = element.attributes
        if element.children.isEmpty && name != "cairo.dest" {
            if let kind = element.artifact {
                plan.append(.artifact(kind))
            } else if name == "Figure", let range = element.marks {
                let box = Self.extent(of: block.marks[range]).offsetBy(dx: origin.x, dy: origin.y)
                plan.append(.figure(FigureTag(altText: block.altText ?? "", page: page, box: box)))
            } else {
                plan.append(.content(name))
            }
        }
        if !element.linkRects.isEmpty {
            let rects = element.linkRects.map { r in
                [r.x + origin.x, r.y + origin.y, r.width, r.height].map { String(format: "%.2f", $0) }.joined(separator: " ")
            }
            attributes += " rect=[\(rects.joined(separator: " "))]"
        }
        cr.beginTag(name, attributes)
        if let range = element.marks { FigureRenderer.draw(marks: Array(block.marks[range]), on: cr, text: engine) }
        for child in element.children { draw(child, of: block, at: origin, page: page, plan: &plan, on: cr) }
        cr.endTag(name)
    }

    /// The smallest rectangle holding every mark.
    static func extent<C: Collection>(of marks: C) -> Rect where C.Element == Mark {
        var xs: [Double] = [], ys: [Double] = []
        func add(_ r: Rect) { xs += [r.x, r.maxX]; ys += [r.y, r.maxY] }
        for m in marks {
            switch m {
            case let .box(b): add(b.rect)
            case let .line(l): xs += [l.from.0, l.to.0]; ys += [l.from.1, l.to.1]
            case let .path(p): xs += p.points.map(\.0); ys += p.points.map(\.1)
            case let .text(t): add(t.frame)
            }
        }
        guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else { return Rect(x: 0, y: 0, width: 0, height: 0) }
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// The running header (pack title, protective marking) and footer (authority, page X of Y),
    /// as pagination artifacts: read once by a screen reader from the cover, not on every page.
    private func drawFurniture(_ document: Document, page: Int, of total: Int, on cr: CairoContext) {
        let font = style.font(\.header), muted = style.colours.mutedText
        let half = contentWidth / 2
        let top = style.margin
        let bottom = style.pageHeight - style.margin - engine.measure("Ag", font).size.height
        // The left-hand text gets all the width the right-hand one leaves, so a long title in large
        // print stays on one line inside the header's measured height.
        let markingWidth = engine.measure(document.marking, font.with(bold: true)).size.width
        let pageWidth = engine.measure("Page \(total) of \(total)", font).size.width
        cr.beginTag("Private")
        engine.draw(document.headerTitle, font, at: style.margin, top, width: max(half, contentWidth - markingWidth - 12), alignment: .left, colour: muted, on: cr)
        engine.draw(document.marking, font.with(bold: true), at: style.margin + half, top, width: half, alignment: .right,
                    colour: style.colours.text, on: cr)
        cr.endTag("Private")
        cr.beginTag("Private")
        engine.draw(document.footerLeft, font, at: style.margin, bottom, width: max(half, contentWidth - pageWidth - 12), alignment: .left, colour: muted, on: cr)
        engine.draw("Page \(page) of \(total)", font, at: style.margin + half, bottom, width: half, alignment: .right,
                    colour: muted, on: cr)
        cr.endTag("Private")
    }
}
