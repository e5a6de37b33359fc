import CairoKit

/// The figure marks and style textures that need more than one Cairo primitive, drawn with
/// CairoKit's (which knows nothing of marks or styles).
extension CairoContext {
    func path(_ p: PathMark) {
        guard !p.points.isEmpty else { return }
        polyline(p.points, closed: p.closed)
        if let fill = p.fill { fillPath(fill, keep: p.stroke != nil) }
        if let stroke = p.stroke { strokePath(stroke, width: p.width, dash: p.dash) }
        newPath()
    }

    /// A print-safe texture clipped to `r`.
    func pattern(_ kind: Style.Pattern, in r: Rect, _ ink: Colour) {
        save()
        clip(to: r)
        setColour(ink)
        setLineWidth(0.8)
        switch kind {
        case .none:
            break
        case .solid:
            addRectangle(r)
            fillCurrent()
        case .dots:
            var y = r.y + 2
            while y < r.maxY {
                var x = r.x + 2
                while x < r.maxX {
                    addCircle(at: x, y, radius: 0.9)
                    fillCurrent()
                    x += 3.5
                }
                y += 3.5
            }
        case .hatch, .crosshatch:
            var d = -r.height
            while d < r.width {
                segment(from: (r.x + d, r.maxY), to: (r.x + d + r.height, r.y))
                if kind == .crosshatch { segment(from: (r.x + d, r.y), to: (r.x + d + r.height, r.maxY)) }
                d += 3.5
            }
            strokeCurrent()
        case .vertical:
            var x = r.x + 1.5
            while x < r.maxX {
                segment(from: (x, r.y), to: (x, r.maxY))
                x += 3
            }
            strokeCurrent()
        }
        restore()
    }
}
