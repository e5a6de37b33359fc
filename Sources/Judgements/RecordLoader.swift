import Diagnostics

/// Reads an authority's record file (see `Reports/README.md` for the format) and checks it
/// against the framework eras. Every problem is reported, located, in one go.
public enum RecordLoader {
    static let topKeys = ["authority", "sources", "events"]
    static let eventKeys = ["id", "kind", "title", "start", "end", "published", "lead_inspector", "theme",
                            "theme_inferred", "note", "judgements", "source", "sources"]

    /// Loads the record at `path`, using the eras from `frameworksPath`.
    public static func load(path: String, frameworksPath: String) throws(InputError) -> AuthorityRecord {
        let eras = try FrameworkLoader.load(path: frameworksPath)
        let doc = try YAMLDocument.load(path: path)
        return try read(doc, eras: eras)
    }

    public static func read(_ doc: YAMLDocument, eras: [FrameworkEra]) throws(InputError) -> AuthorityRecord {
        var warnings: [Diagnostic] = []
        return try read(doc, eras: eras, warnings: &warnings)
    }

    /// Reads a record, handing back warnings (e.g. a source nothing cites) when there are no errors.
    public static func read(_ doc: YAMLDocument, eras: [FrameworkEra], warnings: inout [Diagnostic]) throws(InputError) -> AuthorityRecord {
        let log = DiagnosticLog()
        guard let root = doc.root.requireMapping(log, as: "a record file") else { throw InputError(log.sorted) }
        root.checkKeys(topKeys, log, in: "the record")

        let sources = readSources(root, log)
        let sourceIDs = sources.map(\.value.id)
        var cited: Set<String> = []
        func check(_ citations: [Citation], at location: SourceLocation, for what: String) {
            if citations.isEmpty { log.error(location, "\(what) names no source: add \"source: <id>\" from the sources list") }
            for c in citations {
                cited.insert(c.sourceID)
                if !sourceIDs.contains(c.sourceID) {
                    log.error(location, "\(what) cites \"\(c.sourceID)\", which is not in the sources list\(Suggestion.hint(for: c.sourceID, in: sourceIDs))")
                }
            }
        }

        let authority = readAuthority(root, log, check)
        var events: [Event] = []
        var seenIDs: [String: SourceLocation] = [:]
        for item in root.list("events", log, in: "the record", required: true) {
            guard let m = item.requireMapping(log, as: "an event") else { continue }
            guard let event = readEvent(m, eras: eras, log) else { continue }
            if let first = seenIDs[event.id] {
                log.error(m.location, "event id \"\(event.id)\" is used twice (first at line \(first.line))")
            }
            seenIDs[event.id] = m.location
            check(event.sources, at: m.location, for: "event \"\(event.id)\"")
            events.append(event)
        }
        for (source, location) in sources where !cited.contains(source.id) {
            log.warning(location, "source \"\(source.id)\" is not cited by anything in this record")
        }
        try log.throwIfErrors()
        warnings = log.sorted.filter { $0.severity == .warning }
        guard let authority else { throw InputError(log.sorted) }
        return AuthorityRecord(authority: authority, sources: sources.map(\.value),
                               events: events.sorted { $0.start < $1.start }, eras: eras)
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

    static func readAuthority(_ root: YAMLMapping, _ log: DiagnosticLog,
                              _ check: ([Citation], SourceLocation, String) -> Void) -> Authority? {
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
        let citations = RecordReader.citations(m, log, in: what)
        check(citations, m.location, what)
        guard let name, let council, let dfe, let ons, let region else { return nil }
        return Authority(name: name, council: council, dfeCode: dfe, onsCode: ons, ofstedRegion: region,
                         ofstedURN: urn, statisticalNeighbours: neighbours, source: citations.first ?? Citation(sourceID: ""))
    }

    static func readEvent(_ m: YAMLMapping, eras: [FrameworkEra], _ log: DiagnosticLog) -> Event? {
        m.checkKeys(eventKeys, log, in: "an event")
        guard let id = m.string("id", log, in: "an event") else { return nil }
        let what = "event \"\(id)\""
        var kind: EventKind?
        if let k = m.string("kind", log, in: what) {
            kind = EventKind(rawValue: k)
            if kind == nil {
                let names = EventKind.allCases.map(\.rawValue)
                log.error(m["kind"]!.location, "unknown event kind \"\(k)\"\(Suggestion.hint(for: k, in: names)); known kinds: \(names.joined(separator: ", "))")
            }
        }
        let start = RecordReader.date(m, "start", log, in: what)
        let end = RecordReader.date(m, "end", log, in: what, required: false)
        let published = RecordReader.date(m, "published", log, in: what, required: false)
        if let start, let end, end.latest < start.earliest {
            log.error(m["end"]!.location, "\(what) ends (\(end.display)) before it starts (\(start.display))")
        }
        if let published, let last = end ?? start, published.latest < last.earliest {
            log.error(m["published"]!.location, "\(what) is published (\(published.display)) before it ends (\(last.display))")
        }
        var judgements: [Judgement] = []
        if let jm = m.map("judgements", log, in: what, required: false) {
            judgements = readJudgements(jm, kind: kind, start: start, eras: eras, what: what, log)
        } else if let kind, kind.isGraded, let start, let era = eras.first(where: { $0.contains(start) }) {
            log.error(m.location, "\(what) is a graded inspection but has no judgements; under \(era.title) it needs: \(era.judgements.map(\.rawValue).joined(separator: ", "))")
        }
        guard let kind, let start else { return nil }
        return Event(id: id, kind: kind, title: m.string("title", log, in: what, required: false),
                     start: start, end: end, published: published,
                     leadInspector: m.string("lead_inspector", log, in: what, required: false),
                     theme: m.string("theme", log, in: what, required: false),
                     themeInferred: m.bool("theme_inferred", log, in: what) ?? false,
                     note: m.string("note", log, in: what, required: false),
                     judgements: judgements, sources: RecordReader.citations(m, log, in: what))
    }

    static func readJudgements(_ jm: YAMLMapping, kind: EventKind?, start: PartialDate?, eras: [FrameworkEra],
                               what: String, _ log: DiagnosticLog) -> [Judgement] {
        if let kind, !kind.isGraded {
            log.error(jm.location, "\(what) is a \(kind.title.lowercased()), which carries no judgements; only graded inspections do")
            return []
        }
        let era = start.flatMap { s in eras.first { $0.contains(s) } }
        if let start, era == nil {
            log.error(jm.location, "no framework era in frameworks.yaml covers \(start.display)")
        }
        var out: [Judgement] = []
        for entry in jm.entries {
            guard let area = RecordReader.area(entry.key, at: entry.keyLocation, log) else { continue }
            if out.contains(where: { $0.area == area }) {
                log.error(entry.keyLocation, "\(what) judges \"\(area.rawValue)\" twice")
                continue
            }
            if let era, !era.judgements.contains(area) {
                let why = era.notJudged[area.row].map { " (\($0.reason))" } ?? ""
                log.error(entry.keyLocation, "\(era.title) has no \"\(area.rawValue)\" judgement\(why); its judgements are: \(era.judgements.map(\.rawValue).joined(separator: ", "))")
                continue
            }
            if let grade = RecordReader.grade(entry.value, log) {
                out.append(Judgement(area: area, grade: grade))
            }
        }
        if let era {
            let missing = era.judgements.filter { a in !out.contains { $0.area == a } && !jm.has(a.rawValue) }
            if !missing.isEmpty {
                log.error(jm.location, "\(what) is missing judgements its era makes: \(missing.map(\.rawValue).joined(separator: ", "))")
            }
        }
        return out
    }
}
