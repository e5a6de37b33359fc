import Diagnostics

/// Reads an authority's record file (see `Reports/README.md` for the format) and checks it
/// against the frameworks file. Every problem is reported, located, in one go.
public enum RecordLoader {
    static let topKeys = ["authority", "sources", "events", "leadership", "quotes"]

    /// Loads the record at `path`, using the eras and themes in `frameworksPath`. Given the ids of
    /// the official indicators, a quote's `indicator:` is checked against them.
    public static func load(path: String, frameworksPath: String, indicators: [String]? = nil,
                            yaml: some YAMLReading) throws(InputError) -> AuthorityRecord {
        let frameworks = try FrameworkLoader.load(path: frameworksPath, yaml: yaml)
        return try read(try yaml.document(at: path), frameworks: frameworks, indicators: indicators)
    }

    public static func read(_ doc: YAMLDocument, frameworks: Frameworks, indicators: [String]? = nil) throws(InputError) -> AuthorityRecord {
        var warnings: [Diagnostic] = []
        return try read(doc, frameworks: frameworks, indicators: indicators, warnings: &warnings)
    }

    /// Reads a record, handing back warnings (e.g. a source nothing cites) when there are no errors.
    public static func read(_ doc: YAMLDocument, frameworks: Frameworks, indicators: [String]? = nil,
                            warnings: inout [Diagnostic]) throws(InputError) -> AuthorityRecord {
        let log = DiagnosticLog()
        guard let root = doc.root.requireMapping(log, as: "a record file") else { throw InputError(log.sorted) }
        root.checkKeys(topKeys, log, in: "the record")

        let sources = readSources(root, log)
        let citations = CitationCheck(sources: sources.map(\.value), log: log)
        let authority = readAuthority(root, log, citations)
        let eventItems = root.list("events", log, in: "the record", required: true)
        let events = EventReader(frameworks: frameworks, log: log, citations: citations).readAll(eventItems)
        // Ids of every event written, even one with errors, so its errors are not repeated elsewhere.
        let eventIDs = Set(eventItems.compactMap { $0.mapping?["id"]?.scalar })
        let leadership = PeopleReader(log: log, citations: citations)
            .tenures(root.list("leadership", log, in: "the record"))
        let quotes = PeopleReader(log: log, citations: citations, indicators: indicators)
            .quotes(root.list("quotes", log, in: "the record"), eventIDs: eventIDs)
        RecordChecks.crossReferences(events, log)

        for (source, location) in sources where !citations.cited.contains(source.id) {
            log.warning(location, "source \"\(source.id)\" is not cited by anything in this record")
        }
        try log.throwIfErrors()
        warnings = log.sorted.filter { $0.severity == .warning }
        guard let authority else { throw InputError(log.sorted) }
        return AuthorityRecord(authority: authority, sources: sources.map(\.value),
                               events: events.map(\.value).sorted { $0.start < $1.start },
                               eras: frameworks.eras, leadership: leadership, quotes: quotes)
    }

    static func readSources(_ root: YAMLMapping, _ log: DiagnosticLog) -> [(value: Source, location: SourceLocation)] {
        var out: [(Source, SourceLocation)] = []
        var seen: Set<String> = []
        for item in root.list("sources", log, in: "the record", required: true) {
            guard let source = RecordReader.source(item, log) else { continue }
            if !seen.insert(source.id).inserted { log.error(item.location, "source id \"\(source.id)\" is used twice") }
            out.append((source, item.location))
        }
        return out
    }

    static func readAuthority(_ root: YAMLMapping, _ log: DiagnosticLog, _ citations: CitationCheck) -> Authority? {
        guard let m = root.map("authority", log, in: "the record") else { return nil }
        let what = "the authority"
        m.checkKeys(["name", "council", "dfe_code", "ons_code", "ofsted_region", "ofsted_urn",
                     "statistical_neighbours", "source", "sources"], log, in: what)
        let name = m.string("name", log, in: what)
        let council = m.string("council", log, in: what)
        let dfe = m.int("dfe_code", log, in: what)
        let ons = m.string("ons_code", log, in: what)
        let region = m.string("ofsted_region", log, in: what)
        let urn = m.string("ofsted_urn", log, in: what, required: false)
        let neighbours = m.strings("statistical_neighbours", log, in: what).map(\.0)
        let cites = citations.check(m, for: what)
        guard let name, let council, let dfe, let ons, let region else { return nil }
        return Authority(name: name, council: council, dfeCode: dfe, onsCode: ons, ofstedRegion: region,
                         ofstedURN: urn, statisticalNeighbours: neighbours, source: cites.first ?? Citation(sourceID: ""))
    }
}

/// Checks that a fact cites at least one source and only sources the record lists; remembers
/// which sources were cited, for the "cited by nothing" warning.
final class CitationCheck {
    let sourceIDs: [String]
    let dates: [String: PartialDate]
    let log: DiagnosticLog
    private(set) var cited: Set<String> = []

    init(sources: [Source], log: DiagnosticLog) {
        self.sourceIDs = sources.map(\.id)
        self.dates = Dictionary(sources.map { ($0.id, $0.date) }, uniquingKeysWith: { a, _ in a })
        self.log = log
    }

    /// A source cannot report what had not yet happened: a fact dated after every source it
    /// cites is a typo in one of the dates (or a source dated by when it was read, not published).
    func notAfterSources(_ date: PartialDate?, _ citations: [Citation], at location: SourceLocation, what: String) {
        guard let date else { return }
        let cited = citations.compactMap { c in dates[c.sourceID].map { (c.sourceID, $0) } }
        guard !cited.isEmpty, cited.allSatisfy({ date.earliest > $0.1.latest }) else { return }
        log.error(location, "\(what) is dated \(date.display), after its source\(cited.count == 1 ? "" : "s") " +
                  cited.map { "\"\($0.0)\" (\($0.1.display))" }.joined(separator: " and ") + ": a source cannot report what had not happened yet")
    }

    /// Reads `source:`/`sources:` from `m` and checks them.
    @discardableResult
    func check(_ m: YAMLMapping, for what: String, required: Bool = true) -> [Citation] {
        let citations = RecordReader.citations(m, log, in: what)
        if citations.isEmpty && required {
            log.error(m.location, "\(what) names no source: add \"source: <id>\" from the sources list")
        }
        for c in citations {
            cited.insert(c.sourceID)
            if !sourceIDs.contains(c.sourceID) {
                log.error(m.location, "\(what) cites \"\(c.sourceID)\", which is not in the sources list\(Suggestion.hint(for: c.sourceID, in: sourceIDs))")
            }
        }
        return citations
    }
}
