import Diagnostics

/// Reads `Reports/frameworks.yaml`: the ILACS framework eras and the judgements each makes.
public enum FrameworkLoader {
    public static func load(path: String, yaml: some YAMLReading) throws(InputError) -> Frameworks {
        try read(try yaml.document(at: path))
    }

    public static func read(_ doc: YAMLDocument) throws(InputError) -> Frameworks {
        let log = DiagnosticLog()
        guard let root = doc.root.requireMapping(log, as: "the frameworks file") else { throw InputError(log.sorted) }
        root.checkKeys(["eras", "visit_themes"], log, in: "the frameworks file")
        let themes = root.strings("visit_themes", log, in: "the frameworks file").map(\.0)
        var eras: [FrameworkEra] = []
        for item in root.list("eras", log, in: "the frameworks file", required: true) {
            guard let m = item.requireMapping(log, as: "an era") else { continue }
            let what = "an era"
            m.checkKeys(["id", "title", "from", "to", "judgements", "not_judged", "inferred", "note", "sources"], log, in: what)
            let id = m.string("id", log, in: what)
            let title = m.string("title", log, in: what)
            let from = RecordReader.date(m, "from", log, in: what)
            let to = RecordReader.date(m, "to", log, in: what, required: false)
            var areas: [JudgementArea] = []
            for (text, loc) in m.strings("judgements", log, in: what) {
                if let a = RecordReader.area(text, at: loc, log) { areas.append(a) }
            }
            var notJudged: [JudgementArea: NotJudged] = [:]
            if let nj = m.map("not_judged", log, in: what, required: false) {
                for entry in nj.entries {
                    guard let area = RecordReader.area(entry.key, at: entry.keyLocation, log) else { continue }
                    guard let reason = entry.value.scalar, !reason.isEmpty else {
                        log.error(entry.value.location, "the reason \"\(entry.key)\" is not judged should be text")
                        continue
                    }
                    notJudged[area] = NotJudged(reason: reason)
                }
            }
            let sources = m.list("sources", log, in: what, required: true).compactMap { RecordReader.source($0, log) }
            if let id, let title, let from {
                let era = FrameworkEra(id: id, title: title, from: from, to: to, judgements: areas, notJudged: notJudged,
                                       inferred: m.bool("inferred", log, in: what) ?? false,
                                       note: m.string("note", log, in: what, required: false), sources: sources)
                // Every comparison row is either judged or explained: a blank would be a silent gap.
                for row in JudgementArea.rows where !areas.contains(where: { $0.row == row }) && era.notJudged[row] == nil {
                    log.error(m.location, "era \"\(id)\" neither judges \"\(row.rawValue)\" nor says why under not_judged")
                }
                eras.append(era)
            }
        }
        try log.throwIfErrors()
        return Frameworks(eras: eras.sorted { $0.from < $1.from }, visitThemes: themes)
    }
}
