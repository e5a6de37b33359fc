import Foundation

/// Writes a Figure as SVG from its marks, with text as `<text>` in the style's fonts (wrapped
/// where Pango wrapped it when the figure was laid out), so the file is searchable, editable
/// and small; cairo's SVG surface would write every glyph as a path. The chart's title and alt
/// text are its `<title>` and `<desc>`.
struct SVGWriter {
    let engine: TextEngine
    private var patterns: [String: String] = [:]
    private var body: [String] = []
    /// Put before every pattern id, so several charts inlined in one HTML page never share an id.
    var idPrefix = ""
    /// The font family of the first text, set once on the `<svg>` element and inherited: written
    /// on every text group it was a third of each file (and of the HTML page inlining them).
    let family: String?

    /// The size and colour most texts have, set once on the group holding the marks and
    /// inherited by each text that has them (written on every text they were a tenth of a chart's
    /// SVG and of the HTML page inlining it). Every other mark names its own fill, and patterns
    /// lie outside the group, so nothing else inherits them.
    let textSize: Double?, textFill: Colour?

    /// A writer for `marks`, which it reads only to find the family, size and colour most texts share.
    init(engine: TextEngine, marks: [Mark]) {
        self.engine = engine
        let texts = marks.compactMap { if case let .text(t) = $0 { return t } else { return nil } }
        family = texts.first.map { Self.family($0.font) }
        textSize = Self.mostCommon(texts.map(\.font.size))
        textFill = Self.mostCommon(texts.map(\.colour))
    }

    /// The value given most often; of equally common ones, the first given.
    static func mostCommon<T: Hashable>(_ values: [T]) -> T? {
        var counts: [T: Int] = [:]
        for v in values { counts[v, default: 0] += 1 }
        var best: T?, most = 0
        for v in values where counts[v]! > most { best = v; most = counts[v]! }
        return best
    }

    /// The `<g>` opening the marks, with the texts' shared size and colour.
    func group(_ transform: String = "") -> String {
        var g = "<g" + transform
        if let textSize { g += " font-size=\"\(Self.number(textSize))\"" }
        if let textFill { g += " fill=\"\(textFill.hex)\"" }
        return g + ">"
    }

    /// The CSS font-family list of `font`, ending in the generic `sans-serif`, escaped.
    static func family(_ font: FontSpec) -> String {
        escaped((font.families + ["sans-serif"]).map { $0.utf8.contains(UInt8(ascii: " ")) ? "'\($0)'" : $0 }.joined(separator: ", "))
    }

    /// The `font-family` attribute for the `<svg>` element (with its leading space), if any text.
    var familyAttribute: String { family.map { " font-family=\"\($0)\"" } ?? "" }

    /// `v` to two decimal places, as `%.2f` writes it, without trailing zeros ("12.5", "3",
    /// never "-0"). Counted in hundredths by arithmetic: `String(format:)` was half the time the
    /// HTML page took. A value whose hundredths fall within a millionth of a half (where the
    /// arithmetic might round the other way from printf) still goes through printf.
    static func number(_ v: Double) -> String {
        let scaled = v * 100
        guard scaled.magnitude < 1e9, abs(scaled - scaled.rounded(.down) - 0.5) > 1e-6 else { return printed(v) }
        let n = Int64(scaled.rounded()), m = n.magnitude
        let whole = String(m / 100), hundredths = m % 100
        let sign = n < 0 ? "-" : ""
        if hundredths == 0 { return sign + whole }
        if hundredths % 10 == 0 { return sign + whole + "." + String(hundredths / 10) }
        return sign + whole + (hundredths < 10 ? ".0" : ".") + String(hundredths)
    }

    /// `number` by printf.
    static func printed(_ v: Double) -> String {
        var s = String(format: "%.2f", v)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s == "-0" ? "0" : s
    }

