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

    /// Hashes the size, weight, slant and number of families, not the families' names: a font is
    /// looked up for every piece of text measured or drawn, and hashing its names (Unicode-aware
    /// string hashing) cost more than the look-up. Equal specs still hash alike; a style has a
    /// handful of fonts, so ones differing only in family names rarely share a bucket.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(size); hasher.combine(bold); hasher.combine(italic); hasher.combine(families.count)
    }

    public func with(bold: Bool? = nil, italic: Bool? = nil, size: Double? = nil) -> FontSpec {
        FontSpec(families: families, size: size ?? self.size, bold: bold ?? self.bold, italic: italic ?? self.italic)
    }
}
