import Diagnostics
import Judgements

/// How a font is asked for: families in order of preference (Liberation Sans, then DejaVu),
/// a size in points, bold and italic.
public struct FontSpec: Sendable, Hashable {
    public var families: [String]
    public var size: Double
    public var bold: Bool
    public var italic: Bool

    public init(families: [String], size: Double, bold: Bool = false, italic: Bool = false) {
        self.families = families; self.size = size; self.bold = bold; self.italic = italic
    }

    public func with(bold: Bool? = nil, italic: Bool? = nil, size: Double? = nil) -> FontSpec {
        FontSpec(families: families, size: size ?? self.size, bold: bold ?? self.bold, italic: italic ?? self.italic)
    }
}

/// The look of a pack: colours, type and page setup, read from `Styles/<name>.yaml` so that
/// no colour, font or spacing is written into drawing code.
public struct Style: Sendable {
    /// A texture drawn in a swatch at the edge of a cell, so grades and statuses stay apart
    /// in black-and-white print.
    public enum Pattern: String, Sendable, Hashable, CaseIterable {
        case none, dots, hatch, crosshatch, vertical, solid
    }

    public struct GradeColours: Sendable, Hashable {
        public var fill: Colour
        public var text: Colour
        public var pattern: Pattern = .none
    }

    /// How a progress status is shown: colour, pattern, and a symbol beside its word.
    public struct StatusLook: Sendable, Hashable {
        public var fill: Colour
        public var text: Colour
        public var pattern: Pattern
        public var symbol: String
    }

    public var name: String
    public var description: String
    public var fontFamilies: [String]
    /// Sizes in points by role: title, subtitle, heading, body, cell, note, source, header.
    public var sizes: [String: Double]
    /// Colours by role: text, muted_text, background, rule, gutter, not_judged_fill, not_judged_hatch, not_judged_text, band (alternate table rows).
    public var colours: [String: Colour]
    public var grades: [Grade: GradeColours]
    public var statuses: [ProgressStatus: StatusLook]
    public var pageWidth: Double
    public var pageHeight: Double
    public var margin: Double
    /// Spacing in points by role: cell_padding, gutter, block_gap, line_gap.
    public var spacing: [String: Double]

    public static let sizeKeys = ["title", "subtitle", "heading", "body", "cell", "note", "source", "header", "cover_title", "key_number"]
    public static let colourKeys = ["text", "muted_text", "background", "rule", "gutter",
                                    "not_judged_fill", "not_judged_hatch", "not_judged_text", "band", "pattern_ink",
                                    "series_authority", "series_england", "series_region", "series_neighbours", "accent"]
    public static let spacingKeys = ["cell_padding", "gutter", "block_gap", "line_gap"]

    public func font(_ role: String, bold: Bool = false, italic: Bool = false) -> FontSpec {
        FontSpec(families: fontFamilies, size: sizes[role]!, bold: bold, italic: italic)
    }

    public func colour(_ role: String) -> Colour { colours[role]! }
    public func space(_ role: String) -> Double { spacing[role]! }
}

/// Reads style files; every key is required and unknown keys are errors, so a typo never
/// silently falls back to a default.
public enum StyleLoader {
    static let pageSizes: [String: (Double, Double)] = ["A4": (595.276, 841.89)]

