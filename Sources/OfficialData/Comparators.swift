import Judgements

/// One indicator for one authority in its latest period, beside England, its region and the
/// average of its statistical neighbours (with how many neighbours had a value).
public struct IndicatorComparison: Sendable, Hashable {
    public var indicator: IndicatorDefinition
    public var period: String
    public var authority: IndicatorValue
    public var england: IndicatorValue?
    public var region: IndicatorValue?
    public var neighbourAverage: Double?
    public var neighboursWithValue: Int
    public var neighbourCount: Int
}

extension OfficialDataStore {
    /// Every figure of `indicator` for the place with ONS `code`, oldest first.
    public func series(_ indicator: String, code: String) -> [(period: String, value: IndicatorValue)] {
        (index[Self.key(indicator, code)] ?? []).sorted { $0.period < $1.period }.map { ($0.period, $0.value) }
    }

    /// England's code in the indicator data.
    public var englandCode: String? { placeCodes["National"] }

    /// A region's code in the indicator data, by its name.
    public func regionCode(_ name: String) -> String? { placeCodes["Regional|" + name] }

    /// The comparison table for one authority: its latest period of each indicator.
    public func comparisons(for entry: AuthorityEntry, indicators: [IndicatorDefinition]) -> [IndicatorComparison] {
        guard let code = entry.onsCode else { return [] }
        let neighbourCodes = neighbours(of: entry).compactMap(\.onsCode)
        return indicators.compactMap { ind in
            let mine = index[Self.key(ind.id, code)] ?? []
            guard let latest = mine.max(by: { $0.period < $1.period }) else { return nil as IndicatorComparison? }
            let values = neighbourCodes.compactMap { c in value(ind.id, code: c, period: latest.period)?.number }
            return IndicatorComparison(indicator: ind, period: latest.period, authority: latest.value,
                                       england: englandCode.flatMap { value(ind.id, code: $0, period: latest.period) },
                                       region: regionCode(entry.region).flatMap { value(ind.id, code: $0, period: latest.period) },
                                       neighbourAverage: values.isEmpty ? nil : values.reduce(0, +) / Double(values.count),
                                       neighboursWithValue: values.count, neighbourCount: neighbourCodes.count)
        }
    }

    /// The latest judgements of an authority (from the latest-judgement sheet).
    public func latestJudgements(for entry: AuthorityEntry) -> OutcomeRow? {
        outcomes(for: entry).filter { $0.sheet == .latest }.max { $0.date < $1.date }
    }
}
