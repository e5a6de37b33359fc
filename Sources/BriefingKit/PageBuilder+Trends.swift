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
        let used = official.indicatorSources + [official.neighbourSource]
        extraSources += used
        let asAt = using(used)
        let ids = page.list("indicators") ?? Self.defaultTrendIndicators
        let defs = ids.compactMap { id in official.indicators.first { $0.id == id } }
        let unknown = ids.filter { id in !official.indicators.contains { $0.id == id } }
        if !unknown.isEmpty {
            throw InputError(SourceLocation(file: pack.definitionPath), "unknown indicator \(unknown.map { "\"\($0)\"" }.joined(separator: ", ")); known: \(official.indicators.map(\.id).joined(separator: ", "))")
        }
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
            return IndicatorTrends.Panel(id: d.id, title: noData == nil ? IndicatorHeadline.title(d, place: name, mine: mine, england: d.isCount ? nil : england) : d.title,
                                         name: d.title, detail: "\(d.title) \u{00B7} \(d.unit), \(d.period)\(better)\(d.isCount ? " \u{00B7} \(name) only" : "")",
                                         unit: d.id, series: (
                [.init(name: name, role: "authority", points: mine.map { (date($0.period), $0.value.number) })] + others
            ).filter { !$0.points.isEmpty }, noData: noData)
        }
        // Only inspections within the time the panels show: the key must not promise a rule the
        // axis cannot hold.
        let lastShown = panels.flatMap { $0.series.flatMap { $0.points.map(\.date) } }.max()
        let inspections = record.gradedInspections.map { (label: $0.start.monthYear, date: $0.start.earliest) }
            .filter { i in lastShown.map { i.date <= $0 } ?? false }
        let sourceLine = "Source: " + official.indicatorSources.map(\.citation).joined(separator: "; ") + "; DfE statistical neighbour model 2025."
        return chart(PageKind.indicatorTrends.heading!, IndicatorTrends.figure(authority: name, panels: panels, inspections: inspections, sourceLine: sourceLine,
                                                                format: format, asAt: asAt, style: style, text: engine, width: width),
                     pieces: IndicatorTrends.pieces(authority: name, panels: panels, inspections: inspections, sourceLine: sourceLine,
                                                    format: format, asAt: asAt, style: style, text: engine, width: width, maxHeight: maxHeight))
    }
}

/// The finding an indicator's series shows, in words, computed from the figures: the latest
/// value, where it stands in the series shown (the highest or lowest, or up or down on the year
/// before) and, for rates and percentages, how it compares with England.
enum IndicatorHeadline {
    static let numbers = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                          "eleven", "twelve", "thirteen", "fourteen", "fifteen"]
    static func words(_ n: Int) -> String { n < numbers.count ? numbers[n] : String(n) }

    /// "Re-referrals within 12 months at 30.5% in 2025, the highest in nine years and above England's 22.6%".
    static func title(_ d: IndicatorDefinition, place: String, mine: [(period: String, value: IndicatorValue)], england: IndicatorValue?) -> String {
        let f = { (x: Double) in OfficialContext.format(x, d) }
        guard let last = mine.last else { return d.title }
        guard let v = last.value.number else {
            let known = mine.last { $0.value.number != nil }
            return "\(d.title): \(place)\u{2019}s \(last.period) figure is \(OfficialContext.format(last.value, unit: d.unit))" +
                (known.map { "; \($0.period): \(f($0.value.number!))" } ?? "")
        }
        var parts: [String] = []
        let earlier = mine.dropLast().compactMap { p in p.value.number.map { (p.period, $0) } }
        let years = mine.compactMap { p in p.value.number.map { _ in Int(p.period.prefix(4)) ?? 0 } }
        let consecutive = years.count > 1 && years.last! - years.first! == years.count - 1
        let span = consecutive ? "in \(words(years.count)) years" : "of the \(words(years.count)) years with a figure"
        if earlier.count >= 2 && earlier.allSatisfy({ v > $0.1 }) {
            parts.append("the highest \(span)")
        } else if earlier.count >= 2 && earlier.allSatisfy({ v < $0.1 }) {
            parts.append("the lowest \(span)")
        } else if let prev = earlier.last {
            parts.append(v == prev.1 ? "unchanged from \(prev.0)" : "\(v > prev.1 ? "up" : "down") from \(f(prev.1)) in \(prev.0)")
        }
        if let e = england?.number, let c = Comparison(v, e, better: d.better) {
            let word = c.direction == .similar ? "close to" : (c.direction == .higher ? "above" : "below")
            parts.append("\(word) England\u{2019}s \(f(e))")
        }
        let tail = parts.count == 2 ? ", \(parts[0]) and \(parts[1])" : parts.first.map { ", \($0)" } ?? ""
        return "\(d.title) at \(f(v)) in \(last.period)\(tail)"
    }

    /// One sentence for a panel with nothing to draw: no figures at all, or every one missing and why.
    static func noData(_ d: IndicatorDefinition, place: String, mine: [(period: String, value: IndicatorValue)]) -> String {
        if mine.isEmpty { return "No figures for \(place) are published for this indicator, so there is nothing to draw." }
        let reasons = Array(Set(mine.compactMap { p -> String? in if case let .missing(r) = p.value { return r.meaning } else { return nil } })).sorted()
        return "No figure for \(place) can be drawn: every published figure (\(mine.first!.period)\u{2013}\(mine.last!.period)) is \(reasons.joined(separator: " or "))."
    }
}
