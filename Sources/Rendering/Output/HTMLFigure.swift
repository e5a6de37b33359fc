import Foundation

extension HTMLWriter {
    /// The words around a chart that are HTML text rather than part of its picture: title and
    /// subtitle (the caption, as the PDF's Caption element), key and source line. As real text
    /// they reflow, enlarge and are read by a screen reader, which reads none of an image's text.
    static let wordIDs: Set<String> = ["title", "subtitle", "key", "source"]

    /// A chart: caption, the picture as inline SVG (named by its title, described by its alt
    /// text), key and source, then its data table in a `<details>` beside it.
    mutating func figure(_ f: Figure, id: String) {
        let e = Self.escaped
        var words: [String: String] = [:]
        var picture: [Mark] = []
        for m in f.marks {
            if case let .text(t) = m, let role = t.id, Self.wordIDs.contains(role) { words[role] = t.text } else { picture.append(m) }
        }
        out.append("<figure class=\"chart\" id=\"\(id)\" aria-labelledby=\"\(id)-caption\">")
        out.append("<figcaption id=\"\(id)-caption\"><span class=\"chart-title\">\(e(words["title"] ?? f.title))</span>" +
                   (words["subtitle"].map { " <span class=\"chart-subtitle\">\(e($0))</span>" } ?? "") + "</figcaption>")
        out.append(SVGWriter.inline(picture, box: Self.bounds(picture), id: id, title: f.title, desc: f.altText, engine: engine))
        if let key = words["key"], !key.isEmpty { out.append("<p class=\"chart-key\">\(e(key))</p>") }
        if let source = words["source"], !source.isEmpty { out.append("<p class=\"chart-source\">\(linked(source))</p>") }
        out.append("<details class=\"chart-data\"><summary>Data table: \(e(f.title))</summary>")
        out.append(table(f.table, id: "\(id)-table", name: "Data for: \(f.title)"))
        out.append("</details>")
        out.append("</figure>")
    }

    /// The box the marks cover (text by its measured frame, lines and paths with half their
    /// width), with a point to spare, so the picture is cropped to the chart itself.
    static func bounds(_ marks: [Mark]) -> Rect {
        var x0 = Double.infinity, y0 = Double.infinity, x1 = -Double.infinity, y1 = -Double.infinity
        func take(_ x: Double, _ y: Double, _ pad: Double) {
            x0 = min(x0, x - pad); y0 = min(y0, y - pad); x1 = max(x1, x + pad); y1 = max(y1, y + pad)
        }
        for m in marks {
            switch m {
            case let .box(b): take(b.rect.x, b.rect.y, 0); take(b.rect.maxX, b.rect.maxY, 0)
            case let .line(l): take(l.from.0, l.from.1, l.width / 2); take(l.to.0, l.to.1, l.width / 2)
            case let .path(p): for q in p.points { take(q.0, q.1, p.width) }
            case let .text(t): take(t.frame.x, t.frame.y, 0); take(t.frame.maxX, t.frame.maxY, 0)
            }
        }
        guard x0.isFinite, y0.isFinite else { return Rect(x: 0, y: 0, width: 1, height: 1) }
        return Rect(x: x0 - 1, y: y0 - 1, width: x1 - x0 + 2, height: y1 - y0 + 2)
    }
}

extension DocumentRenderer {
    /// The document as one self-contained HTML page (see `HTMLWriter`).
    public func html(_ document: Document) -> Data {
        timed("write HTML") { HTMLWriter.page(document, style: style, engine: engine) }
    }
}
