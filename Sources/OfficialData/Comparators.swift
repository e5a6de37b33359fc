import Foundation
import Judgements

/// One indicator for one authority in its latest period, beside England, its region and the
/// average of its statistical neighbours (with how many neighbours had a value, and why the
/// others have none).
public struct IndicatorComparison: Sendable, Hashable {
    public var indicator: IndicatorDefinition
    public var period: String
    public var authority: IndicatorValue
    public var england: IndicatorValue?
    public var region: IndicatorValue?
    public var neighbourAverage: Double?
    public var neighboursWithValue: Int
    public var neighbourCount: Int
    /// The neighbours without a figure for the period, each with the reason.
    public var missingNeighbours: [Missing]
    /// The neighbours whose published figure is 0: counted in the average, as DfE gives them
    /// (a code such as "c" is missing, never 0), and named so a reader can judge the mean.
    public var zeroNeighbours: [AuthorityEntry] = []
    /// Set when the authority's figure is a share of 0 out of many: shown, never compared.
    public var noneRecorded: NoneRecorded?

    /// The authority's figure as it may be compared with other places: nil when missing or "none recorded".
    public var comparable: Double? { noneRecorded == nil ? authority.number : nil }

    public struct Missing: Sendable, Hashable {
        public var name: String
        public var reason: String
    }

    /// "2 without a figure: Cumberland (no figure published for 2019), Rutland (suppressed…)".
    public var missingText: String? {
        missingNeighbours.isEmpty ? nil : missingNeighbours.map { "\($0.name) (\($0.reason))" }.joined(separator: ", ")
    }
}

/// How one figure compares with another, in words and a symbol (never colour alone), judged by
/// the indicator's better direction. Within 5% of the other figure counts as similar, and so does
/// a difference no bigger than the figures' rounding (`step`): 1.2% is not "above" 1.1%.
public struct Comparison: Sendable, Hashable {
    public enum Direction: String, Sendable { case higher, lower, similar }
    public var direction: Direction
    public var better: IndicatorDefinition.Better

    public static let similarShare = 0.05

    public init?(_ a: Double?, _ b: Double?, better: IndicatorDefinition.Better, step: Double = 0) {
        guard let a, let b else { return nil }
        self.better = better
        if abs(a - b) <= max(abs(b) * Self.similarShare, step + 1e-9) { direction = .similar } else { direction = a > b ? .higher : .lower }
    }

    /// Compared as `indicator`'s figures: its better direction and its rounding.
    public init?(_ a: Double?, _ b: Double?, _ indicator: IndicatorDefinition) {
        self.init(a, b, better: indicator.better, step: indicator.step)
    }

    public var symbol: String {
        switch direction { case .higher: return "\u{25B2}"; case .lower: return "\u{25BC}"; case .similar: return "\u{2248}" }
    }

    /// "worse", "better" or nil when neither direction is better or the figures are similar.
    public var judgement: String? {
        guard direction != .similar, better != .neither else { return nil }
        return (direction.rawValue == better.rawValue) ? "better" : "worse"
    }

    /// "▲ higher (worse)", "▼ lower", "≈ similar".
    public var words: String { "\(symbol) \(direction.rawValue)" + (judgement.map { " (\($0))" } ?? "") }
}

extension OfficialDataStore {
    /// Every figure of `indicator` for England or a region (by ONS `code`), oldest first.
    public func series(_ indicator: String, code: String) -> [(period: String, value: IndicatorValue)] {
        (index[Self.key(indicator, code)] ?? []).sorted { $0.period < $1.period }.map { ($0.period, $0.value) }
    }

    /// Every figure of `indicator` for an authority, by its DfE code (across any change of ONS code).
    public func series(_ indicator: String, of entry: AuthorityEntry) -> [(period: String, value: IndicatorValue)] {
        (index[Self.key(indicator, dfe: entry.dfeCode)] ?? []).sorted { $0.period < $1.period }.map { ($0.period, $0.value) }
    }

    /// England's code in the indicator data.
    public var englandCode: String? { placeCodes["National"] }

    /// A region's code in the indicator data, by its name.
    public func regionCode(_ name: String) -> String? { placeCodes["Regional|" + name] }

