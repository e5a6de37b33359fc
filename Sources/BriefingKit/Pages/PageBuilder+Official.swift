import Diagnostics
import Foundation
import Judgements
import OfficialData
import Rendering

/// Pages drawn from the official data: comparisons with other authorities and indicator trends.
/// Judgements are each authority's newest known ones (`JudgementIndex`), with where they come from.
extension PageBuilder {
    mutating func neighbours() throws -> [Block] {
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
                                           sourceLine: "Source: " + sources.map(\.citation).joined(separator: "; ") + ".")
        return matrix(PageKind.neighbourComparison.heading!, m, asAt: asAt)
    }

    /// The grid's finding: how many neighbours are judged better overall; when the authority has
    /// no overall grade (the 2026 framework), the same for the impact of leaders, judged in every era.
    func neighbourFinding(_ entry: AuthorityEntry, _ rows: [(entry: AuthorityEntry, judgements: KnownJudgements?)]) -> String {
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
            let count = better == 0 ? "none of \(of) is" : "\(better) of \(of) \(better == 1 ? "is" : "are")"
            return "\(base): \(count) judged better overall than \(entry.name)\u{2019}s \(grade) (\(subject.inspected.monthYear))\(also)\(span)"
        }
        let reason: String
        if case let .notJudged(r)? = subject.cells[.overallEffectiveness] { reason = r } else { reason = "not judged" }
        guard let leaders = subject.grade(.leaders) else { return "\(base): \(entry.name) has no overall grade (\(reason))" }
        let better = others.filter { ($0.grade(.leaders) ?? .inadequate) > leaders }.count
        let count = better == 0 ? "none of its \(rows.count - 1) neighbours\u{2019} leaders is" : "\(better) of \(rows.count - 1) neighbours\u{2019} leaders \(better == 1 ? "is" : "are")"
        return "\(base): \(entry.name) (\(subject.inspected.monthYear)) has no overall grade, \(reason); its leaders are judged \(leaders.wording.lowercased()), and \(count) judged better\(span)"
    }

    mutating func distribution() throws -> [Block] {
        let (official, entry) = try requireOfficial()
        let index = official.judgements
        let all = index.all
        let neighbourCodes = Set(official.store.neighbours(of: entry).map(\.dfeCode))
        var byGroup: [String: [(entry: AuthorityEntry, judgements: KnownJudgements)]] = [:]
        func group(_ k: KnownJudgements) -> String {
            if let g = k.grade(.overallEffectiveness) { return g.wording }
            if case let .notJudged(r)? = k.cells[.overallEffectiveness] { return "No overall grade: \(r)" }
            return "No overall grade"
        }
        for (e, k) in all { if let k { byGroup[group(k), default: []].append((e, k)) } }
        var groups: [(label: String, grade: Grade?)] = Grade.allCases.reversed().map { ($0.wording, $0) }
        for k in byGroup.keys.sorted() where !groups.contains(where: { $0.label == k }) { groups.append((k, nil)) }
        func named(_ label: String) -> [(name: String, isSubject: Bool)] {
            let members = (byGroup[label] ?? []).map(\.entry).filter { $0.dfeCode == entry.dfeCode || neighbourCodes.contains($0.dfeCode) }
            let ordered = members.filter { $0.dfeCode == entry.dfeCode } + members.filter { $0.dfeCode != entry.dfeCode }.sorted { $0.name < $1.name }
            return ordered.map { (name: $0.name, isSubject: $0.dfeCode == entry.dfeCode) }
        }
        let bars = groups.map { g in
            NationalDistribution.Bar(label: g.label, grade: g.grade, count: byGroup[g.label]?.count ?? 0, names: named(g.label))
        }
        let shown = all.compactMap(\.judgements)
        let total = all.filter { $0.judgements != nil }.count
        let sources = official.sources(of: shown.filter(\.fromRecord))
        extraSources += sources
        let asAt = using(sources)
        let mine = index.latest(entry)
        let myGroup = mine.map(group)
        let n = myGroup.flatMap { byGroup[$0]?.count } ?? 0
        let title: String
        let finding: String
        switch (mine, myGroup) {
        case let (k?, label?) where k.grade(.overallEffectiveness) != nil:
            title = "\(entry.name) is one of \(n) of England\u{2019}s \(total) authorities whose newest known overall judgement is \(label.lowercased()) (grades \(index.asAtPhrase(index.outcomesSource)) unless an authority\u{2019}s own record is newer)"
            finding = "\(entry.name) is \(label.lowercased()) (\(k.inspected.monthYear))."
        case let (k?, label?):
            let asAt = index.asAtPhrase(index.outcomesSource)
            title = n == 1 ? "\(entry.name) (\(k.inspected.monthYear)) has no overall grade under the newer framework; the other \(total - 1) authorities are shown by their grades \(asAt)"
                : "\(entry.name) is one of \(n) of England\u{2019}s \(total) authorities known to have no overall grade under the newer framework; the rest are shown by their grades \(asAt)"
            finding = "\(entry.name) has no overall grade (\(label.lowercased()), \(k.inspected.monthYear))."
        default:
            title = "Newest overall effectiveness judgements across England\u{2019}s \(total) authorities"
            finding = "\(entry.name) has no inspection on record."
        }
        let provenance = index.provenance(of: shown) + asAt
        let sourceLine = "Source: " + sources.map(\.citation).joined(separator: "; ") + "."
        return chart(PageKind.nationalDistribution.heading!,
                     NationalDistribution.figure(subject: entry.name, title: title, bars: bars, total: total, provenance: provenance,
                                                 altFinding: finding, sourceLine: sourceLine, style: style, text: engine, width: width),
                     pieces: NationalDistribution.pieces(subject: entry.name, title: title, bars: bars, total: total, provenance: provenance,
                                                         altFinding: finding, sourceLine: sourceLine, style: style, text: engine, width: width,
                                                         maxHeight: maxHeight))
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
        let (whole, pieces) = official.indicatorFigures(entry, asAt: asAt, style: style, engine: engine, width: width, maxHeight: maxHeight)
        // The table shows a suppressed figure with its reason; the sources page lists it too.
        for c in official.store.comparisons(for: entry, indicators: official.indicators) where c.authority.number == nil {
            missingFigures.append("\(c.indicator.title), \(entry.name), \(c.period): \(OfficialContext.format(c.authority, unit: c.indicator.unit))")
        }
        // Said once, after the table, not in the key every page of it repeats.
        let after = [official.breaksNote(entry), newer].compactMap { $0 }.map { Block.note($0) }
        return chart(PageKind.indicatorTable.heading!, whole, pieces: pieces) + after
    }
}
