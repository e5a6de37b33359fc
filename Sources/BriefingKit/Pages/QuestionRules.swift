import Diagnostics
import Foundation
import YAMLFiles

/// A rule for the questions page, read from `Reports/questions.yaml`: which evidence to look for
/// (`kind`), the question's words, and the section whose page it cites. The words and limits are
/// data, so an officer can change what is asked without touching code.
struct QuestionRule: Sendable {
    enum Kind: String, CaseIterable, Sendable {
        case indicatorAtWorst = "indicator-at-worst"
        case indicatorBehindNeighbours = "indicator-behind-neighbours"
        case areaDrifted = "area-drifted"
        case findingNotFollowedUp = "finding-not-followed-up"
        case areasNotYetVisited = "areas-not-yet-visited"

        /// The placeholders each kind can fill.
        var placeholders: Set<String> {
            switch self {
            case .indicatorAtWorst: return ["indicator", "indicator_lower", "value", "period", "years", "better"]
            case .indicatorBehindNeighbours: return ["indicator", "indicator_lower", "value", "period", "neighbours", "gap", "better"]
            case .areaDrifted: return ["area", "visits"]
            case .findingNotFollowedUp: return ["area", "visit", "status"]
            case .areasNotYetVisited: return ["inspection", "count", "areas"]
            }
        }
    }

    var kind: Kind
    var ask: String
    var evidence: String
    var limit: Int
    var minYears: Int
    var minGapPercent: Int

    /// The question with its placeholders filled.
    func question(_ values: [String: String]) -> String {
        var out = ask
        for (k, v) in values { out = out.replacingOccurrences(of: "{\(k)}", with: v) }
        return out
    }

    @_optimize(none) static func load(path: String) throws(InputError) -> [QuestionRule] {
        let doc = try YAMLDocument.load(path: path)
        let log = DiagnosticLog()
        guard let root = doc.root.requireMapping(log, as: "the questions file") else { throw InputError(log.sorted) }
        root.checkKeys(["rules"], log, in: "the questions file")
        var rules: [QuestionRule] = []
        for item in root.list("rules", log, in: "the questions file", required: true) {
            guard let m = item.requireMapping(log, as: "a question rule") else { continue }
            m.checkKeys(["when", "ask", "evidence", "limit", "min_years", "min_gap_percent"], log, in: "a question rule")
            let kind: Kind? = m.string("when", log, in: "a question rule").flatMap { text in
                if let k = Kind(rawValue: text) { return k }
                log.error(m["when"]!.location, "unknown rule \"\(text)\"\(Suggestion.hint(for: text, in: Kind.allCases.map(\.rawValue))); use one of: \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
                return nil
            }
            guard let kind, let ask = m.string("ask", log, in: "a question rule"),
                  let evidence = m.string("evidence", log, in: "a question rule") else { continue }
            // Every {placeholder} must be one this kind fills, so no question prints a blank.
            var rest = Substring(ask)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                let name = String(rest[rest.index(after: open)..<close])
                if !kind.placeholders.contains(name) {
                    log.error(m["ask"]!.location, "{\(name)} is not filled by \"\(kind.rawValue)\"; it fills: \(kind.placeholders.sorted().map { "{\($0)}" }.joined(separator: ", "))")
                }
                rest = rest[rest.index(after: close)...]
            }
            rules.append(QuestionRule(kind: kind, ask: ask, evidence: evidence, limit: m.int("limit", log, in: "a question rule", required: false) ?? 1,
                                      minYears: m.int("min_years", log, in: "a question rule", required: false) ?? 5,
                                      minGapPercent: m.int("min_gap_percent", log, in: "a question rule", required: false) ?? 25))
        }
        try log.throwIfErrors()
        return rules
    }
}
