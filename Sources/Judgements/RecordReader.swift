import Diagnostics
import Foundation

/// Small readers for the value types of the record format, shared by the record, framework and
/// pack loaders. Each logs a located, plain-English error and returns nil on bad input.
enum RecordReader {
    static func date(_ m: YAMLMapping, _ key: String, _ log: DiagnosticLog, in what: String,
                     required: Bool = true) -> PartialDate? {
        guard let text = m.string(key, log, in: what, required: required) else { return nil }
        guard let d = PartialDate.parse(text) else {
            log.error(m[key]!.location, "\"\(text)\" is not a date: write 2023-12-05, or 2023-12 (or Dec 2023) when only the month is known")
            return nil
        }
        return d
    }

    /// One of a fixed set of words (an event kind, a role, a status): an unknown one is reported
    /// with the nearest known word and the full list.
    static func choice<E: CaseIterable & RawRepresentable>(_ m: YAMLMapping, _ key: String, _ log: DiagnosticLog, in what: String,
                                                           noun: String, parse: (String) -> E? = { E(rawValue: $0) }) -> E?
        where E.RawValue == String {
        guard let text = m.string(key, log, in: what) else { return nil }
        if let value = parse(text) { return value }
        let names = E.allCases.map(\.rawValue)
        log.error(m[key]!.location, "unknown \(noun) \"\(text)\"\(Suggestion.hint(for: text, in: names)); use one of: \(names.joined(separator: ", "))")
        return nil
    }

    static func area(_ text: String, at location: SourceLocation, _ log: DiagnosticLog) -> JudgementArea? {
        if let a = JudgementArea(rawValue: text) { return a }
        let names = JudgementArea.allCases.map(\.rawValue)
        log.error(location, "unknown judgement area \"\(text)\"\(Suggestion.hint(for: text, in: names)); known areas: \(names.joined(separator: ", "))")
        return nil
    }

    static func grade(_ value: YAMLValue, _ log: DiagnosticLog) -> Grade? {
        guard let text = value.scalar else {
            log.error(value.location, "a grade should be text, found \(value.kindName)")
            return nil
        }
        if let g = Grade.parse(text) { return g }
        log.error(value.location, "unknown grade \"\(text)\"\(Suggestion.hint(for: text, in: Grade.wordings + ["Requires improvement"]))")
        return nil
    }

    /// A full source entry: id, publisher, title, date, and optionally url and licence.
    static func source(_ item: YAMLValue, _ log: DiagnosticLog) -> Source? {
        guard let m = item.requireMapping(log, as: "a source") else { return nil }
        m.checkKeys(["id", "publisher", "title", "date", "url", "licence", "inferred", "note", "copy_held"], log, in: "a source")
        guard let id = m.string("id", log, in: "a source") else { return nil }
        let what = "source \"\(id)\""
        guard let publisher = m.string("publisher", log, in: what),
              let title = m.string("title", log, in: what),
              let date = date(m, "date", log, in: what) else { return nil }
        let inferred = m.bool("inferred", log, in: what) ?? false
        let note = m.string("note", log, in: what, required: false)
        if inferred && note == nil { log.error(m.location, "\(what) is marked inferred but has no note saying how") }
        let url = m.string("url", log, in: what, required: false)
        for (key, text) in [("publisher", publisher), ("title", title), ("url", url ?? "")] {
            if let hit = internalReference(text) {
                log.error(m[key]!.location, "\(what) names \(hit) as its \(key); cite the real publication (publisher, title and date), or mark it copy_held: false when no copy is kept")
            }
        }
        return Source(id: id, publisher: publisher, title: title, date: date, url: url,
                      licence: m.string("licence", log, in: what, required: false),
                      inferred: inferred, note: note, copyHeld: m.bool("copy_held", log, in: what) ?? true)
    }

    /// The project, its issues or its own files named where a publication should be: these are
    /// never a source a reader could look up.
    static func internalReference(_ text: String) -> String? {
        let t = text.lowercased()
        let whole = NSRange(t.startIndex..., in: t)
        for pattern in internalPatterns {
            if let m = pattern.firstMatch(in: t, range: whole), let r = Range(m.range, in: t) { return "\u{201C}\(t[r])\u{201D}" }
        }
        return nil
    }

    /// Compiled once: compiling seven patterns for every source of every record read was 0.5 %
    /// of the 153-pack batch (each pack reads its neighbours' records too).
    static let internalPatterns: [NSRegularExpression] = [
        #"briefing project"#, #"\bissue \d+"#, #"shared/(data|notes)"#, #"sources\.md"#, #"\breports/"#,
        #"\.(ya?ml|md|swift)\b"#, #"\bproject'?s brief"#,
    ].map { try! NSRegularExpression(pattern: $0) }

    /// `source: id` or `sources: [id, …]`; either form, each item optionally `{id:, locator:}`.
    static func citations(_ m: YAMLMapping, _ log: DiagnosticLog, in what: String) -> [Citation] {
        var out: [Citation] = []
        if let single = m["source"] {
            out += citation(single, log)
        }
        for item in m.list("sources", log, in: what) {
            out += citation(item, log)
        }
        return out
    }

    private static func citation(_ v: YAMLValue, _ log: DiagnosticLog) -> [Citation] {
        if let s = v.scalar { return [Citation(sourceID: s, locator: nil)] }
        if let m = v.mapping {
            m.checkKeys(["id", "locator"], log, in: "a source reference")
            if let id = m.string("id", log, in: "a source reference") {
                return [Citation(sourceID: id, locator: m.string("locator", log, in: "a source reference", required: false))]
            }
            return []
        }
        log.error(v.location, "a source reference should be a source id, found \(v.kindName)")
        return []
    }
}

extension Source {
    /// Reads a full source entry (id, publisher, title, date, url, licence, inferred, note), for
    /// other data files that cite sources the same way the record does.
    public static func read(_ item: YAMLValue, _ log: DiagnosticLog) -> Source? {
        RecordReader.source(item, log)
    }
}
