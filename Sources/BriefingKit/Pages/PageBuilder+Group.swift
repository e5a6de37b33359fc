import Diagnostics
import Foundation
import Judgements
import OfficialData
import Rendering

/// The comparison pack for a set of authorities (`--authority A --authority B …` or
/// `--authorities FILE`): the group's newest known judgements in one grid, and the key
/// indicators side by side as rates and percentages, England first for reference.
extension PageBuilder {
    func groupEntries(_ page: PageSpec) throws -> (OfficialContext, [AuthorityEntry]) {
        guard let official else { throw InputError(SourceLocation(file: pack.definitionPath), "the comparison pack needs the official data") }
        let codes = (page.list("authorities") ?? []).compactMap(Int.init)
        return (official, codes.compactMap(official.store.entry(dfeCode:)))
    }

    mutating func groupGrid(_ page: PageSpec) throws -> [Block] {
        let (official, group) = try groupEntries(page)
        let known = group.map { ($0, official.judgements.latest($0)) }
        let shown = known.compactMap(\.1)
        let sources = official.sources(of: shown)
        extraSources += sources
        let asAt = using(sources)
        let entries = known.map { e, k in
            NeighbourComparison.Entry(name: e.name, isSubject: false, inspected: k?.inspected, cells: k?.cells ?? [:], fromRecord: k?.fromRecord ?? false)
        }
        let good = shown.filter { ($0.grade(.overallEffectiveness) ?? .inadequate) >= .good }.count
        let noOverall = shown.filter { $0.grade(.overallEffectiveness) == nil }.count
        var title = "\(good) of the \(group.count) authorities are judged good or better overall at their newest inspection"
        if noOverall > 0 { title += "; \(noOverall) \(noOverall == 1 ? "has" : "have") no overall grade" }
        if shown.count < group.count { title += "; \(group.count - shown.count) \(group.count - shown.count == 1 ? "has" : "have") no inspection on record" }
        let provenance = official.judgements.provenance(of: shown)
        var m = NeighbourComparison.matrix(subject: "the group", title: title, entries: entries, provenance: provenance,
                                           sourceLine: "Source: " + sources.map(\.citation).joined(separator: "; ") + ".")
        m.id = "group-grid"
        m.subtitle = "Newest known ILACS judgements \u{00B7} the \(group.count) authorities in the order given \u{00B7} \(provenance)"
        m.key = m.key.replacingOccurrences(of: "\u{25B6} marks the group. ", with: "")
        m.altText = m.altText.replacingOccurrences(of: "of the group and its \(group.count - 1) statistical neighbours", with: "of \(group.count) authorities")
        return matrix("The group\u{2019}s judgements", m, asAt: asAt)
    }

