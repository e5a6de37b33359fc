import Diagnostics
import Foundation
import Judgements
import OfficialData
import Rendering

/// The indicator trends page: one panel per indicator, its title the finding computed from the
/// data. Rates and percentages are drawn against England, the region and the neighbours' average;
/// counts only as the authority's own trend (places of different size are compared by rates).
extension PageBuilder {
    mutating func trends(_ page: PageSpec) throws -> [Block] {
        let (official, entry) = try requireOfficial()
        let ids = page.list("indicators") ?? Self.defaultTrendIndicators
        let defs = ids.compactMap { id in official.indicators.first { $0.id == id } }
        let unknown = ids.filter { id in !official.indicators.contains { $0.id == id } }
        if !unknown.isEmpty {
            throw InputError(SourceLocation(file: pack.definitionPath), "unknown indicator \(unknown.map { "\"\($0)\"" }.joined(separator: ", ")); known: \(official.indicators.map(\.id).joined(separator: ", "))")
        }
        // Each part of the chart cites what its own lines are drawn from, not every publication
        // the catalogue names: a page of workforce figures does not cite the children in need file.
        let sourcesOf = Dictionary(uniqueKeysWithValues: defs.map { ($0.id, official.sources(of: $0, neighbours: !$0.isCount)) })
        let used = official.ordered(defs.flatMap { sourcesOf[$0.id]! })
        extraSources += used
        _ = using(used)
        let store = official.store
        let regionCode = store.regionCode(entry.region)
        let neighbours = store.neighbours(of: entry)
        // Each panel is given its indicator's id as its "unit", so its numbers keep their source's precision.
        let format: (Double, String) -> String = { x, id in defs.first { $0.id == id }.map { OfficialContext.format(x, $0) } ?? OfficialContext.format(x, unit: id) }
        let panels = defs.map { d -> IndicatorTrends.Panel in
            func date(_ period: String) -> DayDate {
                let y = Int(period.prefix(4)) ?? 2000
                return d.period.contains("September") ? DayDate(year: y, month: 9, day: 30) : DayDate(year: y, month: 3, day: 31)
            }
            // The last nine published years: enough for a trend, few enough to read.
            let mine = Array(store.series(d.id, of: entry).suffix(9))
            let periods = mine.map(\.period)
            func series(_ code: String?) -> [(date: DayDate, value: Double?)] {
                guard let code else { return [] }
                let s = Dictionary(store.series(d.id, code: code).map { ($0.period, $0.value) }, uniquingKeysWith: { a, _ in a })
                return periods.map { (date($0), s[$0]?.number) }
            }
            let neighbourAverage = periods.map { p -> (date: DayDate, value: Double?) in
                let values = neighbours.compactMap { store.value(d.id, of: $0, period: p)?.number }
                return (date(p), values.isEmpty ? nil : values.reduce(0, +) / Double(values.count))
            }
            for (p, v) in mine where v.number == nil { missingFigures.append("\(d.title), \(name), \(p): \(OfficialContext.format(v, unit: d.unit))") }
            let better = d.better == .neither ? "" : " \u{00B7} \(d.better.rawValue) is better"
            let england = store.englandCode.flatMap { c in periods.last.flatMap { store.value(d.id, code: c, period: $0) } }
            // Counts for England, a region or another authority dwarf or are dwarfed by this one's:
            // a count is drawn as the authority's own trend only.
            let others: [IndicatorTrends.Series] = d.isCount ? [] : [
                .init(name: "England", role: "england", points: series(store.englandCode)),
                .init(name: entry.region, role: "region", points: series(regionCode)),
                .init(name: "Neighbours", role: "neighbours", points: neighbourAverage),
            ]
            let noData = mine.contains { $0.value.number != nil } ? nil : IndicatorHeadline.noData(d, place: name, mine: mine)
            let few = { (p: String) in store.few(d, of: entry, period: p, indicators: official.indicators) }
            // Breaks within the years shown: marked on the line, said under the chart, never read across.
            let breaks = store.breaks(d, of: entry, indicators: official.indicators).filter { periods.contains($0.fromPeriod) }
            let title = noData == nil ? IndicatorHeadline.title(d, place: name, mine: mine, england: d.isCount ? nil : england, few: few,
                                                                  none: { store.noneRecorded(d, of: entry, period: $0, indicators: official.indicators) },
                                                                  breaks: breaks) : d.title
            var panel = IndicatorTrends.Panel(id: d.id, title: title,
                                              name: d.title, detail: "\(d.title) \u{00B7} \(d.unit), \(d.period)\(better)\(d.isCount ? " \u{00B7} \(name) only" : "")",
                                              unit: d.id, series: (
                [.init(name: name, role: "authority", points: mine.map { (date($0.period), $0.value.number) })] + others
            ).filter { !$0.points.isEmpty }, noData: noData)
            panel.sources = sourcesOf[d.id]!.map(\.citation)
            panel.breaks = breaks.map { .init(from: date($0.fromPeriod), to: date($0.toPeriod), words: OfficialContext.breakWords($0, d, place: name)) }
            return panel
        }
        // Only inspections within the time the panels show: the key must not promise a rule the
        // axis cannot hold.
        let lastShown = panels.flatMap { $0.series.flatMap { $0.points.map(\.date) } }.max()
        let inspections = record.gradedInspections.map { (label: $0.start.monthYear, date: $0.start.earliest) }
            .filter { i in lastShown.map { i.date <= $0 } ?? false }
        return chart(PageKind.indicatorTrends.heading!, IndicatorTrends(authority: name, panels: panels, inspections: inspections, sources: used.map(\.citation), format: format,
                                                                         asAt: { cited in Self.published(used.filter { cited.contains($0.citation) }).map { " \u{00B7} \($0)" } ?? "" }))
    }
}
