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
        observations.filter { $0.indicator == indicator && $0.code == code }
            .sorted { $0.period < $1.period }.map { ($0.period, $0.value) }
    }

    /// The comparison table for one authority: its latest period of each indicator.
    public func comparisons(for entry: AuthorityEntry, indicators: [IndicatorDefinition]) -> [IndicatorComparison] {
        guard let code = entry.onsCode else { return [] }
        let neighbourCodes = neighbours(of: entry).compactMap(\.onsCode)
        return indicators.compactMap { ind in
            let mine = observations.filter { $0.indicator == ind.id && $0.code == code }
            guard let latest = mine.max(by: { $0.period < $1.period }) else { return nil }
            func value(level: GeographicLevel, name: String? = nil) -> IndicatorValue? {
                observations.first { $0.indicator == ind.id && $0.period == latest.period && $0.level == level && (name == nil || $0.name == name) }?.value
            }
            let values = neighbourCodes.compactMap { c in
                observations.first { $0.indicator == ind.id && $0.period == latest.period && $0.code == c }?.value.number
            }
            return IndicatorComparison(indicator: ind, period: latest.period, authority: latest.value,
                                       england: value(level: .national), region: value(level: .regional, name: entry.region),
                                       neighbourAverage: values.isEmpty ? nil : values.reduce(0, +) / Double(values.count),
                                       neighboursWithValue: values.count, neighbourCount: neighbourCodes.count)
        }
    }

    /// The latest judgements of an authority (from the latest-judgement sheet).
    public func latestJudgements(for entry: AuthorityEntry) -> OutcomeRow? {
        outcomes(for: entry).filter { $0.sheet == .latest }.max { $0.date < $1.date }
    }
}
