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
