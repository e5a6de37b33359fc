import Foundation
import Judgements
import OfficialData

/// The finding an indicator's series shows, in words, computed from the figures: the latest
/// value, where it stands in the series shown (the highest or lowest, or up or down on the year
/// before) and, for rates and percentages, how it compares with England. A claim is made only
/// where the published figures support it: a record or a change must be bigger than the figures'
/// rounding, and a figure resting on few children or social workers is marked, never ranked.
enum IndicatorHeadline {

    /// "Re-referrals within 12 months at 30.5% in 2025, the highest in nine years and above England's 22.6%";
    /// "… at 18.4% in 2025 (England 24.5%), based on few children (7 second or subsequent plans); read with care".
    /// `few` gives, for a period, the few children or social workers its figure rests on.
    /// A `breaks` in the series (a change of more than half in a year) is never read across: the
    /// latest figure is set against the year before it in words that say the change is unexplained,
    /// and a record counts only the years since the last break.
    static func title(_ d: IndicatorDefinition, place: String, mine: [(period: String, value: IndicatorValue)], england: IndicatorValue?,
                      few: (String) -> FewCount?, none: (String) -> NoneRecorded? = { _ in nil }, breaks: [SeriesBreak] = []) -> String {
        let f = { (x: Double) in OfficialContext.format(x, d) }
        guard let last = mine.last else { return d.title }
        guard let v = last.value.number else {
            let known = mine.last { $0.value.number != nil }
            return "\(d.title): \(place)\u{2019}s \(last.period) figure is \(OfficialContext.format(last.value, unit: d.unit))" +
                (known.map { "; \($0.period): \(f($0.value.number!))" } ?? "")
        }
        // A share of 0 out of many: said as such, never ranked against its own past or England.
        if let zero = none(last.period) {
            let e = england?.number.map { " (England \(f($0)))" } ?? ""
            let count = { (x: Double) in OfficialContext.format(x, unit: "count") }
            return "\(d.title) at \(f(v)) in \(last.period)\(e), none recorded out of \(count(zero.outOf)) \(zero.outOfNoun)" +
                (zero.before.map { "; none since \(zero.since), after \(count($0.count)) in \($0.period), which may reflect recording" } ?? "")
        }
        if let small = few(last.period) {
            let e = england?.number.map { " (England \(f($0)))" } ?? ""
            return "\(d.title) at \(f(v)) in \(last.period)\(e), \(small.words); read with care"
        }
        var parts: [String] = []
        let since = breaks.last.map { b in mine.filter { $0.period >= b.toPeriod } } ?? mine
        let earlier = since.dropLast().compactMap { p in p.value.number.map { (period: p.period, value: $0) } }
        let years = since.compactMap { p in p.value.number.map { _ in Int(p.period.prefix(4)) ?? 0 } }
        let consecutive = years.count > 1 && years.last! - years.first! == years.count - 1
        let span = consecutive ? "in \(NumberWords.words(years.count, through: 15)) years" : "of the \(NumberWords.words(years.count, through: 15)) years with a figure"
        // A record must stand clear of every earlier year by more than the figures' rounding.
        if let b = breaks.last, b.toPeriod == last.period {
            parts.append("after \(f(b.from)) in \(b.fromPeriod) (\(SeriesBreak.words))")
        } else if earlier.count >= 2 && earlier.allSatisfy({ v > $0.value && d.differs(v, $0.value) }) {
            parts.append("the highest \(span)")
        } else if earlier.count >= 2 && earlier.allSatisfy({ v < $0.value && d.differs(v, $0.value) }) {
            parts.append("the lowest \(span)")
        } else if let prev = earlier.last {
            if v == prev.value { parts.append("the same as in \(prev.period)") }
            else if !d.differs(v, prev.value) { parts.append("about the same as in \(prev.period) (\(f(prev.value)))") }
            else { parts.append("\(v > prev.value ? "up" : "down") from \(f(prev.value)) in \(prev.period)") }
        }
        if let e = england?.number, let c = Comparison(v, e, d) {
            let word = c.direction == .similar ? "about the same as" : (c.direction == .higher ? "above" : "below")
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
