/// Walks a Figure's marks onto any Cairo context: the one drawing routine behind PDF, PNG and SVG.
enum FigureRenderer {
    static func draw(_ figure: Figure, on cr: CairoContext, text: TextEngine) {
        draw(marks: figure.marks, on: cr, text: text)
    }

    static func draw(marks: [Mark], on cr: CairoContext, text: TextEngine, hatchSpacing: Double = 5) {
        for mark in marks {
            switch mark {
            case let .box(b):
                if let fill = b.fill { cr.fill(b.rect, fill) }
                if let hatch = b.hatch { cr.hatch(b.rect, hatch, spacing: hatchSpacing, width: 0.75) }
                if b.pattern != .none, let ink = b.patternInk { cr.pattern(b.pattern, in: b.rect, ink) }
                if let stroke = b.stroke { cr.stroke(b.rect, stroke, width: b.strokeWidth, dashed: b.dashed) }
            case let .line(l):
                cr.line(from: l.from, to: l.to, l.colour, width: l.width, dash: l.dash)
            case let .path(p):
                cr.path(p)
            case let .text(t):
                text.draw(t.text, t.font, at: t.layoutX, t.frame.y, width: t.wrapWidth,
                          alignment: t.alignment, colour: t.colour, on: cr)
            }
        }
    }
}
