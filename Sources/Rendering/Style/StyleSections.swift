/// One group of a style's values of one kind (sizes, colours, spacing, strokes), named in style
/// files by snake_case keys. Each section's `fields` table is the only place a key is declared:
/// the loader checks files against it (an unknown or missing key is a located error), the HTML
/// style sheet writes it, and drawing code reads the typed field, so a misspelt role is a
/// compile error rather than a crash at draw time.
public protocol StyleSection: Sendable, Hashable {
    associatedtype Value: Sendable
    static var fields: [(key: String, path: WritableKeyPath<Self, Value>)] { get }
    init()
}

extension StyleSection {
    /// The keys a style file uses for this section, in the order the files give them.
    public static var keys: [String] { fields.map(\.key) }

    /// Every key with its value, for writers that list the whole section (the HTML style sheet).
    public var entries: [(key: String, value: Value)] { Self.fields.map { ($0.key, self[keyPath: $0.path]) } }

    /// The section built from a complete table of values; nil when a key is missing.
    init?(_ values: [String: Value]) {
        self.init()
        for f in Self.fields {
            guard let v = values[f.key] else { return nil }
            self[keyPath: f.path] = v
        }
    }
}

extension Style {
    /// Type sizes in points by role.
    public struct Sizes: StyleSection {
        public var title = 0.0, subtitle = 0.0, heading = 0.0, body = 0.0, cell = 0.0
        public var note = 0.0, source = 0.0, header = 0.0, coverTitle = 0.0, keyNumber = 0.0
        public init() {}
        public static var fields: [(key: String, path: WritableKeyPath<Sizes, Double>)] {
            [("title", \.title), ("subtitle", \.subtitle), ("heading", \.heading), ("body", \.body), ("cell", \.cell),
             ("note", \.note), ("source", \.source), ("header", \.header), ("cover_title", \.coverTitle), ("key_number", \.keyNumber)]
        }
    }

    /// Colours by role. Grade and status colours are kept apart (`grades`, `statuses`) because
    /// they come with a pattern and, for statuses, a symbol.
    public struct Colours: StyleSection {
        public var text = Colour.black, mutedText = Colour.black, background = Colour.white, rule = Colour.black
        public var gutter = Colour.white, notJudgedFill = Colour.white, notJudgedHatch = Colour.black
        public var notJudgedText = Colour.black, band = Colour.white, patternInk = Colour.black
        public var seriesAuthority = Colour.black, seriesEngland = Colour.black, seriesRegion = Colour.black
        public var seriesNeighbours = Colour.black, accent = Colour.black
        public init() {}
        public static var fields: [(key: String, path: WritableKeyPath<Colours, Colour>)] {
            [("text", \.text), ("muted_text", \.mutedText), ("background", \.background), ("rule", \.rule),
             ("gutter", \.gutter), ("not_judged_fill", \.notJudgedFill), ("not_judged_hatch", \.notJudgedHatch),
             ("not_judged_text", \.notJudgedText), ("band", \.band), ("pattern_ink", \.patternInk),
             ("series_authority", \.seriesAuthority), ("series_england", \.seriesEngland), ("series_region", \.seriesRegion),
             ("series_neighbours", \.seriesNeighbours), ("accent", \.accent)]
        }
    }

    /// Spacing in points by role.
    public struct Spacing: StyleSection {
        public var cellPadding = 0.0, gutter = 0.0, blockGap = 0.0, lineGap = 0.0
        public init() {}
        public static var fields: [(key: String, path: WritableKeyPath<Spacing, Double>)] {
            [("cell_padding", \.cellPadding), ("gutter", \.gutter), ("block_gap", \.blockGap), ("line_gap", \.lineGap)]
        }
    }
}

extension Style {
    /// Line widths in points by role, so a style for a projector or a fine printer can change
    /// every rule at once.
    public struct Strokes: StyleSection {
        /// Faint guides behind data: column and year lines.
        public var hairline = 0.0
        /// Value gridlines in trend charts.
        public var grid = 0.0
        /// Rules under headings, axes, bar and mark outlines.
        public var rule = 0.0
        /// The pale ring that keeps a data marker apart from a line behind it.
        public var marker = 0.0
        /// Outlines that must be seen: a cell's dashed frame, a lane mark, a leader line.
        public var outline = 0.0
        /// Data lines.
        public var series = 0.0
        public init() {}
        public static var fields: [(key: String, path: WritableKeyPath<Strokes, Double>)] {
            [("hairline", \.hairline), ("grid", \.grid), ("rule", \.rule), ("marker", \.marker), ("outline", \.outline), ("series", \.series)]
        }
    }
}
