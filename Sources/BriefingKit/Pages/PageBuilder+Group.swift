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

    @_optimize(none) mutating func groupGrid(_ page: PageSpec) throws -> [Block] {
        let (official, group) = try groupEntries(page)
        let known = group.map { ($0, official.judgements.latest($0)) }
        let shown = known.compactMap(\.1)
        // The authorities are a set chosen by the reader, not DfE statistical neighbours: the neighbour model is no source here.
        let sources = official.sources(of: shown, neighbours: false)
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
                                           sourceLine: "Source: " + sources.map(\.citation).joined(separator: "; ") + ".",
                                           jointUntil: record.eras.jointCareJudgementEnded?.longDisplay, asSet: true)
        m.id = "group-grid"
        m.subtitle = "Newest known ILACS judgements \u{00B7} the \(group.count) authorities in the order given \u{00B7} \(provenance)"
        return matrix("The group\u{2019}s judgements", m, asAt: asAt)
    }

    @_optimize(none) mutating func groupIndicators(_ page: PageSpec) throws -> [Block] {
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
            // Every figure at its indicator's published precision ("145", as DfE publishes the rate).
            func cell(_ v: IndicatorValue?, _ d: IndicatorDefinition) -> String {
                v.map { OfficialContext.format($0, d) } ?? "not published"
            }
            // An authority's figure resting on few children or social workers, or a share of none
            // recorded out of many, is marked, and never ranked.
            func few(_ e: AuthorityEntry, _ d: IndicatorDefinition, _ p: String) -> FewCount? {
                store.value(d.id, of: e, period: p)?.number == nil ? nil : store.few(d, of: e, period: p, indicators: official.indicators)
            }
            func none(_ e: AuthorityEntry, _ d: IndicatorDefinition, _ p: String) -> NoneRecorded? {
                store.noneRecorded(d, of: e, period: p, indicators: official.indicators)
            }
            var rows = [RowTable.Row(title: "England", detail: "for reference",
                                           values: zip(chunk, periods).map { d, p in cell(store.englandCode.flatMap { store.value(d.id, code: $0, period: p) }, d) })]
            rows += group.map { e in
                RowTable.Row(title: e.name, detail: e.region, values: zip(chunk, periods).map { d, p in
                    cell(store.value(d.id, of: e, period: p), d) + OfficialContext.mark(few: few(e, d, p), none: none(e, d, p))
                })
            }
            for e in group {
                for (d, p) in zip(chunk, periods) {
                    if let v = store.value(d.id, of: e, period: p), v.number == nil {
                        missingFigures.append("\(d.title), \(e.name), \(p): \(OfficialContext.format(v, d))")
                    }
                }
            }
            let headers = zip(chunk, periods).map { d, p in "\(d.title) (\(p))" }
            let first = chunk[0]
            let all = group.compactMap { e in store.value(first.id, of: e, period: periods[0])?.number.map { (name: e.name, value: $0, entry: e) } }
            let ranked = all.filter { few($0.entry, first, periods[0]) == nil && none($0.entry, first, periods[0]) == nil }.map { (name: $0.name, value: $0.value) }
            let title = Self.rankingTitle(first, ranked: ranked, all: all.map(\.value))
            let id = "group-rates-\(k + 1)"
            let marked = rows.contains { $0.values.contains { $0.hasSuffix(OfficialContext.fewMark) } }
            let noneMarked = rows.contains { $0.values.contains { $0.hasSuffix(OfficialContext.noneMark) } }
            let note = "Rates per 10,000 children and percentages, so authorities of different size compare fairly; latest period of each indicator. Suppressed or unpublished figures are shown with their reason, never as zero. " +
                "The title names the highest and lowest only where one stands clear of the next by more than 5% and the figures\u{2019} rounding; otherwise it names those too close to separate." +
                (marked ? " " + OfficialContext.fewKey.replacingOccurrences(of: " (how many is given under the indicator)", with: "") : "") +
                (noneMarked ? " " + OfficialContext.noneKey : "") + (marked || noneMarked ? " A figure marked so is not ranked in the title." : "")
            let table = RowTable(id: id, title: title, subtitle: "Key indicators side by side \u{00B7} \(group.count) authorities" + asAt,
                                 headers: headers, leftAligned: [], firstColumn: "Authority", secondColumn: "Region", subject: "the group",
                                 rows: rows, sourceLine: sourceLine, note: note)
            let laidOut = table.layout(in: context)
            figures.append(laidOut.whole)
            blocks += laidOut.pieces.map { Block.figure($0) }
        }
        return blocks
    }

    /// "Child protection plans per 10,000 children: Liverpool, Knowsley and Sefton highest, too
    /// close to separate (within 5%), at 73.2, 72.4 and 71.6; Cornwall lowest at 32.2". Only
    /// `ranked` figures (none resting on few, none "none recorded") are named; when one left out
    /// of `all` lies beyond a named end, the title says the end is of the figures ranked.
    @_optimize(none) static func rankingTitle(_ d: IndicatorDefinition, ranked: [(name: String, value: Double)], all: [Double]) -> String {
        let f = { (x: Double) in OfficialContext.format(x, d) }
        guard let top = ranked.map(\.value).max(), let bottom = ranked.map(\.value).min() else { return "\(d.title): no figures in the group can be ranked" }
        if ranked.count == 1 { return "\(d.title): only \(ranked[0].name)\u{2019}s figure, \(f(top)), can be ranked" }
        let high = Comparison.end(ranked, highest: true, d), low = Comparison.end(ranked, highest: false, d)
        // An end that reaches the other (or everyone) has no highest or lowest to name.
        if high.count == ranked.count || low.count == ranked.count || high.contains(where: { h in low.contains { $0.name == h.name } }) {
            return "\(d.title): the \(ranked.count) ranked figures run from \(f(bottom)) to \(f(top)), too close together to name a highest or lowest"
        }
        func end(_ names: [(name: String, value: Double)], _ word: String, beyond: Bool) -> String {
            let of = beyond ? " of the figures ranked" : ""
            if names.count == 1 { return "\(names[0].name) \(word)\(of) at \(f(names[0].value))" }
            return "\(PackDefinition.list(names.map(\.name))) \(word)\(of), too close to separate (within 5%), at \(PackDefinition.list(names.map { f($0.value) }))"
        }
        return "\(d.title): " + end(high, "highest", beyond: all.contains { $0 > top }) + "; " + end(low, "lowest", beyond: all.contains { $0 < bottom })
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
    /// "A, B and C"; "children in care and care leavers, and impact of leaders" where an item has
    /// an "and" of its own, so the list's last "and" is told from the item's.
    static func list(_ names: [String]) -> String {
        guard names.count >= 2 else { return names.joined() }
        let and = names.contains { $0.contains(" and ") } ? ", and " : " and "
        return names.dropLast().joined(separator: ", ") + and + names.last!
    }
}
