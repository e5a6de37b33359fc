import Foundation

/// A figure on its own: PNG and SVG files beside the pack, each carrying the chart's title and
/// alt text (PNG `iTXt` Title and Description; SVG `<title>` and `<desc>`).
extension DocumentRenderer {
    /// The same figure as a standalone PNG at `dpi`, on the style's background.
    public func png(_ figure: Figure, dpi: Double, margin: Double = 12) throws -> Data {
        let scale = dpi / 72
        let w = Int(((figure.size.width + 2 * margin) * scale).rounded(.up))
        let h = Int(((figure.size.height + 2 * margin) * scale).rounded(.up))
        let surface = try CairoSurface.image(pixelWidth: w, pixelHeight: h)
        let cr = CairoContext(surface)
        cr.fill(Rect(x: 0, y: 0, width: Double(w), height: Double(h)), style.colours.background)
        cr.scale(scale)
        cr.translate(margin, margin)
        timed("draw PNG") { FigureRenderer.draw(figure, on: cr, text: engine) }
        return try timed("encode PNG") { try PNGEncoder.encode(surface, dpi: dpi, text: [("Title", figure.title), ("Description", figure.altText)]) }
    }

    /// The same figure as SVG: text as `<text>` in the style's fonts, the title and alt text
    /// as `<title>` and `<desc>`.
    public func svg(_ figure: Figure, margin: Double = 12) throws -> Data {
        timed("draw SVG") { SVGWriter.document(figure, background: style.colours.background, margin: margin, engine: engine) }
    }
}
