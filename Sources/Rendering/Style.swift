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