    mutating func groupIndicators(_ page: PageSpec) throws -> [Block] {
        let (official, group) = try groupEntries(page)
        let used = official.indicatorSources
        extraSources += used
        let asAt = using(used)
        let store = official.store
        let defs = official.indicators.filter { !$0.isCount }
        // Four indicators to a table, so the figures stay readable side by side.
        var blocks: [Block] = [.pageBreak, .heading("The group\u{2019}s key indicators", level: 1)]
        let sourceLine = "Source: " + used.map(\.citation).joined(separator: "; ") + "."
        for (k, start) in stride(from: 0, to: defs.count, by: 4).enumerated() {
            let chunk = Array(defs[start..<min(start + 4, defs.count)])
            let periods = chunk.map { d in group.compactMap { store.series(d.id, of: $0).last?.period }.max() ?? "" }
            func cell(_ v: IndicatorValue?, _ d: IndicatorDefinition) -> String {
                v.map { OfficialContext.format($0, unit: d.unit) } ?? "not published"
            }
            // An authority's figure resting on few children or social workers is marked, and never ranked.
            func few(_ e: AuthorityEntry, _ d: IndicatorDefinition, _ p: String) -> FewCount? {
                store.value(d.id, of: e, period: p)?.number == nil ? nil : store.few(d, of: e, period: p, indicators: official.indicators)
            }
            var rows = [IndicatorTable.Row(title: "England", detail: "for reference",
                                           values: zip(chunk, periods).map { d, p in cell(store.englandCode.flatMap { store.value(d.id, code: $0, period: p) }, d) })]
            rows += group.map { e in
                IndicatorTable.Row(title: e.name, detail: e.region, values: zip(chunk, periods).map { d, p in
                    cell(store.value(d.id, of: e, period: p), d) + (few(e, d, p) == nil ? "" : " \(OfficialContext.fewMark)")
                })
            }
            for e in group {
                for (d, p) in zip(chunk, periods) {
                    if let v = store.value(d.id, of: e, period: p), v.number == nil {
                        missingFigures.append("\(d.title), \(e.name), \(p): \(OfficialContext.format(v, unit: d.unit))")
                    }
                }
            }
            let headers = zip(chunk, periods).map { d, p in "\(d.title) (\(p))" }
            // The finding: who is highest on the first indicator of the table.
            let first = chunk[0]
            let ranked = group.filter { few($0, first, periods[0]) == nil }
                .compactMap { e in store.value(first.id, of: e, period: periods[0])?.number.map { (e.name, $0) } }.sorted { $0.1 > $1.1 }
            let title = ranked.first.map { "\(first.title): \($0.0) highest at \(OfficialContext.format($0.1, unit: first.unit)), \(ranked.last!.0) lowest at \(OfficialContext.format(ranked.last!.1, unit: first.unit))" }
                ?? "\(first.title): no published figures for the group"
            let id = "group-rates-\(k + 1)"
            let marked = rows.contains { $0.values.contains { $0.hasSuffix(OfficialContext.fewMark) } }
            let note = "Rates per 10,000 children and percentages, so authorities of different size compare fairly; latest period of each indicator. Suppressed or unpublished figures are shown with their reason, never as zero." +
                (marked ? " " + OfficialContext.fewKey.replacingOccurrences(of: " (how many is given under the indicator)", with: "") + " A figure marked so is not ranked in the title." : "")
            let style = self.style, engine = self.engine, width = self.width
            let make = { (part: [IndicatorTable.Row], _: Bool) in
                IndicatorTable.table(id: id, title: title, subtitle: "Key indicators side by side \u{00B7} \(group.count) authorities" + asAt,
                                     headers: headers, leftAligned: [], firstColumn: "Authority", secondColumn: "Region", subject: "the group",
                                     rows: part, sourceLine: sourceLine, note: note, style: style, text: engine, width: width)
            }
            let whole = make(rows, false)
            figures.append(whole)
            blocks += Figure.pieces(of: rows, maxHeight: maxHeight, make: make).map { Block.figure($0) }
        }
        return blocks
    }
}

extension PackDefinition {
    /// The comparison pack for a set of authorities: a front sheet naming them, the group's grid
    /// and key indicators, and the sources.
    public static func comparison(of group: [AuthorityEntry], id: String) -> PackDefinition {
        let codes = group.map { String($0.dfeCode) }
        var pack = PackDefinition(id: id, title: "\(comparisonName(group.count)): children\u{2019}s services judgements and key indicators",
                                  audience: "regional improvement alliance", marking: "OFFICIAL", recordPath: nil, style: "default", since: nil,
                                  pages: [PageSpec("cover"), PageSpec("group-grid", options: ["authorities": codes]),
                                          PageSpec("group-indicators", options: ["authorities": codes]), PageSpec("sources")],
                                  definitionPath: "--authority \(group.map(\.name).joined(separator: ", "))")
        pack.comparing = group.map(\.name)
        return pack
    }

    /// "Six authorities compared": the set named by its size, in words up to twenty.
    static func comparisonName(_ n: Int) -> String {
        let words = ["No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve", "Thirteen",
                     "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen", "Twenty"]
        return "\(n < words.count ? words[n] : String(n)) authorit\(n == 1 ? "y" : "ies") compared"
    }

    /// "A, B and C".
    static func list(_ names: [String]) -> String {
        names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
    }
}
