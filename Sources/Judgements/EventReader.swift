import Diagnostics

/// An event as read, with where it and its findings stood in the file (for cross-checks).
struct ReadEvent {
    var value: Event
    var location: SourceLocation
    var findingLocations: [SourceLocation]
    var areaLocations: [SourceLocation]
    var coversLocation: SourceLocation?
}

/// Reads the `events:` list: dates, kind, theme, judgements, areas for improvement, findings.
struct EventReader {
    let frameworks: Frameworks
    let log: DiagnosticLog
    let citations: CitationCheck

    static let keys = ["id", "kind", "title", "start", "end", "published", "lead_inspector", "theme",
                       "theme_inferred", "note", "inferred", "judgements", "areas_for_improvement", "findings",
                       "covers", "covers_note", "earlier_areas_verdict", "earlier_areas_quote", "leaders_quote", "source", "sources"]

    func readAll(_ items: [YAMLValue]) -> [ReadEvent] {
        var out: [ReadEvent] = []
        var seenIDs: [String: SourceLocation] = [:]
        for item in items {
            guard let m = item.requireMapping(log, as: "an event"), let event = read(m) else { continue }
            if let first = seenIDs[event.value.id] {
                log.error(m.location, "event id \"\(event.value.id)\" is used twice (first at line \(first.line))")
            }
            seenIDs[event.value.id] = m.location
            out.append(event)
        }
        return out
    }

    func read(_ m: YAMLMapping) -> ReadEvent? {
        m.checkKeys(Self.keys, log, in: "an event")
        guard let id = m.string("id", log, in: "an event") else { return nil }
        let what = "event \"\(id)\""
        let kind: EventKind? = RecordReader.choice(m, "kind", log, in: what, noun: "event kind")
        let start = RecordReader.date(m, "start", log, in: what)
        let end = RecordReader.date(m, "end", log, in: what, required: false)
        let published = RecordReader.date(m, "published", log, in: what, required: false)
        if let start, let end, end.latest < start.earliest {
            log.error(m["end"]!.location, "\(what) ends (\(end.display)) before it starts (\(start.display))")
        }
        if let published, let last = end ?? start, published.latest < last.earliest {
            log.error(m["published"]!.location, "\(what) is published (\(published.display)) before it ends (\(last.display))")
        }
        let theme = readTheme(m, kind: kind, what: what)
        let inferred = m.bool("inferred", log, in: what) ?? false
        let themeInferred = m.bool("theme_inferred", log, in: what) ?? false
        let note = m.string("note", log, in: what, required: false)
        if (inferred || themeInferred) && note == nil {
            log.error(m.location, "\(what) is marked inferred but has no note saying how it was inferred")
        }

        var judgements: [Judgement] = []
        if let jm = m.map("judgements", log, in: what, required: false) {
            judgements = readJudgements(jm, kind: kind, start: start, what: what)
        } else if let kind, kind.isGraded, let start, let era = frameworks.eras.first(where: { $0.contains(start) }) {
            log.error(m.location, "\(what) is a graded inspection but has no judgements; under \(era.title) it needs: \(era.judgements.map(\.rawValue).joined(separator: ", "))")
        }
        let (areas, areaLocations) = readAreas(m, kind: kind, eventID: id, what: what)
        let (findings, findingLocations) = readFindings(m, kind: kind, what: what)
        let sources = citations.check(m, for: what)
        citations.notAfterSources(start, sources, at: m.location, what: what)
        let covers = m.strings("covers", log, in: what).map(\.0)
        let coversNote = m.string("covers_note", log, in: what, required: false)
        if !covers.isEmpty, let kind, kind != .monitoringVisit && kind != .focusedVisit {
            log.error(m["covers"]!.location, "\(what) is a \(kind.title.lowercased()); only visits cover areas for improvement")
        }
        if !covers.isEmpty && coversNote == nil {
            log.error(m["covers"]!.location, "\(what) lists the areas its theme covered but no covers_note: which areas a theme covers is an inference, so say how it was made")
        }
        let verdict = m.string("earlier_areas_verdict", log, in: what, required: false)
        let verdictQuote = m.string("earlier_areas_quote", log, in: what, required: false)
        if (verdict == nil) != (verdictQuote == nil) {
            log.error(m.location, "\(what) needs both earlier_areas_verdict and earlier_areas_quote (the report's words that give the verdict)")
        }
        if verdict != nil, let kind, !kind.isGraded {
            log.error(m["earlier_areas_verdict"]!.location, "\(what) is a \(kind.title.lowercased()); only a graded inspection gives a verdict on earlier areas for improvement")
        }
        guard let kind, let start else { return nil }
        var event = Event(id: id, kind: kind, title: m.string("title", log, in: what, required: false),
                          start: start, end: end, published: published,
                          leadInspector: m.string("lead_inspector", log, in: what, required: false),
                          theme: theme, themeInferred: themeInferred, note: note, inferred: inferred,
                          judgements: judgements, areasForImprovement: areas, findings: findings, sources: sources)
        event.covers = covers
        event.coversNote = coversNote
        event.earlierAreasVerdict = verdict
        event.earlierAreasQuote = verdictQuote
        event.leadersQuote = m.string("leaders_quote", log, in: what, required: false)
        return ReadEvent(value: event, location: m.location, findingLocations: findingLocations, areaLocations: areaLocations,
                         coversLocation: m["covers"]?.location)
    }