    public static func load(path: String) throws(InputError) -> Style {
        let doc = try YAMLDocument.load(path: path)
        let log = DiagnosticLog()
        guard let root = doc.root.requireMapping(log, as: "a style file") else { throw InputError(log.sorted) }
        let what = "the style"
        root.checkKeys(["name", "description", "fonts", "sizes", "colours", "grades", "statuses", "page", "spacing"], log, in: what)
        let name = root.string("name", log, in: what)
        let description = root.string("description", log, in: what)

        var families: [String] = []
        if let fonts = root.map("fonts", log, in: what) {
            fonts.checkKeys(["family", "fallback"], log, in: "fonts")
            if let f = fonts.string("family", log, in: "fonts") { families.append(f) }
            if let f = fonts.string("fallback", log, in: "fonts") { families.append(f) }
        }
        let sizes = numbers(root, "sizes", keys: Style.sizeKeys, log)
        let spacing = numbers(root, "spacing", keys: Style.spacingKeys, log)
        var colours: [String: Colour] = [:]
        if let m = root.map("colours", log, in: what) {
            m.checkKeys(Style.colourKeys, log, in: "colours")
            for key in Style.colourKeys {
                if let c = colour(m, key, log, in: "colours") { colours[key] = c }
            }
        }
        var grades: [Grade: Style.GradeColours] = [:]
        if let m = root.map("grades", log, in: what) {
            m.checkKeys(Grade.allCases.map(\.key), log, in: "grades")
            for grade in Grade.allCases {
                guard let g = m.map(grade.key, log, in: "grades") else { continue }
                let w = "grade \"\(grade.key)\""
                g.checkKeys(["fill", "text", "pattern"], log, in: w)
                if let fill = colour(g, "fill", log, in: w), let text = colour(g, "text", log, in: w), let p = pattern(g, log, in: w) {
                    grades[grade] = .init(fill: fill, text: text, pattern: p)
                }
            }
        }
        var statuses: [ProgressStatus: Style.StatusLook] = [:]
        let statusKeys = ProgressStatus.allCases.map { $0.rawValue.replacingOccurrences(of: " ", with: "-") }
        if let m = root.map("statuses", log, in: what) {
            m.checkKeys(statusKeys, log, in: "statuses")
            for (status, key) in zip(ProgressStatus.allCases, statusKeys) {
                guard let g = m.map(key, log, in: "statuses") else { continue }
                let w = "status \"\(key)\""
                g.checkKeys(["fill", "text", "pattern", "symbol"], log, in: w)
                if let fill = colour(g, "fill", log, in: w), let text = colour(g, "text", log, in: w),
                   let p = pattern(g, log, in: w), let symbol = g.string("symbol", log, in: w) {
                    statuses[status] = .init(fill: fill, text: text, pattern: p, symbol: symbol)
                }
            }
        }
        var page: (Double, Double)?
        var margin: Double?
        if let m = root.map("page", log, in: what) {
            m.checkKeys(["size", "margin"], log, in: "page")
            if let s = m.string("size", log, in: "page") {
                page = pageSizes[s]
                if page == nil { log.error(m["size"]!.location, "unknown page size \"\(s)\"; known: \(pageSizes.keys.sorted().joined(separator: ", "))") }
            }
            margin = number(m, "margin", log, in: "page")
        }
        try log.throwIfErrors()
        return Style(name: name!, description: description!, fontFamilies: families, sizes: sizes, colours: colours,
                     grades: grades, statuses: statuses, pageWidth: page!.0, pageHeight: page!.1, margin: margin!, spacing: spacing)
    }

    static func numbers(_ root: YAMLMapping, _ key: String, keys: [String], _ log: DiagnosticLog) -> [String: Double] {
        guard let m = root.map(key, log, in: "the style") else { return [:] }
        m.checkKeys(keys, log, in: key)
        var out: [String: Double] = [:]
        for k in keys { if let v = number(m, k, log, in: key) { out[k] = v } }
        return out
    }

    static func number(_ m: YAMLMapping, _ key: String, _ log: DiagnosticLog, in what: String) -> Double? {
        guard let text = m.string(key, log, in: what) else { return nil }
        guard let v = Double(text), v > 0 else {
            log.error(m[key]!.location, "\"\(key)\" in \(what) should be a positive number of points, found \"\(text)\"")
            return nil
        }
        return v
    }

    static func pattern(_ m: YAMLMapping, _ log: DiagnosticLog, in what: String) -> Style.Pattern? {
        guard let text = m.string("pattern", log, in: what) else { return nil }
        guard let p = Style.Pattern(rawValue: text) else {
            let names = Style.Pattern.allCases.map(\.rawValue)
            log.error(m["pattern"]!.location, "unknown pattern \"\(text)\"\(Suggestion.hint(for: text, in: names)); use one of: \(names.joined(separator: ", "))")
            return nil
        }
        return p
    }

    static func colour(_ m: YAMLMapping, _ key: String, _ log: DiagnosticLog, in what: String) -> Colour? {
        guard let text = m.string(key, log, in: what) else { return nil }
        guard let c = Colour(hex: text) else {
            log.error(m[key]!.location, "\"\(key)\" in \(what) should be a colour written #RRGGBB, found \"\(text)\"")
            return nil
        }
        return c
    }
}
