import Foundation
import Judgements

/// A change in an authority's published series, from one year to the next, of more than half the
/// earlier figure either way (Liverpool's referrals: 4,158 in 2023, 8,050 in 2024; its average
/// caseload: 20.3 in 2024, 10.1 in 2025). Practice rarely moves that far in a year; counting or
/// recording often does. The source gives no reason, so none is given here: the pages mark the
/// break, and no record or trend is read across it.
public struct SeriesBreak: Sendable, Hashable {
    public var fromPeriod: String
    public var toPeriod: String
    public var from: Double
    public var to: Double

    /// A change of more than this share of the earlier figure, in one year, is a break.
    public static let share = 0.5

    /// How a break is said beside the figures either side of it: this pack's flag, not the
    /// source's, and no rise or fall is read across it (a councillor took "a break in the
    /// series" for a DfE warning, and "up from" for a rise).
    public static let words = "a change of more than half in one year, which the source does not explain: this pack reads no rise or fall across it"
}

extension OfficialDataStore {
    /// The breaks in `d`'s series for `entry`, oldest first: consecutive years, both figures
    /// published, apart by more than half the earlier one and by more than the figures' rounding.
    /// A figure resting on few children or social workers, or a share of none recorded, is left
    /// to its own warning: a swing there is chance or recording, and already said.
    public func breaks(_ d: IndicatorDefinition, of entry: AuthorityEntry, indicators: [IndicatorDefinition]) -> [SeriesBreak] {
        let s = series(d.id, of: entry)
        func plain(_ period: String) -> Bool {
            few(d, of: entry, period: period, indicators: indicators) == nil && noneRecorded(d, of: entry, period: period, indicators: indicators) == nil
        }
        return zip(s, s.dropFirst()).compactMap { a, b in
            guard let ya = Int(a.period.prefix(4)), let yb = Int(b.period.prefix(4)), yb == ya + 1,
                  let x = a.value.number, let y = b.value.number, x > 0,
                  abs(y - x) > x * SeriesBreak.share, d.differs(x, y), plain(a.period), plain(b.period) else { return nil }
            return SeriesBreak(fromPeriod: a.period, toPeriod: b.period, from: x, to: y)
        }
    }
}