    /// A visit theme from the frameworks file's list, in its canonical spelling.
    func readTheme(_ m: YAMLMapping, kind: EventKind?, what: String) -> String? {
        guard let text = m.string("theme", log, in: what, required: false) else { return nil }
        if let kind, kind != .focusedVisit && kind != .monitoringVisit && kind != .jtai {
            log.error(m["theme"]!.location, "\(what) is a \(kind.title.lowercased()); only visits and JTAIs have a theme")
        }
        if let known = frameworks.visitThemes.first(where: { $0.lowercased() == text.lowercased() }) { return known }
        log.error(m["theme"]!.location, "unknown visit theme \"\(text)\"\(Suggestion.hint(for: text, in: frameworks.visitThemes)); known themes: \(frameworks.visitThemes.joined(separator: "; "))")
        return nil
    }

    func readJudgements(_ jm: YAMLMapping, kind: EventKind?, start: PartialDate?, what: String) -> [Judgement] {
        if let kind, !kind.isGraded {
            log.error(jm.location, "\(what) is a \(kind.title.lowercased()), which carries no judgements; only graded inspections do")
            return []
        }
        let era = start.flatMap { s in frameworks.eras.first { $0.contains(s) } }
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

    func readAreas(_ m: YAMLMapping, kind: EventKind?, eventID: String, what: String) -> ([AreaForImprovement], [SourceLocation]) {
        let items = m.list("areas_for_improvement", log, in: what)
        if !items.isEmpty, let kind, !kind.isGraded {
            log.error(m["areas_for_improvement"]!.location, "\(what) is a \(kind.title.lowercased()); only graded inspections set areas for improvement")
        }
        var areas: [AreaForImprovement] = [], locations: [SourceLocation] = []
        for item in items {
            guard let a = item.requireMapping(log, as: "an area for improvement") else { continue }
            a.checkKeys(["id", "title", "wording"], log, in: "an area for improvement")
            guard let id = a.string("id", log, in: "an area for improvement"),
                  let title = a.string("title", log, in: "area for improvement \"\(id)\"") else { continue }
            areas.append(AreaForImprovement(id: id, title: title, wording: a.string("wording", log, in: "area \"\(id)\"", required: false),
                                            setBy: eventID))
            locations.append(a.location)
        }
        return (areas, locations)
    }

    func readFindings(_ m: YAMLMapping, kind: EventKind?, what: String) -> ([VisitFinding], [SourceLocation]) {
        let items = m.list("findings", log, in: what)
        if !items.isEmpty, let kind, kind != .monitoringVisit {
            log.error(m["findings"]!.location, "\(what) is a \(kind.title.lowercased()); only monitoring visits record progress on areas for improvement")
        }
        var findings: [VisitFinding] = [], locations: [SourceLocation] = []
        for item in items {
            guard let f = item.requireMapping(log, as: "a finding") else { continue }
            f.checkKeys(["area", "status", "quote", "speaker", "inferred", "note", "source", "sources"], log, in: "a finding")
            let area = f.string("area", log, in: "a finding")
            let fw = "the finding on \"\(area ?? "?")\""
            let status: ProgressStatus? = RecordReader.choice(f, "status", log, in: fw, noun: "status", parse: ProgressStatus.parse)
            let inferred = f.bool("inferred", log, in: fw) ?? false
            let note = f.string("note", log, in: fw, required: false)
            if inferred && note == nil { log.error(f.location, "\(fw) is marked inferred but has no note saying how") }
            let quote = f.string("quote", log, in: fw, required: false)
            let cites = citations.check(f, for: fw)
            guard let area, let status else { continue }
            if status != .notLookedAt && quote == nil {
                log.error(f.location, "\(fw) gives a status but no quote: add the words from the source that support it")
            }
            findings.append(VisitFinding(areaID: area, status: status, quote: quote,
                                         speaker: f.string("speaker", log, in: fw, required: false),
                                         inferred: inferred, note: note, sources: cites))
            locations.append(f.location)
        }
        return (findings, locations)
    }
}

/// Rules that need the whole record: duplicate events, and findings that refer to areas for
/// improvement set by an earlier inspection.
enum RecordChecks {
    static func crossReferences(_ events: [ReadEvent], _ log: DiagnosticLog) {
        var byKindAndDate: [String: String] = [:]
        var areas: [String: (area: AreaForImprovement, start: PartialDate)] = [:]
        for e in events {
            let key = "\(e.value.kind.rawValue)@\(e.value.start.iso)"
            if let other = byKindAndDate[key] {
                log.error(e.location, "event \"\(e.value.id)\" duplicates \"\(other)\": both are a \(e.value.kind.title.lowercased()) starting \(e.value.start.display)")
            }
            byKindAndDate[key] = e.value.id
            for (a, location) in zip(e.value.areasForImprovement, e.areaLocations) {
                if let first = areas[a.id] {
                    log.error(location, "area for improvement id \"\(a.id)\" is used twice (also set by \"\(first.area.setBy)\")")
                }
                areas[a.id] = (a, e.value.start)
            }
        }
        for e in events {
            for id in e.value.covers {
                guard let set = areas[id] else {
                    log.error(e.coversLocation ?? e.location, "event \"\(e.value.id)\" covers \"\(id)\", which no inspection set as an area for improvement\(Suggestion.hint(for: id, in: Array(areas.keys).sorted()))")
                    continue
                }
                if !(set.start < e.value.start) {
                    log.error(e.coversLocation ?? e.location, "event \"\(e.value.id)\" covers \"\(id)\", set by \"\(set.area.setBy)\" (\(set.start.display)), after this visit")
                }
            }
            var seen: Set<String> = []
            for (f, location) in zip(e.value.findings, e.findingLocations) {
                if !seen.insert(f.areaID).inserted {
                    log.error(location, "event \"\(e.value.id)\" records area \"\(f.areaID)\" twice")
                }
                guard let set = areas[f.areaID] else {
                    log.error(location, "no inspection set an area for improvement \"\(f.areaID)\"\(Suggestion.hint(for: f.areaID, in: Array(areas.keys).sorted())); a visit can only report on areas an inspection set")
                    continue
                }
                if !(set.start < e.value.start) {
                    log.error(location, "area \"\(f.areaID)\" was set by \"\(set.area.setBy)\" (\(set.start.display)), after this visit (\(e.value.start.display))")
                }
            }
        }
    }
}
