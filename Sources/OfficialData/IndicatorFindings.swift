import Judgements

/// One indicator's latest figure for an authority, read as a finding: how it compares with
/// England and the neighbours in the direction that is better, and whether it is the worst in
/// the series shown. Only rates and percentages compare places; counts never do.
public struct IndicatorFinding: Sendable, Hashable {
    public var indicator: IndicatorDefinition
    public var period: String
    public var value: Double
    public var england: Double?
    public var neighbours: Double?
    /// How many published years the series shown has (at most nine), since the last break in it.
    public var years: Int
    /// The latest figure is the worst of those years, in the better direction, by more than
    /// rounding, and rests on enough children or social workers.
    public var worstInSeries: Bool
    /// Set when the latest figure rests on few children or social workers: it is then marked,
    /// and never ranked against other figures or places.
    public var few: FewCount?
    /// Relative distance on the worse side (0.35 = 35% worse); negative when better, 0 when about the same.
    public var behindEngland: Double?
    public var behindNeighbours: Double?
}

extension OfficialDataStore {
    /// Findings for every indicator with a direction that is better, for `entry`.
    public func findings(for entry: AuthorityEntry, indicators: [IndicatorDefinition]) -> [IndicatorFinding] {
        comparisons(for: entry, indicators: indicators).compactMap { c -> IndicatorFinding? in
            guard c.indicator.better != .neither, c.indicator.unit != "count", let v = c.comparable else { return nil }
            let sign = c.indicator.better == .lower ? 1.0 : -1.0
            // About the same (within 5% or the rounding) is neither behind nor ahead.
            func behind(_ other: Double?) -> Double? {
                guard let other, other != 0 else { return nil }
                return Comparison(v, other, c.indicator)?.direction == .similar ? 0 : sign * (v - other) / other
            }
            // The authority's own series, by its DfE code: its figures are indexed so (across any
            // change of ONS code), and looking them up by ONS code found none, so no figure was
            // ever the worst of its years and the question on it was never asked.
            var shown = Array(series(c.indicator.id, of: entry).suffix(9).filter { $0.value.number != nil })
            // No record is read across a break the source does not explain: only the years
            // since the last one count.
            if let cut = breaks(c.indicator, of: entry, indicators: indicators).last(where: { b in shown.contains { $0.period == b.toPeriod } }),
               let i = shown.firstIndex(where: { $0.period == cut.toPeriod }) {
                shown = Array(shown[i...])
            }
            let earlier = shown.dropLast().compactMap(\.value.number)
            let worst = earlier.allSatisfy { sign * (v - $0) > 0 && c.indicator.differs(v, $0) }
            let small = few(c.indicator, of: entry, period: c.period, indicators: indicators)
            return IndicatorFinding(indicator: c.indicator, period: c.period, value: v, england: c.england?.number,
                                    neighbours: c.neighbourAverage, years: shown.count, worstInSeries: worst && shown.count > 1 && small == nil,
                                    few: small,
                                    behindEngland: behind(c.england?.number), behindNeighbours: behind(c.neighbourAverage))
        }
    }
}
