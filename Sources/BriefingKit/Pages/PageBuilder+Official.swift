import Diagnostics
import Foundation
import Judgements
import OfficialData
import Rendering

/// Pages drawn from the official data: comparisons with other authorities and indicator trends.
/// Judgements are each authority's newest known ones (`JudgementIndex`), with where they come from.
extension PageBuilder {
    @_optimize(none) mutating func neighbours() throws -> [Block] {
        let (official, entry) = try requireOfficial()
        let rows = official.neighbourJudgements(entry)
        let shown = rows.compactMap(\.judgements)
        let sources = official.sources(of: shown)
        extraSources += sources
        let asAt = using(sources)
        let entries = rows.enumerated().map { i, r in
            NeighbourComparison.Entry(name: r.entry.name, isSubject: i == 0, inspected: r.judgements?.inspected,
                                      cells: r.judgements?.cells ?? [:], fromRecord: r.judgements?.fromRecord ?? false)
        }
        let m = NeighbourComparison.matrix(subject: entry.name, title: neighbourFinding(entry, rows), entries: entries,
                                           provenance: official.judgements.provenance(of: shown),
                                           sourceLine: "Source: " + sources.map(\.citation).joined(separator: "; ") + ".",
                                           jointUntil: record.eras.jointCareJudgementEnded?.longDisplay)
        return matrix(PageKind.neighbourComparison.heading!, m, asAt: asAt)
    }

    /// The grid's finding: how many neighbours are judged better overall; when the authority has
    /// no overall grade (the 2026 framework), the same for the impact of leaders, judged in every era.
    @_optimize(none) func neighbourFinding(_ entry: AuthorityEntry, _ rows: [(entry: AuthorityEntry, judgements: KnownJudgements?)]) -> String {
        let subject = rows.first?.judgements
        let others = rows.dropFirst().compactMap(\.judgements)
        let base = "\(entry.name) and its statistical neighbours"
        let dates = rows.dropFirst().compactMap { $0.judgements?.inspected }.sorted()
        let span = dates.first.map { first in " (neighbours inspected \(first.monthYear) to \(dates.last!.monthYear))" } ?? ""
        guard let subject else { return "\(base): newest known Ofsted judgements; \(entry.name) has no inspection on record" }
        if let g = subject.grade(.overallEffectiveness) {
            // Only neighbours with an overall grade can be better or worse overall.
            let graded = others.compactMap { $0.grade(.overallEffectiveness) }
            let of = graded.count == rows.count - 1 ? "its \(graded.count) neighbours" : "the \(graded.count) neighbours with an overall grade"
            let same = graded.filter { $0 == g }.count
            if g == .outstanding {
                return "\(base): \(entry.name) is judged outstanding overall (\(subject.inspected.monthYear)), " +
                    (same == 0 ? "and none of \(of) is" : "as \(same == 1 ? "is" : "are") \(same) of \(of)") + "\(span)"
            }
            // Counted, never a zero filled in: "none of 10 neighbours is judged better; 7 are also good".
            let better = graded.filter { $0 > g }.count
            let grade = g.wording.lowercased()
            let also = same == 0 ? "" : "; \(same) \(same == 1 ? "is" : "are") also \(grade)"
            // "all 10 of its neighbours are", never "10 of its 10 neighbours are".
            let count = better == 0 ? "none of \(of) is" : better == graded.count && better > 1 ? "all \(of.replacingOccurrences(of: "its \(better) ", with: "\(better) of its ")) are"
                : "\(better) of \(of) \(better == 1 ? "is" : "are")"
            return "\(base): \(count) judged better overall than \(entry.name)\u{2019}s \(grade) (\(subject.inspected.monthYear))\(also)\(span)"
        }
        let reason: String
        if case let .notJudged(r)? = subject.cells[.overallEffectiveness] { reason = r } else { reason = "not judged" }
        guard let leaders = subject.grade(.leaders) else { return "\(base): \(entry.name) has no overall grade (\(reason))" }
        let better = others.filter { ($0.grade(.leaders) ?? .inadequate) > leaders }.count
        let count = better == 0 ? "none of its \(rows.count - 1) neighbours\u{2019} leaders is" : "\(better) of \(rows.count - 1) neighbours\u{2019} leaders \(better == 1 ? "is" : "are")"
        return "\(base): \(entry.name) (\(subject.inspected.monthYear)) has no overall grade, \(reason); its leaders are judged \(leaders.wording.lowercased()), and \(count) judged better\(span)"
    }

