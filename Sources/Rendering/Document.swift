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

    public init(title: String, author: String, subject: String, creator: String, keywords: String, createDate: String) {
        self.title = title; self.author = author; self.subject = subject
        self.creator = creator; self.keywords = keywords; self.createDate = createDate
    }
}

/// The building blocks of a pack's pages, in reading order.
public enum Block: Sendable {
    case heading(String, level: Int)
    case paragraph(String)
    case note(String)
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

/// A block placed on a page, with its measured height.
public struct PlacedBlock: Sendable {
    public var block: Block
    public var y: Double
    public var height: Double
    public var text: TextMark?
}

/// Measure-then-place pagination and drawing of a `Document` into a PDF.
public final class DocumentRenderer {
    let style: Style
    let engine: TextEngine

    public init(style: Style, engine: TextEngine) {
        self.style = style
        self.engine = engine
    }

    public var contentWidth: Double { style.pageWidth - 2 * style.margin }
    var headerHeight: Double { engine.measure("Ag", style.font("header")).size.height + style.space("block_gap") }
    var contentTop: Double { style.margin + headerHeight }
    var contentBottom: Double { style.pageHeight - style.margin - headerHeight }

    /// Splits blocks into pages, measuring each before it is placed. Figures sit at the left margin.
    public func paginate(_ blocks: [Block]) -> [[PlacedBlock]] {
        var pages: [[PlacedBlock]] = [[]]
        var y = contentTop
        let placer = TextPlacer(engine: engine)
        let gap = style.space("block_gap")
        for block in blocks {
            var placed: PlacedBlock
            switch block {
            case .pageBreak:
                if !pages[pages.count - 1].isEmpty { pages.append([]); y = contentTop }
                continue
            case let .heading(text, level):
                let mark = placer.place(text, style.font(level == 1 ? "title" : "heading", bold: true), colour: style.colour("text"),
                                        x: style.margin, y: 0, width: contentWidth)
                placed = PlacedBlock(block: block, y: 0, height: mark.frame.height, text: mark)
            case let .paragraph(text):
                let mark = placer.place(text, style.font("body"), colour: style.colour("text"), x: style.margin, y: 0, width: contentWidth)
                placed = PlacedBlock(block: block, y: 0, height: mark.frame.height, text: mark)
            case let .note(text):
                let mark = placer.place(text, style.font("note"), colour: style.colour("muted_text"), x: style.margin, y: 0, width: contentWidth)
                placed = PlacedBlock(block: block, y: 0, height: mark.frame.height, text: mark)
            case let .figure(f):
                placed = PlacedBlock(block: block, y: 0, height: f.size.height, text: nil)
            }
            // A heading never ends a page: keep it with what follows by starting a new page early.
            let keepWith = { if case .heading = block { return 60.0 } else { return 0.0 } }()
            if y + placed.height + keepWith > contentBottom && !pages[pages.count - 1].isEmpty {
                pages.append([]); y = contentTop
            }
            placed.y = y
            placed.text?.frame.y = y
            placed.text?.container = Rect(x: style.margin, y: y, width: contentWidth, height: placed.height)
            pages[pages.count - 1].append(placed)
            y += placed.height + gap
        }
        return pages
    }

    /// Renders the document to PDF bytes: metadata, one bookmark per level-1 heading, structure
    /// tags for headings, paragraphs and figures, header and footer with "Page X of Y".
    public func pdf(_ document: Document) throws -> Data {
        let surface = try CairoSurface.pdf(width: style.pageWidth, height: style.pageHeight)
        let m = document.metadata
        for (key, value) in [(CAIRO_PDF_METADATA_TITLE, m.title), (CAIRO_PDF_METADATA_AUTHOR, m.author),
                             (CAIRO_PDF_METADATA_SUBJECT, m.subject), (CAIRO_PDF_METADATA_CREATOR, m.creator),
                             (CAIRO_PDF_METADATA_KEYWORDS, m.keywords), (CAIRO_PDF_METADATA_CREATE_DATE, m.createDate)] {
            cairo_pdf_surface_set_metadata(surface.pointer, key, value)
        }
        let cr = CairoContext(surface)
        let pages = paginate(document.blocks)
        for (index, page) in pages.enumerated() {
            var bookmarked = false
            for placed in page {
                switch placed.block {
                case let .heading(text, level):
                    if !bookmarked || level == 1 {
                        cairo_pdf_surface_add_outline(surface.pointer, Int32(CAIRO_PDF_OUTLINE_ROOT), text,
                                                      "page=\(index + 1) pos=[\(Int(style.margin)) \(Int(placed.y))]",
                                                      CAIRO_PDF_OUTLINE_FLAG_OPEN)
                        bookmarked = true
                    }
                    drawText(placed.text!, tag: level == 1 ? "H1" : "H2", on: cr)
                case .paragraph, .note:
                    drawText(placed.text!, tag: "P", on: cr)
                case let .figure(f):
                    cr.beginTag("Figure")
                    cr.save()
                    cr.translate(style.margin, placed.y)
                    FigureRenderer.draw(f, on: cr, text: engine)
                    cr.restore()
                    cr.endTag("Figure")
                case .pageBreak:
                    break
                }
            }
            drawFurniture(document, page: index + 1, of: pages.count, on: cr)
            cr.showPage()
        }
        return try surface.finish()
    }

    private func drawText(_ mark: TextMark, tag: String, on cr: CairoContext) {
        cr.beginTag(tag)
        engine.draw(mark.text, mark.font, at: mark.layoutX, mark.frame.y, width: mark.wrapWidth,
                    alignment: mark.alignment, colour: mark.colour, on: cr)
        cr.endTag(tag)
    }

    /// The running header (pack title, protective marking) and footer (authority, page X of Y).
    private func drawFurniture(_ document: Document, page: Int, of total: Int, on cr: CairoContext) {
        let font = style.font("header"), muted = style.colour("muted_text")
        let half = contentWidth / 2
        let top = style.margin
        let bottom = style.pageHeight - style.margin - engine.measure("Ag", font).size.height

        engine.draw(document.headerTitle, font, at: style.margin, top, width: half, alignment: .left, colour: muted, on: cr)
        engine.draw(document.marking, font.with(bold: true), at: style.margin + half, top, width: half, alignment: .right,
                    colour: style.colour("text"), on: cr)
        engine.draw(document.footerLeft, font, at: style.margin, bottom, width: half, alignment: .left, colour: muted, on: cr)
        engine.draw("Page \(page) of \(total)", font, at: style.margin + half, bottom, width: half, alignment: .right,
                    colour: muted, on: cr)

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
        FigureRenderer.draw(figure, on: cr, text: engine)
        return try surface.pngData()
    }

    /// The same figure as SVG.
    public func svg(_ figure: Figure, margin: Double = 12) throws -> Data {
        let surface = try CairoSurface.svg(width: figure.size.width + 2 * margin, height: figure.size.height + 2 * margin)
        let cr = CairoContext(surface)
        cr.fill(Rect(x: 0, y: 0, width: figure.size.width + 2 * margin, height: figure.size.height + 2 * margin),
                style.colour("background"))
        cr.translate(margin, margin)
        FigureRenderer.draw(figure, on: cr, text: engine)
        return try surface.finish()
    }
}
