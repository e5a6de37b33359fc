import Diagnostics
import Judgements
import YAMLFiles

/// One page of a pack and its options (e.g. which indicators, how many visits make drift).
public struct PageSpec: Sendable, Hashable {
    public var id: String
    public var options: [String: [String]]

    public init(_ id: String, options: [String: [String]] = [:]) {
        self.id = id; self.options = options
    }

    public func option(_ key: String) -> String? { options[key]?.first }
    /// The kind of page; a definition naming an unknown page is refused when it is read.
    public var kind: PageKind { PageKind(rawValue: id)! }
    public func list(_ key: String) -> [String]? { options[key] }
}

/// A briefing pack as its definition file in `Reports/packs/` describes it: which authority,
/// for whom, how marked, what counts as new, and which pages in which order.
public struct PackDefinition: Sendable {
    public var id: String
    public var title: String
    public var audience: String
    public var marking: String
    /// The authority record, relative to the reports folder (nil: built from official data).
    public var recordPath: String?
    public var style: String
    public var since: PartialDate?
    public var pages: [PageSpec]
    public var definitionPath: String
    /// The files this definition was read from (its own, or its template's): inputs of the pack.
    /// Empty for a pack made in code (an authority's default pack, a comparison).
    public var readFrom: [String] = []
    /// The authorities a comparison pack sets side by side, in the order given (empty otherwise).
    public var comparing: [String] = []
    /// The front sheet: where and when the pack goes, and who to ask. All optional.
    public var frontSheet = FrontSheet()

    /// What democratic services put on a report's front sheet.
    public struct FrontSheet: Sendable, Hashable {
        public var committee: String?
        public var meeting: PartialDate?
        public var agendaItem: String?
        public var author: String?
        public var contact: String?
        public init() {}
    }

    /// Every page a pack may hold, and the options each accepts.
    public static var pageOptions: [String: [String]] { Dictionary(uniqueKeysWithValues: PageKind.allCases.map { ($0.rawValue, $0.options) }) }
    public static var knownPages: [String] { PageKind.allCases.map(\.rawValue).sorted() }

    /// Whether any page draws on the compact official data.
    public var needsOfficialData: Bool { pages.contains { $0.kind.needsOfficialData } }

    /// The pack for an authority without a record of its own: the template's pages (or the
    /// default authority pack) under `<slug>` or `<slug>-<template id>`. A template title that
    /// starts with its own authority's name gets this authority's name instead.
    public static func forAuthority(_ name: String, template: PackDefinition?, query: String) -> PackDefinition {
        let slug = Self.slug(name)
        guard let template else {
            return PackDefinition(id: slug, title: "\(name) children\u{2019}s services: Ofsted judgements and key indicators",
                                  audience: "scrutiny committee", marking: "OFFICIAL", recordPath: nil, style: "default", since: nil,
                                  pages: ["cover", "at-a-glance", "rating-grid", "judgement-journey", "neighbour-comparison",
                                          "indicator-table", "indicator-trends", "national-distribution", "data-tables", "sources"].map { PageSpec($0) },
                                  definitionPath: "--authority \(query)")
        }
        var title = template.title
        if let colon = title.firstIndex(of: ":") {
            title = "\(name) children\u{2019}s services:" + title[title.index(after: colon)...]
        }
        return PackDefinition(id: "\(slug)-\(template.id)", title: title, audience: template.audience, marking: template.marking,
                              recordPath: nil, style: template.style, since: template.since, pages: template.pages,
                              definitionPath: template.definitionPath, readFrom: template.readFrom)
    }

    /// A file-name-safe id from an authority's name: "Redcar and Cleveland" → "redcar-and-cleveland".
    public static func slug(_ name: String) -> String {
        name.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
            .split(separator: "-").joined(separator: "-")
    }

    @_optimize(none) public static func load(path: String) throws(InputError) -> PackDefinition {
        let doc = try YAMLDocument.load(path: path)
        let log = DiagnosticLog()
        guard let m = doc.root.requireMapping(log, as: "a pack definition") else { throw InputError(log.sorted) }
        let what = "the pack definition"
        m.checkKeys(["id", "title", "audience", "marking", "authority", "style", "since", "pages",
                     "committee", "meeting", "agenda_item", "author", "contact"], log, in: what)
        let id = m.string("id", log, in: what)
        let title = m.string("title", log, in: what)
        let audience = m.string("audience", log, in: what)
        let marking = m.string("marking", log, in: what)
        let record = m.string("authority", log, in: what)
        let style = m.string("style", log, in: what, required: false) ?? "default"
        var since: PartialDate?
        if let text = m.string("since", log, in: what, required: false) {
            since = PartialDate.parse(text)
            if since == nil { log.error(m["since"]!.location, "\"\(text)\" is not a date: write 2025-01-01 or 2025-01") }
        }
        var sheet = FrontSheet()
        sheet.committee = m.string("committee", log, in: what, required: false)
        sheet.agendaItem = m.string("agenda_item", log, in: what, required: false)
        sheet.author = m.string("author", log, in: what, required: false)
        sheet.contact = m.string("contact", log, in: what, required: false)
        if let text = m.string("meeting", log, in: what, required: false) {
            sheet.meeting = PartialDate.parse(text)
            if sheet.meeting?.precision != .day { log.error(m["meeting"]!.location, "\"\(text)\" is not a meeting date: write 2026-12-03") }
        }
        var pages: [PageSpec] = []
        for item in m.list("pages", log, in: what, required: true) {
            var name: String?
            var options: [String: [String]] = [:]
            var location = item.location
            if let s = item.scalar {
                name = s
            } else if let map = item.mapping, map.entries.count == 1, let entry = map.entries.first {
                name = entry.key
                location = entry.keyLocation
                if let opts = entry.value.mapping {
                    let allowed = pageOptions[entry.key] ?? []
                    opts.checkKeys(allowed, log, in: "the options of page \"\(entry.key)\"")
                    for o in opts.entries {
                        if let s = o.value.scalar { options[o.key] = [s] } else if let list = o.value.sequence { options[o.key] = list.compactMap(\.scalar) }
                    }
                } else if !entry.value.isNull {
                    log.error(entry.value.location, "the options of page \"\(entry.key)\" should be key: value lines")
                }
            } else {
                log.error(item.location, "a page should be a page name, or a page name with options")
            }
            guard let name else { continue }
            if pageOptions[name] == nil {
                log.error(location, "unknown page \"\(name)\"\(Suggestion.hint(for: name, in: knownPages)); known pages: \(knownPages.joined(separator: ", "))")
                continue
            }
            pages.append(PageSpec(name, options: options))
        }
        if m["pages"] != nil && pages.isEmpty && !log.hasErrors { log.error(m["pages"]!.location, "the pack has no pages") }
        try log.throwIfErrors()
        var pack = PackDefinition(id: id!, title: title!, audience: audience!, marking: marking!, recordPath: record,
                                  style: style, since: since, pages: pages, definitionPath: path, readFrom: [path])
        pack.frontSheet = sheet
        return pack
    }
}
