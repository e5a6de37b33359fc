import Foundation

/// A figure on its own: PNG and SVG files beside the pack.
extension DocumentRenderer {
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
