import Diagnostics

/// Reads `leadership:` tenures and `quotes:`.
struct PeopleReader {
    let log: DiagnosticLog
    let citations: CitationCheck
    /// The official indicators' ids, when known, for a quote's `indicator:`.
    var indicators: [String]? = nil

    func tenures(_ items: [YAMLValue]) -> [Tenure] {
        var out: [Tenure] = []
        for item in items {
            guard let m = item.requireMapping(log, as: "a leadership entry") else { continue }
            m.checkKeys(["role", "person", "title", "interim", "start", "start_inferred", "end", "end_inferred",
                         "known_from", "known_until", "start_after", "end_before", "note",
                         "source", "sources"], log, in: "a leadership entry")
            let person = m.string("person", log, in: "a leadership entry")
            let what = "the leadership entry for \(person ?? "?")"
            let role: LeadershipRole? = RecordReader.choice(m, "role", log, in: what, noun: "role")
            let start = RecordReader.date(m, "start", log, in: what, required: false)
            let end = RecordReader.date(m, "end", log, in: what, required: false)
            if let start, let end, end.latest < start.earliest {
                log.error(m["end"]!.location, "\(what) ends (\(end.display)) before it starts (\(start.display))")
            }
            let knownFrom = RecordReader.date(m, "known_from", log, in: what, required: false)
            let knownUntil = RecordReader.date(m, "known_until", log, in: what, required: false)
            if start == nil && end == nil && knownFrom == nil {
                log.error(m.location, "\(what) gives no dates: add start, end or known_from (the earliest date a source places them in post)")
            }
            let startInferred = m.bool("start_inferred", log, in: what) ?? false
            let endInferred = m.bool("end_inferred", log, in: what) ?? false
            let startAfter = bound(m, "start_after", what: what)
            let endBefore = bound(m, "end_before", what: what)
            let note = m.string("note", log, in: what, required: false)
            if (startInferred || endInferred || startAfter?.inferred == true || endBefore?.inferred == true) && note == nil {
                log.error(m.location, "\(what) has an inferred date but no note saying how it was inferred")
            }
            checkBounds(m, what: what, start: start, end: end, knownFrom: knownFrom, knownUntil: knownUntil,
                        startAfter: startAfter, endBefore: endBefore)
            var cites = citations.check(m, for: what)
            citations.notAfterSources(start ?? knownFrom ?? end, cites, at: m.location, what: what)
            // A bound's own sources are the tenure's too, so the pack lists them.
            for c in (startAfter?.sources ?? []) + (endBefore?.sources ?? []) where !cites.contains(where: { $0.sourceID == c.sourceID }) { cites.append(c) }
            guard let person, let role else { continue }
            out.append(Tenure(role: role, person: person, title: m.string("title", log, in: what, required: false),
                              interim: m.bool("interim", log, in: what) ?? false,
                              start: start, startInferred: startInferred, end: end, endInferred: endInferred,
                              knownFrom: knownFrom, knownUntil: knownUntil, startAfter: startAfter, endBefore: endBefore,
                              note: note, sources: cites))
        }
        return out
    }

    /// `start_after:` or `end_before:`, a mapping of `date`, `source` (or `sources`) and optionally
    /// `inferred`: a day a source shows the person not yet, or no longer, in post.
    func bound(_ m: YAMLMapping, _ key: String, what: String) -> DateBound? {
        guard let value = m[key] else { return nil }
        guard let b = value.mapping else {
            log.error(value.location, "\(key) of \(what) should be a date with its source (date: 2023-03-13, source: <id>), found \(value.kindName)")
            return nil
        }
        let about = "\(key) of \(what)"
        b.checkKeys(["date", "inferred", "source", "sources"], log, in: about)
        let date = RecordReader.date(b, "date", log, in: about)
        let cites = citations.check(b, for: about)
        citations.notAfterSources(date, cites, at: b.location, what: about)
        guard let date else { return nil }
        return DateBound(date: date, inferred: b.bool("inferred", log, in: about) ?? false, sources: cites)
    }

    /// A bound must leave room for every other date of the tenure: nobody starts after a day they
    /// are known in post, or leaves before one.
    func checkBounds(_ m: YAMLMapping, what: String, start: PartialDate?, end: PartialDate?, knownFrom: PartialDate?,
                     knownUntil: PartialDate?, startAfter: DateBound?, endBefore: DateBound?) {
        if let a = startAfter {
            let named = [("start", start), ("end", end), ("known_from", knownFrom), ("known_until", knownUntil)]
            for case let (key, d?) in named where d.latest <= a.date.latest {
                log.error(m["start_after"]!.location, "\(what) starts after \(a.date.display) (start_after), but its \(key) is \(d.display), not after it")
            }
        }
        if let b = endBefore {
            let named = [("start", start), ("end", end), ("known_from", knownFrom), ("known_until", knownUntil), ("start_after", startAfter?.date)]
            for case let (key, d?) in named where b.date.earliest <= d.earliest {
                log.error(m["end_before"]!.location, "\(what) ends before \(b.date.display) (end_before), but its \(key) is \(d.display), not before it")
            }
        }
    }

    func quotes(_ items: [YAMLValue], eventIDs: Set<String>) -> [Quote] {
        var out: [Quote] = []
        for item in items {
            guard let m = item.requireMapping(log, as: "a quote") else { continue }
            m.checkKeys(["text", "speaker", "role", "date", "date_inferred", "event", "indicator", "note", "source", "sources"], log, in: "a quote")
            let speaker = m.string("speaker", log, in: "a quote")
            let what = "the quote from \(speaker ?? "?")"
            let text = m.string("text", log, in: what)
            let role = m.string("role", log, in: what)
            let date = RecordReader.date(m, "date", log, in: what)
            let event = m.string("event", log, in: what, required: false)
            if let event, !eventIDs.contains(event) {
                log.error(m["event"]!.location, "\(what) refers to event \"\(event)\", which is not in the record\(Suggestion.hint(for: event, in: eventIDs.sorted()))")
            }
            // The official indicator the quote speaks to (agency-rate for "most staff are now
            // permanent"): a page that leads with that figure gives the quote beside it when it is newer.
            let indicator = m.string("indicator", log, in: what, required: false)
            if let indicator, let known = indicators, !known.contains(indicator) {
                log.error(m["indicator"]!.location, "\(what) names indicator \"\(indicator)\", which is not in the indicators file\(Suggestion.hint(for: indicator, in: known))")
            }
            let dateInferred = m.bool("date_inferred", log, in: what) ?? false
            if dateInferred && m.string("note", log, in: what, required: false) == nil {
                log.error(m.location, "\(what) has an inferred date but no note saying how it was inferred")
            }
            let cites = citations.check(m, for: what)
            citations.notAfterSources(date, cites, at: m.location, what: what)
            guard let speaker, let text, let role, let date else { continue }
            out.append(Quote(text: text, speaker: speaker, role: role, date: date, dateInferred: dateInferred,
                             event: event, indicator: indicator, sources: cites))
        }
        return out
    }
}