    /// `s` with &, <, > and " as entities, in one pass over its bytes: every string of every
    /// SVG and HTML page goes through here, and four Foundation replacements (each a search
    /// through an NSString copy) took most of the time the HTML page took to write.
    static func escaped(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        for b in s.utf8 {
            switch b {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The whole document: background, then the figure's marks inside a `margin`.
    static func document(_ figure: Figure, background: Colour, margin: Double, engine: TextEngine) -> Data {
        var w = SVGWriter(engine: engine, marks: figure.marks)
        for m in figure.marks { w.add(m) }
        let n = number, width = figure.size.width + 2 * margin, height = figure.size.height + 2 * margin
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(n(width))pt" height="\(n(height))pt" viewBox="0 0 \(n(width)) \(n(height))" \
        version="1.1" role="img" aria-labelledby="title desc" xml:lang="en-GB"\(w.familyAttribute)>
        <title id="title">\(escaped(figure.title))</title>
        <desc id="desc">\(escaped(figure.altText))</desc>

        """
        if !w.patterns.isEmpty { out += "<defs>\n" + w.patterns.keys.sorted().map { w.patterns[$0]! }.joined(separator: "\n") + "\n</defs>\n" }
        out += "<rect width=\"\(n(width))\" height=\"\(n(height))\" fill=\"\(background.hex)\"/>\n"
        out += w.group(" transform=\"translate(\(n(margin)) \(n(margin)))\"") + "\n" + w.body.joined(separator: "\n") + "\n</g>\n</svg>\n"
        return Data(out.utf8)
    }

    /// `marks` as an `<svg>` element to inline in an HTML page, cropped to `box`: an image named
    /// by its `<title>` and described by its `<desc>`, with ids prefixed by `id`.
    static func inline(_ marks: [Mark], box: Rect, id: String, title: String, desc: String, engine: TextEngine) -> String {
        var w = SVGWriter(engine: engine, marks: marks)
        w.idPrefix = id + "-"
        for m in marks { w.add(m) }
        let n = number
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\"\(w.familyAttribute) " +
            "width=\"\(n(box.width))pt\" height=\"\(n(box.height))pt\" viewBox=\"\(n(box.x)) \(n(box.y)) \(n(box.width)) \(n(box.height))\" " +
            "style=\"max-width:calc(var(--k) * \(n(box.width))pt)\">\n" +
            "<title id=\"\(id)-title\">\(escaped(title))</title>\n<desc id=\"\(id)-desc\">\(escaped(desc))</desc>\n"
        if !w.patterns.isEmpty { out += "<defs>\n" + w.patterns.keys.sorted().map { w.patterns[$0]! }.joined(separator: "\n") + "\n</defs>\n" }
        return out + w.group() + "\n" + w.body.joined(separator: "\n") + "\n</g>\n</svg>"
    }

    mutating func add(_ mark: Mark, hatchSpacing: Double = 5) {
        let n = Self.number
        switch mark {
        case let .box(b):
            let r = "x=\"\(n(b.rect.x))\" y=\"\(n(b.rect.y))\" width=\"\(n(b.rect.width))\" height=\"\(n(b.rect.height))\""
            if let fill = b.fill { body.append("<rect \(r) fill=\"\(fill.hex)\"/>") }
            if let hatch = b.hatch { body.append("<rect \(r) fill=\"url(#\(pattern(.hatch, hatch, spacing: hatchSpacing, width: 0.75)))\"/>") }
            if b.pattern != .none, let ink = b.patternInk {
                body.append(b.pattern == .solid ? "<rect \(r) fill=\"\(ink.hex)\"/>"
                            : "<rect \(r) fill=\"url(#\(pattern(b.pattern, ink, spacing: b.pattern == .vertical ? 3 : 3.5, width: 0.8)))\"/>")
            }
            if let stroke = b.stroke {
                let s = b.strokeWidth, i = b.rect
                body.append("<rect x=\"\(n(i.x + s / 2))\" y=\"\(n(i.y + s / 2))\" width=\"\(n(i.width - s))\" height=\"\(n(i.height - s))\" " +
                            "fill=\"none\" stroke=\"\(stroke.hex)\" stroke-width=\"\(n(s))\"\(b.dashed ? " stroke-dasharray=\"3 2\"" : "")/>")
            }
        case let .line(l):
            body.append("<line x1=\"\(n(l.from.0))\" y1=\"\(n(l.from.1))\" x2=\"\(n(l.to.0))\" y2=\"\(n(l.to.1))\" stroke=\"\(l.colour.hex)\" " +
                        "stroke-width=\"\(n(l.width))\"\(dash(l.dash))/>")
        case let .path(p):
            guard !p.points.isEmpty else { return }
            let d = p.points.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(n($0.element.0)) \(n($0.element.1))" }.joined(separator: " ") + (p.closed ? " Z" : "")
            let stroke = p.stroke.map { " stroke=\"\($0.hex)\" stroke-width=\"\(n(p.width))\" stroke-linejoin=\"round\"\(dash(p.dash))" } ?? ""
            body.append("<path d=\"\(d)\" fill=\"\(p.fill?.hex ?? "none")\"\(stroke)/>")
        case let .text(t):
            let lines = engine.lines(t.text, t.font, width: t.wrapWidth, alignment: t.alignment)
            guard !lines.isEmpty else { return }
            let family = Self.family(t.font)
            var look = family == self.family ? "" : " font-family=\"\(family)\""
            if t.font.size != textSize { look += " font-size=\"\(n(t.font.size))\"" }
            if t.colour != textFill { look += " fill=\"\(t.colour.hex)\"" }
            if t.font.bold { look += " font-weight=\"bold\"" }
            if t.font.italic { look += " font-style=\"italic\"" }
            func text(_ line: (text: String, x: Double, baseline: Double), _ attributes: String) -> String {
                "<text x=\"\(n(t.layoutX + line.x))\" y=\"\(n(t.frame.y + line.baseline))\"\(attributes)>\(Self.escaped(line.text))</text>"
            }
            // A line on its own carries its font; the lines of a wrapped text share a group's.
            body.append(lines.count == 1 ? text(lines[0], look) : "<g" + look + ">" + lines.map { text($0, "") }.joined() + "</g>")
        }
    }

    private func dash(_ d: [Double]) -> String { d.isEmpty ? "" : " stroke-dasharray=\"\(d.map(Self.number).joined(separator: " "))\"" }

    /// The id of a tiling pattern of `kind` in `ink`, defined once per document.
    private mutating func pattern(_ kind: Style.Pattern, _ ink: Colour, spacing s: Double, width: Double) -> String {
        let id = "\(idPrefix)\(kind)-\(ink.hex.dropFirst())-\(Self.number(s).replacingOccurrences(of: ".", with: "_"))"
        let n = Self.number, stroke = "stroke=\"\(ink.hex)\" stroke-width=\"\(n(width))\""
        let content: String
        switch kind {
        case .dots: content = "<circle cx=\"\(n(s / 2))\" cy=\"\(n(s / 2))\" r=\"0.9\" fill=\"\(ink.hex)\"/>"
        case .vertical: content = "<line x1=\"\(n(s / 2))\" y1=\"0\" x2=\"\(n(s / 2))\" y2=\"\(n(s))\" \(stroke)/>"
        case .crosshatch: content = "<path d=\"M0 \(n(s)) L\(n(s)) 0 M0 0 L\(n(s)) \(n(s))\" \(stroke)/>"
        default: content = "<path d=\"M-1 1 L1 -1 M0 \(n(s)) L\(n(s)) 0 M\(n(s - 1)) \(n(s + 1)) L\(n(s + 1)) \(n(s - 1))\" \(stroke)/>"
        }
        patterns[id] = "<pattern id=\"\(id)\" width=\"\(n(s))\" height=\"\(n(s))\" patternUnits=\"userSpaceOnUse\">\(content)</pattern>"
        return id
    }
}