    /// England's authorities by the overall grade of their newest known inspection: Ofsted's
    /// outcomes file as at its date, or an authority's own record where it holds a newer report.
    /// A newer report that gives no overall grade (Liverpool's of May 2026) is no place in a
    /// distribution of overall grades: it is said apart, with its date, never drawn as a bar of one.
    mutating func distribution() throws -> [Block] {
        let (official, entry) = try requireOfficial()
        let index = official.judgements
        let all = index.all
        let neighbourCodes = Set(official.store.neighbours(of: entry).map(\.dfeCode))
        var byGroup: [String: [(entry: AuthorityEntry, judgements: KnownJudgements)]] = [:]
        var apart: [(entry: AuthorityEntry, judgements: KnownJudgements)] = []
        func group(_ k: KnownJudgements) -> String {
            if let g = k.grade(.overallEffectiveness) { return g.wording }
            if case let .notJudged(r)? = k.cells[.overallEffectiveness] { return "No overall grade: \(r)" }
            return "No overall grade"
        }
        for (e, k) in all {
            guard let k else { continue }
            if k.fromRecord && k.grade(.overallEffectiveness) == nil { apart.append((e, k)) } else { byGroup[group(k), default: []].append((e, k)) }
        }
        var groups: [(label: String, grade: Grade?)] = Grade.allCases.reversed().map { ($0.wording, $0) }
        for k in byGroup.keys.sorted() where !groups.contains(where: { $0.label == k }) { groups.append((k, nil)) }
        func named(_ members: [AuthorityEntry]) -> [(name: String, isSubject: Bool)] {
            let shown = members.filter { $0.dfeCode == entry.dfeCode || neighbourCodes.contains($0.dfeCode) }
            let ordered = shown.filter { $0.dfeCode == entry.dfeCode } + shown.filter { $0.dfeCode != entry.dfeCode }.sorted { $0.name < $1.name }
            return ordered.map { (name: $0.name, isSubject: $0.dfeCode == entry.dfeCode) }
        }
        let bars = groups.map { g in
            NationalDistribution.Bar(label: g.label, grade: g.grade, count: byGroup[g.label]?.count ?? 0, names: named((byGroup[g.label] ?? []).map(\.entry)))
        }
        let shown = all.compactMap(\.judgements)
        let total = byGroup.values.map(\.count).reduce(0, +)
        let sources = official.sources(of: shown.filter(\.fromRecord))
        extraSources += sources
        let asAt = using(sources)
        let fileAsAt = index.asAtPhrase(index.outcomesSource)
        // "May 2026; Ofsted's report of 7 July 2026": a judgement with both its dates.
        func dated(_ k: KnownJudgements) -> String {
            "\(k.inspected.monthYear); \(k.source.publisher)\u{2019}s report of \(k.source.date.longDisplay)"
        }
        func reason(_ k: KnownJudgements) -> String? {
            if case let .notJudged(r)? = k.cells[.overallEffectiveness] { return r }
            return nil
        }
        func noGrade(_ k: KnownJudgements) -> String { "no overall grade" + (reason(k).map { " (\($0))" } ?? "") }
        // Of how many, and as at when: every grade's date is said, the file's and any newer report's.
        let of = apart.isEmpty ? "England\u{2019}s \(total) authorities" : "the \(total) authorities placed here (of England\u{2019}s \(total + apart.count))"
        let newer = shown.filter(\.fromRecord).map { "\($0.name), \($0.source.date.longDisplay)" }
        let when = newer.isEmpty ? " (grades \(fileAsAt))" : " (grades \(fileAsAt), or from a newer report held: \(newer.joined(separator: "; ")))"
        let mine = index.latest(entry)
        let n = mine.map(group).flatMap { byGroup[$0]?.count } ?? 0
        let title: String, finding: String
        switch mine {
        case let k? where k.fromRecord && k.grade(.overallEffectiveness) == nil:
            title = "\(entry.name)\u{2019}s newest inspection (\(dated(k))) gave \(noGrade(k)), so it is not placed among the other \(total) authorities\u{2019} overall grades, which are \(fileAsAt)"
            finding = "\(entry.name) is not counted in the bars."
        case let k? where k.grade(.overallEffectiveness) != nil:
            let g = k.grade(.overallEffectiveness)!.wording.lowercased()
            title = "\(entry.name) (\(g), \(k.fromRecord ? dated(k) : k.inspected.monthYear)) is one of \(n) of \(of) whose newest known overall grade is \(g)\(when)"
            finding = "\(entry.name) is \(g) (\(k.inspected.monthYear))."
        case let k?:
            title = "\(entry.name) (\(k.inspected.monthYear)) is one of \(n) of \(of) with \(noGrade(k))\(when)"
            finding = "\(entry.name) has \(noGrade(k)) (\(k.inspected.monthYear))."
        default:
            title = "Newest overall effectiveness judgements across \(of)\(when)"
            finding = "\(entry.name) has no inspection on record."
        }
        // Those kept out of the bars, named where the reader looks for them: under the bars.
        let kept = named(apart.map(\.entry)).compactMap { n in apart.first { $0.entry.name == n.name }.map { (n, $0.judgements) } }
            .map { n, k in "\(n.isSubject ? "\u{25B6} " : "")\(n.name), \(k.inspected.monthYear) inspection (\(k.source.publisher)\u{2019}s report of \(k.source.date.longDisplay)\(reason(k).map { "; \($0)" } ?? ""))" }
        let outside = kept.isEmpty ? "" : "Not in the bars, as \(kept.count == 1 ? "its" : "their") newest report gives no overall grade: " + kept.joined(separator: "; ") + "."
        let provenance = index.provenance(of: shown) + (apart.isEmpty ? "" : " (not in the bars)") + asAt
        let sourceLine = "Source: " + sources.map(\.citation).joined(separator: "; ") + "."
        return chart(PageKind.nationalDistribution.heading!,
                     NationalDistribution(subject: entry.name, title: title, bars: bars, total: total, provenance: provenance,
                                          outside: outside, altFinding: finding, sourceLine: sourceLine))
    }

    mutating func indicatorTable() throws -> [Block] {
        let (official, entry) = try requireOfficial()
        // Anything newer the record holds on an indicator (an inspection report's words) is said
        // under the table, and its source dates the table like any other.
        let findings = official.store.findings(for: entry, indicators: official.indicators)
        let sources = official.indicatorSources + [official.neighbourSource] + self.sources(citedBy: findings.flatMap(newerQuotes).flatMap(\.sources))
        extraSources += sources
        let asAt = using(sources)
        let newer = newerNote(findings)
        let table = official.indicatorTable(entry, asAt: asAt)
        // The table shows a suppressed figure with its reason; the sources page lists it too.
        for c in official.store.comparisons(for: entry, indicators: official.indicators) where c.authority.number == nil {
            missingFigures.append("\(c.indicator.title), \(entry.name), \(c.period): \(OfficialContext.format(c.authority, unit: c.indicator.unit))")
        }
        // Said once, after the table, not in the key every page of it repeats.
        let after = [official.zerosNote(entry), official.breaksNote(entry), newer].compactMap { $0 }.map { Block.note($0) }
        return chart(PageKind.indicatorTable.heading!, table, after: after)
    }
}