    /// The store with each computed rate added (`rate_of` per 10,000 of `per_10000_of`, to one
    /// decimal place, for every place and period with both). A missing numerator keeps its
    /// reason; a missing denominator makes the rate "not available".
    public consuming func withDerived(_ indicators: [IndicatorDefinition]) -> OfficialDataStore {
        let rates = indicators.filter(\.isDerived)
        let numerators = Set(rates.compactMap(\.numerator))
        // Each numerator's figures in the file's order; each denominator is found in the index,
        // by place, not by grouping every figure of every indicator again.
        var figures: [String: [Observation]] = [:]
        for o in observations where numerators.contains(o.indicator) { figures[o.indicator, default: []].append(o) }
        var added: [Observation] = []
        for d in rates {
            for o in figures[d.numerator!] ?? [] {
                let series = index[SeriesKey(indicator: d.denominator!, place: Self.key(o).place)]
                guard let den = series?.first(where: { $0.period == o.period })?.value else { continue }
                var r = o
                r.indicator = d.id
                switch (o.value, den) {
                case let (.value(n), .value(p)) where p > 0: r.value = .value((n / p * d.per * 10).rounded() / 10)
                case (.missing, _): break
                default: r.value = .missing(.notAvailable)
                }
                added.append(r)
            }
        }
        if added.isEmpty { return self }
        // Only the derived indicators' series change: the rest of the index is kept as it is.
        let derived = Set(rates.map(\.id))
        // The outcome rows' and places' lookups do not change either, so they are not made again.
        // Changed in place, and `consuming`, so a store made for the purpose is not copied: filtering
        // made a new index and a new list of every figure, a fifth of the official data's load.
        var store = self
        for key in store.index.keys.filter({ derived.contains($0.indicator) }) { store.index[key] = nil }
        for o in added { store.index[Self.key(o), default: []].append(o) }
        store.observations.removeAll { derived.contains($0.indicator) }
        store.observations += added
        return store
    }

    /// The comparison table for one authority: its latest period of each indicator that may be
    /// compared across places (rates and percentages; counts only in its own trend).
    public func comparisons(for entry: AuthorityEntry, indicators: [IndicatorDefinition]) -> [IndicatorComparison] {
        let neighbourEntries = neighbours(of: entry)
        return indicators.filter { !$0.isCount }.compactMap { ind in
            let mine = index[Self.key(ind.id, dfe: entry.dfeCode)] ?? []
            guard let latest = mine.max(by: { $0.period < $1.period }) else { return nil as IndicatorComparison? }
            var values: [Double] = [], missing: [IndicatorComparison.Missing] = [], zeros: [AuthorityEntry] = []
            for n in neighbourEntries {
                switch value(ind.id, of: n, period: latest.period) {
                case let .value(v)?: values.append(v); if v == 0 { zeros.append(n) }
                case let .missing(r)?: missing.append(.init(name: n.name, reason: r.meaning))
                case nil: missing.append(.init(name: n.name, reason: "no figure published for \(latest.period)"))
                }
            }
            var c = IndicatorComparison(indicator: ind, period: latest.period, authority: latest.value,
                                       england: englandCode.flatMap { value(ind.id, code: $0, period: latest.period) },
                                       region: regionCode(entry.region).flatMap { value(ind.id, code: $0, period: latest.period) },
                                       neighbourAverage: values.isEmpty ? nil : values.reduce(0, +) / Double(values.count),
                                       neighboursWithValue: values.count, neighbourCount: neighbourEntries.count,
                                       missingNeighbours: missing,
                                       noneRecorded: noneRecorded(ind, of: entry, period: latest.period, indicators: indicators))
            c.zeroNeighbours = zeros
            return c
        }
    }

    /// The latest judgements of an authority (from the latest-judgement sheet).
    public func latestJudgements(for entry: AuthorityEntry) -> OutcomeRow? {
        outcomes(for: entry).filter { $0.sheet == .latest }.max { $0.date < $1.date }
    }
}

extension Comparison {
    /// The places at one end of a ranking that the packs' own rule cannot tell apart: the first
    /// (highest when `highest`, else lowest) and every other figure similar to it (within 5%, or
    /// within the figures' rounding). One name means the leader stands clear of the next; more
    /// mean "highest" belongs to none of them alone.
    public static func end<Name>(_ figures: [(name: Name, value: Double)], highest: Bool, _ indicator: IndicatorDefinition) -> [(name: Name, value: Double)] {
        let sorted = figures.sorted { highest ? $0.value > $1.value : $0.value < $1.value }
        guard let first = sorted.first else { return [] }
        return sorted.filter { Comparison($0.value, first.value, indicator)?.direction == .similar }
    }
}
