import Foundation
import Judgements

/// A figure that rests on few children or social workers: the published count behind it (nil
/// when DfE suppressed that count, which it does to small counts) and what it counts.
public struct FewCount: Sendable, Hashable {
    public var count: Double?
    public var noun: String
    public var people: String

    /// "7 second or subsequent plans", "about 4 full-time equivalent leavers", or "the number
    /// of … is suppressed as small".
    public var number: String {
        guard let count else { return "the number of \(noun) is suppressed as small" }
        let whole = count.rounded()
        // One of a plural noun reads better the other way round: "full-time equivalent case holders: 1".
        if whole == 1 { return "\(noun): \(whole == count ? "" : "about ")1" }
        return (whole == count ? "" : "about ") + "\(Int(whole)) \(noun)"
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

extension OfficialDataStore {
    /// The few children or social workers `d`'s figure for `entry` in `period` rests on, or nil
    /// when it rests on enough of them (or on nothing the indicators name).
    public func few(_ d: IndicatorDefinition, of entry: AuthorityEntry, period: String, indicators: [IndicatorDefinition]) -> FewCount? {
        let base = d.isCount ? d : d.basedOn.flatMap { id in indicators.first { $0.id == id } }
        guard let base, let noun = base.noun, let people = base.people else { return nil }
        let v = value(base.id, of: entry, period: period)
        guard SmallNumbers.isFew(v) else { return nil }
        return FewCount(count: v?.number, noun: noun, people: people)
    }
}
