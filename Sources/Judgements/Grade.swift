/// An Ofsted ILACS grade. Ordered from worst to best so that "improved by two grades" is arithmetic.
public enum Grade: Int, CaseIterable, Comparable, Sendable, Codable {
    case inadequate = 1
    case requiresImprovement = 2
    case good = 3
    case outstanding = 4

    /// Ofsted's own wording, as printed in reports and the outcomes file.
    public var wording: String {
        switch self {
        case .inadequate: return "Inadequate"
        case .requiresImprovement: return "Requires improvement to be good"
        case .good: return "Good"
        case .outstanding: return "Outstanding"
        }
    }

    /// A stable key for style files and exports.
    public var key: String {
        switch self {
        case .inadequate: return "inadequate"
        case .requiresImprovement: return "requires-improvement"
        case .good: return "good"
        case .outstanding: return "outstanding"
        }
    }

    public static func < (a: Grade, b: Grade) -> Bool { a.rawValue < b.rawValue }

    /// Reads the spellings found in the wild: any case, Ofsted's full wording, the short
    /// "Requires improvement", "RI", and the style keys.
    public static func parse(_ text: String) -> Grade? {
        // Ofsted's own spellings, met thousands of times a run, skip the normalising below.
        switch text {
        case "Inadequate": return .inadequate
        case "Requires improvement to be good": return .requiresImprovement
        case "Good": return .good
        case "Outstanding": return .outstanding
        default: break
        }
        let t = text.lowercased()
            .replacingOccurrences(of: "-", with: " ")
            .split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        switch t {
        case "inadequate": return .inadequate
        case "requires improvement to be good", "requires improvement", "ri": return .requiresImprovement
        case "good": return .good
        case "outstanding": return .outstanding
        default: return nil
        }
    }

    /// The accepted full wordings, for "did you mean" suggestions.
    public static var wordings: [String] { allCases.map(\.wording) }
}
