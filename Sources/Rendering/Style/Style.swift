import Diagnostics
import Judgements

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
    public var sizes: Sizes
    public var colours: Colours
    public var grades: [Grade: GradeColours]
    public var statuses: [ProgressStatus: StatusLook]
    public var pageWidth: Double
    public var pageHeight: Double
    public var margin: Double
    public var spacing: Spacing
    public var strokes: Strokes

    /// The font for a type-size role, e.g. `style.font(\.note)`.
    public func font(_ role: KeyPath<Sizes, Double>, bold: Bool = false, italic: Bool = false) -> FontSpec {
        FontSpec(families: fontFamilies, size: sizes[keyPath: role], bold: bold, italic: italic)
    }
}
