import Foundation
import Judgements

/// A figure that rests on few children or social workers: the published count behind it (nil
/// when DfE suppressed that count, which it does to small counts) and what it counts.
public struct FewCount: Sendable, Hashable {
    public var count: Double?
    public var noun: String
    public var people: String

    /// "7 second or subsequent plans", "about 4 full-time equivalent leavers", "no re-referrals", or "the number
    /// of … is suppressed as small".
    public var number: String {
        guard let count else { return "the number of \(noun) is suppressed as small" }
        let whole = count.rounded()
        if count == 0 { return "no \(noun)" }
        // One of a plural noun reads better the other way round: "full-time equivalent case holders: 1".
        if whole == 1 { return "\(noun): \(whole == count ? "" : "about ")1" }
        return (whole == count ? "" : "about ") + "\(Int(whole)) \(noun)"
    }

    /// "only 7 second or subsequent plans"; "full-time equivalent case holders, only 1" (not "only
    /// full-time equivalent case holders: 1", which read as a broken template).
    public var onlyNumber: String {
        guard let count, count > 0 else { return number }
        if count.rounded() == 1 { return "\(noun), only \(count == 1 ? "" : "about ")1" }
        return "only " + number
    }

    /// "based on few children (7 second or subsequent plans)".
    public var words: String { "based on few \(people) (\(number))" }
}

public enum SmallNumbers {
    /// Fewer than 20 counted: the Office for National Statistics marks rates calculated from fewer
    /// than 20 events as unreliable, because the 95% confidence interval of such a count is then
    /// wider than about ±45% of it; a record or a change from year to year says more about chance
    /// than about practice. The same line serves children and (full-time equivalent) social workers.
    public static let threshold = 20.0

    /// Whether a published count is small enough for the figure resting on it to be marked.
    /// A suppressed count is small (DfE suppresses small counts); a count not published for
    /// another reason leaves the figure unmarked, as nothing is known of its size.
    static func isFew(_ v: IndicatorValue?) -> Bool {
        switch v {
        case let .value(n)?: return n < threshold
        case .missing(.suppressed)?, .missing(.low)?, .missing(.roundsToZero)?: return true
        default: return false
        }
    }
}

extension IndicatorDefinition {
    /// The step of the published figures: counts are whole and exact; DfE publishes rates,
    /// percentages and caseloads to `places` decimals (mostly one), so two of them one step apart
    /// (30.4% and 30.5%) may be the same figure rounded differently.
    public var step: Double { isCount ? 0 : pow(10, -Double(places)) }

    /// Whether two published figures differ by more than their rounding can explain.
    public func differs(_ a: Double, _ b: Double) -> Bool { abs(a - b) > step + 1e-9 }
}

/// A share whose count is 0 out of many: DfE publishes 0.0%, but with so many in the whole that
/// at England's share 20 or more would be expected, the zero is not chance among few children;
/// it says nothing was recorded, which after years with a figure more likely reflects how the
/// authority recorded the outcome than its practice. Shown as published, never compared or ranked.
public struct NoneRecorded: Sendable, Hashable {
    public var noun: String
    /// The whole the share is of, and what it counts ("7,923 referrals").
    public var outOf: Double
    public var outOfNoun: String
    /// The first period of this run of zeros, and the period and count just before it, if any.
    public var since: String
    public var before: (period: String, count: Double)? {
        get { beforePeriod.map { ($0, beforeCount ?? 0) } }
        set { beforePeriod = newValue?.period; beforeCount = newValue?.count }
    }
    var beforePeriod: String?
    var beforeCount: Double?

    /// "none recorded: 0 of 7,923 referrals".
    public var words: String {
        "none recorded: 0 of \(Int(outOf.rounded()).formatted(.number.locale(Locale(identifier: "en_GB")))) \(outOfNoun)"
    }

    /// "none since 2023, after 163 in 2022; may reflect recording" (a zero after years with a
    /// figure), or nil when the zero has no earlier figure to follow.
    public var history: String? {
        guard let b = before else { return nil }
        let count = Int(b.count.rounded()).formatted(.number.locale(Locale(identifier: "en_GB")))
        return "none since \(since), after \(count) in \(b.period); may reflect recording"
    }
}

extension OfficialDataStore {
    /// Whether `d`'s figure for `entry` in `period` is a share of 0 out of many (see `NoneRecorded`):
    /// nil for any other figure, and when England's share for the period is not published (the
    /// zero is then left to the small-numbers rule).
    public func noneRecorded(_ d: IndicatorDefinition, of entry: AuthorityEntry, period: String, indicators: [IndicatorDefinition]) -> NoneRecorded? {
        guard let whole = d.outOf.flatMap({ id in indicators.first { $0.id == id } }), let wholeNoun = whole.noun,
              let base = d.basedOn.flatMap({ id in indicators.first { $0.id == id } }), let noun = base.noun,
              value(base.id, of: entry, period: period)?.number == 0,
              let outOf = value(whole.id, of: entry, period: period)?.number,
              let england = englandCode.flatMap({ value(d.id, code: $0, period: period)?.number }),
              outOf * england / 100 >= SmallNumbers.threshold else { return nil }
        let counts = series(base.id, of: entry).filter { $0.period <= period }
        let lastNonZero = counts.last { ($0.value.number ?? 0) > 0 }
        let since = counts.first { $0.period > (lastNonZero?.period ?? "") && $0.value.number == 0 }?.period ?? period
        var none = NoneRecorded(noun: noun, outOf: outOf, outOfNoun: wholeNoun, since: since)
        none.before = lastNonZero.map { ($0.period, $0.value.number!) }
        return none
    }

    /// The few children or social workers `d`'s figure for `entry` in `period` rests on, or nil
    /// when it rests on enough of them (or on nothing the indicators name).
    public func few(_ d: IndicatorDefinition, of entry: AuthorityEntry, period: String, indicators: [IndicatorDefinition]) -> FewCount? {
        let base = d.isCount ? d : d.basedOn.flatMap { id in indicators.first { $0.id == id } }
        guard let base, let noun = base.noun, let people = base.people else { return nil }
        let v = value(base.id, of: entry, period: period)
        // A zero out of many is not few: it is "none recorded", a different warning.
        guard SmallNumbers.isFew(v), noneRecorded(d, of: entry, period: period, indicators: indicators) == nil else { return nil }
        return FewCount(count: v?.number, noun: noun, people: people)
    }
}
