import Diagnostics

/// A briefing pack as its definition file in `Reports/packs/` describes it: which authority,
/// for whom, how marked, and which pages in which order.
public struct PackDefinition: Sendable {
    public var id: String
    public var title: String
    public var audience: String
    public var marking: String
    /// The authority record, relative to the reports folder (nil: built from official data).
    public var recordPath: String?
    public var style: String
    public var pages: [String]
    public var definitionPath: String

    public static let knownPages = ["rating-grid", "neighbour-comparison", "indicator-table", "sources"]
    /// Pages drawn from the compact official data in `Reports/data`.
    public static let officialPages = ["neighbour-comparison", "indicator-table"]

    /// A file-name-safe id from an authority's name: "Redcar and Cleveland" → "redcar-and-cleveland".
    public static func slug(_ name: String) -> String {
        name.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
            .split(separator: "-").joined(separator: "-")
    }

    public static func load(path: String) throws(InputError) -> PackDefinition {
        let doc = try YAMLDocument.load(path: path)
        let log = DiagnosticLog()
        guard let m = doc.root.requireMapping(log, as: "a pack definition") else { throw InputError(log.sorted) }
        let what = "the pack definition"
        m.checkKeys(["id", "title", "audience", "marking", "authority", "style", "pages"], log, in: what)
        let id = m.string("id", log, in: what)
        let title = m.string("title", log, in: what)
        let audience = m.string("audience", log, in: what)
        let marking = m.string("marking", log, in: what)
        let record = m.string("authority", log, in: what)
        let style = m.string("style", log, in: what, required: false) ?? "default"
        var pages: [String] = []
        for (page, location) in m.strings("pages", log, in: what) {
            if knownPages.contains(page) { pages.append(page) } else {
                log.error(location, "unknown page \"\(page)\"\(Suggestion.hint(for: page, in: knownPages)); known pages: \(knownPages.joined(separator: ", "))")
            }
        }
        if m["pages"] != nil && pages.isEmpty && !log.hasErrors { log.error(m["pages"]!.location, "the pack has no pages") }
        if m["pages"] == nil { log.error(m.location, "\(what) has no \"pages\" list") }
        try log.throwIfErrors()
        return PackDefinition(id: id!, title: title!, audience: audience!, marking: marking!, recordPath: record!,
                              style: style, pages: pages, definitionPath: path)
    }
}
