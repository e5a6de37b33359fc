import Diagnostics

/// Reads `leadership:` tenures and `quotes:`.
struct PeopleReader {
    let log: DiagnosticLog
    let citations: CitationCheck

    func tenures(_ items: [YAMLValue]) -> [Tenure] {
        var out: [Tenure] = []
        for item in items {
            guard let m = item.requireMapping(log, as: "a leadership entry") else { continue }
            m.checkKeys(["role", "person", "title", "interim", "start", "start_inferred", "end", "end_inferred",
                         "known_from", "known_until", "note",
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
            let note = m.string("note", log, in: what, required: false)
            if (startInferred || endInferred) && note == nil {
                log.error(m.location, "\(what) has an inferred date but no note saying how it was inferred")
            }
            let cites = citations.check(m, for: what)
            citations.notAfterSources(start ?? knownFrom ?? end, cites, at: m.location, what: what)
            guard let person, let role else { continue }
            out.append(Tenure(role: role, person: person, title: m.string("title", log, in: what, required: false),
                              interim: m.bool("interim", log, in: what) ?? false,
                              start: start, startInferred: startInferred, end: end, endInferred: endInferred,
                              knownFrom: knownFrom, knownUntil: knownUntil, note: note, sources: cites))
        }
        return out
    }

    func quotes(_ items: [YAMLValue], eventIDs: Set<String>) -> [Quote] {
        var out: [Quote] = []
        for item in items {
            guard let m = item.requireMapping(log, as: "a quote") else { continue }
            m.checkKeys(["text", "speaker", "role", "date", "date_inferred", "event", "note", "source", "sources"], log, in: "a quote")
            let speaker = m.string("speaker", log, in: "a quote")
            let what = "the quote from \(speaker ?? "?")"
            let text = m.string("text", log, in: what)
            let role = m.string("role", log, in: what)
            let date = RecordReader.date(m, "date", log, in: what)
            let event = m.string("event", log, in: what, required: false)
            if let event, !eventIDs.contains(event) {
                log.error(m["event"]!.location, "\(what) refers to event \"\(event)\", which is not in the record\(Suggestion.hint(for: event, in: eventIDs.sorted()))")
            }
            let dateInferred = m.bool("date_inferred", log, in: what) ?? false
            if dateInferred && m.string("note", log, in: what, required: false) == nil {
                log.error(m.location, "\(what) has an inferred date but no note saying how it was inferred")
            }
            let cites = citations.check(m, for: what)
            citations.notAfterSources(date, cites, at: m.location, what: what)
            guard let speaker, let text, let role, let date else { continue }
            out.append(Quote(text: text, speaker: speaker, role: role, date: date, dateInferred: dateInferred,
                             event: event, sources: cites))
        }
        return out
    }
}
