import CSVText
/// A chart laid out and ready to draw: positioned marks with their measured text, plus the
/// words around it. One Figure feeds every output — PDF, PNG, SVG, alt text and data table —
/// so they cannot disagree. Coordinates are points from the figure's top-left corner.
public struct Figure: Sendable {
    public var id: String
    public var size: Size
    public var marks: [Mark]
    public var title: String
    public var subtitle: String
    public var sourceLine: String
    public var altText: String
    public var table: DataTable

    /// The text runs, for layout checks (inside their boxes, overlapping nothing).
    public var textMarks: [TextMark] {
        marks.compactMap { if case let .text(t) = $0 { return t } else { return nil } }
    }

    public func box(_ id: String) -> BoxMark? {
        for m in marks { if case let .box(b) = m, b.id == id { return b } }
        return nil
    }
}

public enum Mark: Sendable {
    case box(BoxMark)
    case line(LineMark)
    case path(PathMark)
    case text(TextMark)
}

/// A filled rectangle, optionally hatched or outlined.
public struct BoxMark: Sendable {
    public var id: String?
    public var rect: Rect
    public var fill: Colour?
    public var hatch: Colour?
    public var stroke: Colour?
    public var strokeWidth: Double = 1
    /// A texture drawn over the fill (greyscale print), in `patternInk`.
    public var pattern: Style.Pattern = .none
    public var patternInk: Colour?
    public var dashed: Bool = false

    public init(id: String? = nil, rect: Rect, fill: Colour?, hatch: Colour? = nil, stroke: Colour? = nil, strokeWidth: Double = 1,
                pattern: Style.Pattern = .none, patternInk: Colour? = nil, dashed: Bool = false) {
        self.id = id; self.rect = rect; self.fill = fill; self.hatch = hatch; self.stroke = stroke; self.strokeWidth = strokeWidth
        self.pattern = pattern; self.patternInk = patternInk; self.dashed = dashed
    }
}

public struct LineMark: Sendable {
    public var from: (Double, Double)
    public var to: (Double, Double)
    public var colour: Colour
    public var width: Double
    public var dash: [Double] = []

    public init(from: (Double, Double), to: (Double, Double), colour: Colour, width: Double, dash: [Double] = []) {
        self.from = from; self.to = to; self.colour = colour; self.width = width; self.dash = dash
    }
}

/// A polyline or a filled shape (markers, series lines).
public struct PathMark: Sendable {
    public var points: [(Double, Double)]
    public var closed: Bool
    public var fill: Colour?
    public var stroke: Colour?
    public var width: Double
    public var dash: [Double] = []

    public init(points: [(Double, Double)], closed: Bool, fill: Colour?, stroke: Colour?, width: Double, dash: [Double] = []) {
        self.points = points; self.closed = closed; self.fill = fill; self.stroke = stroke; self.width = width; self.dash = dash
    }
}

/// A run of text, wrapped at `frame.width`, whose measured extent is `frame`; `container` is the
/// box it must stay inside (a cell, a column), so layout tests can prove nothing is clipped.
public struct TextMark: Sendable {
    public var id: String?
    public var text: String
    public var font: FontSpec
    public var colour: Colour
    public var frame: Rect
    /// Where the layout box starts: Pango aligns lines within [layoutX, layoutX + wrapWidth].
    public var layoutX: Double
    public var wrapWidth: Double?
    public var alignment: TextAlignment
    public var container: Rect
}

/// The numbers or words behind a chart, as a table for screen readers, the PDF and CSV.
public struct DataTable: Sendable, Hashable {
    public var columns: [String]
    public var rows: [[String]]

    public init(columns: [String], rows: [[String]]) {
        self.columns = columns; self.rows = rows
    }

    /// RFC 4180 CSV with CRLF line ends, by the project's one CSV writer.
    public var csv: String { String(decoding: CSVText.data([columns] + rows), as: UTF8.self) }
}

/// A place to put text, measured first: used by chart builders to stack wrapped text blocks.
struct TextPlacer {
    let engine: TextEngine

    /// Measures `text` wrapped to `width` and returns a mark placed at (x, y) inside `container`.
    func place(_ text: String, _ font: FontSpec, colour: Colour, x: Double, y: Double, width: Double,
               alignment: TextAlignment = .left, container: Rect? = nil, id: String? = nil) -> TextMark {
        let m = engine.measure(text, font, width: width)
        let frameX: Double
        switch alignment {
        case .left: frameX = x
        case .centre: frameX = x + (width - m.size.width) / 2
        case .right: frameX = x + width - m.size.width
        }
        let frame = Rect(x: frameX, y: y, width: m.size.width, height: m.size.height)
        return TextMark(id: id, text: text, font: font, colour: colour, frame: frame, layoutX: x, wrapWidth: width,
                        alignment: alignment, container: container ?? Rect(x: x, y: y, width: width, height: m.size.height))
    }
}

extension TextPlacer {
    /// The headline title and the measure/place/period subtitle every chart starts with.
    /// Returns the y below them, where the chart's body begins.
    func chartHeading(_ title: String, _ subtitle: String, style: Style, width: Double, into marks: inout [Mark]) -> Double {
        let t = place(title, style.font(\.title, bold: true), colour: style.colours.text, x: 0, y: 0, width: width, id: "title")
        let s = place(subtitle, style.font(\.subtitle), colour: style.colours.mutedText, x: 0, y: t.frame.maxY + style.spacing.lineGap,
                      width: width, id: "subtitle")
        marks += [.text(t), .text(s)]
        return s.frame.maxY + style.spacing.blockGap
    }

    /// The key and source line every chart ends with, from `y`. Returns the figure's height.
    func chartFooting(key: String, source: String, at y: Double, style: Style, width: Double, into marks: inout [Mark]) -> Double {
        let k = place(key, style.font(\.note), colour: style.colours.mutedText, x: 0, y: y, width: width, id: "key")
        let s = place(source, style.font(\.source), colour: style.colours.mutedText, x: 0, y: k.frame.maxY + style.spacing.lineGap,
                      width: width, id: "source")
        marks += [.text(k), .text(s)]
        return s.frame.maxY
    }
}

extension Figure {
    /// Splits a chart over `items` (rows, panels) into figures no taller than `maxHeight`, each
    /// made whole by `make` (headings and key included), so a long chart continues on the next
    /// page at full size instead of being shrunk to fit.
    public static func pieces<T>(of items: [T], maxHeight: Double, make: ([T], _ continued: Bool) -> Figure) -> [Figure] {
        let whole = make(items, false)
        guard whole.size.height > maxHeight, items.count > 1 else { return [whole] }
        var out: [Figure] = []
        var start = 0
        while start < items.count {
            var end = start + 1
            while end < items.count && make(Array(items[start..<(end + 1)]), start > 0).size.height <= maxHeight { end += 1 }
            out.append(make(Array(items[start..<end]), start > 0))
            start = end
        }
        // The same number of pieces, filled evenly when they still fit: never one row left
        // alone under a repeated heading while the page before stands a third empty.
        if out.count > 1 {
            let size = (items.count + out.count - 1) / out.count
            let even = stride(from: 0, to: items.count, by: size).map { make(Array(items[$0..<min($0 + size, items.count)]), $0 > 0) }
            if even.count == out.count && even.allSatisfy({ $0.size.height <= maxHeight }) { return even }
        }
        return out
    }
}
