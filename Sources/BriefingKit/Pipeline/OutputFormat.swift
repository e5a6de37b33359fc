import Foundation

/// The kinds of file a pack can be built as (`briefing build --formats pdf,html,…`). All of them
/// by default: the HTML page sits beside the PDF, as government guidance asks for HTML first.
public enum OutputFormat: String, Sendable, CaseIterable, Comparable {
    case pdf, html, png, svg, csv, txt, xlsx

    public static func < (a: OutputFormat, b: OutputFormat) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Reads `pdf,html`: a comma-separated list of known formats, at least one.
    public static func parse(_ text: String) -> Result<Set<OutputFormat>, FormatError> {
        var out: Set<OutputFormat> = []
        for name in text.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            guard let f = OutputFormat(rawValue: name) else { return .failure(FormatError(name: name)) }
            out.insert(f)
        }
        return out.isEmpty ? .failure(FormatError(name: "")) : .success(out)
    }

    /// How the chosen formats appear in a manifest: in a fixed order, so the same choice is the
    /// same text (and a different choice rebuilds the pack).
    public static func manifestValue(_ formats: Set<OutputFormat>) -> String {
        formats.sorted().map(\.rawValue).joined(separator: ",")
    }
}

public struct FormatError: Error, CustomStringConvertible {
    public var name: String
    public var description: String {
        "unknown format \"\(name)\"; choose from \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")) (comma-separated)"
    }
}
