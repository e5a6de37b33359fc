import Foundation
import Judgements

/// The time line's title and key, from what it draws: a lane with nothing in it is not named in
/// the title, and a kind of mark it does not draw (diamonds, tenure bars, hatching, dashed tails)
/// is not described in the key.
extension Timeline {
    /// The items drawn on an axis from `from` to `to`: an earlier one is listed in the data table only.
    static func drawn(_ items: [TimelineItem], from: DayDate, to: DayDate) -> [TimelineItem] {
        items.filter { ($0.end?.latest ?? ($0.openEnded ? to : $0.start.latest)) >= from }
    }

    static func isLeadership(_ lane: TimelineItem.Lane) -> Bool { ![.inspections, .visits, .government].contains(lane) }

    /// "Knowsley: graded inspections, 2021 to 2025"; "Liverpool: inspections, visits, events and
    /// leadership, 2018 to 2026".
    static func title(authority: String, items: [TimelineItem], from: DayDate, to: DayDate) -> String {
        let lanes = Set(drawn(items, from: from, to: to).map(\.lane))
        var parts: [String] = []
        if lanes.contains(.inspections) { parts.append(lanes.count == 1 ? "graded inspections" : "inspections") }
        if lanes.contains(.visits) { parts.append("visits") }
        if lanes.contains(.government) { parts.append(lanes.contains(.visits) ? "events" : "DfE and council events") }
        if lanes.contains(where: isLeadership) { parts.append("leadership") }
        let what = parts.count <= 1 ? (parts.first ?? "time line") : parts.dropLast().joined(separator: ", ") + " and " + parts.last!
        return "\(authority): \(what), " + (from.year == to.year ? "in \(from.year)" : "\(from.year) to \(to.year)")
    }

    /// One clause for each kind of mark drawn, then `coverage` (what the sources cannot show).
    static func key(items: [TimelineItem], from: DayDate, to: DayDate, coverage: String?) -> String {
        let shown = drawn(items, from: from, to: to)
        var sentences: [String] = []
        if shown.contains(where: { $0.lane == .inspections }) {
            sentences.append("Squares: graded inspections, coloured by overall grade.")
        }
        let events = shown.filter { $0.lane == .visits || $0.lane == .government }
        let points = events.filter { $0.end == nil && !$0.openEnded && $0.start.precision == .day }
        let spans = events.filter { e in !points.contains { $0.id == e.id } }
        func what(_ its: [TimelineItem]) -> String {
            let lanes = Set(its.map(\.lane))
            return lanes.count == 2 ? "visits and events" : (lanes.contains(.visits) ? "visits" : "DfE and council events")
        }
        var eventParts: [String] = []
        if !points.isEmpty { eventParts.append("Diamonds: \(what(points)) on a known day") }
        if !spans.isEmpty {
            eventParts.append("\(eventParts.isEmpty ? "Boxes" : "boxes"): \(what(spans)) known only to the month or year, drawn across it" +
                              (spans.contains(where: \.inferred) ? " (dashed: date inferred)" : ""))
        }
        if !eventParts.isEmpty { sentences.append(eventParts.joined(separator: "; ") + ".") }
        let tenures = shown.filter { isLeadership($0.lane) }
        if !tenures.isEmpty {
            var people: [String] = []
            if tenures.contains(where: { $0.certain != nil }) {
                people.append("a solid bar over the days the sources make certain they were in post" +
                              (tenures.contains { $0.interim && $0.certain != nil } ? " (hatched: interim)" : ""))
            }
            if tenures.contains(where: { $0.likely != nil }) {
                people.append("a paler bar with a dotted outline where that rests on an inferred date")
            }
            if tenures.contains(where: { $0.fadeIn != nil || $0.fadeOut != nil }) {
                people.append("shading fades in over the month or year in which only a start is known, and out over the month or year of an end or of the last source" +
                              (tenures.contains { ($0.fadeIn != nil && $0.startInferred) || ($0.fadeOut != nil && $0.endInferred) } ? " (dotted: date inferred)" : "") +
                              ", as the day is not known")
            }
            if tenures.contains(where: { $0.sighting != nil }) {
                people.append("a pale box: in post at some time in it")
            }
            if tenures.contains(where: \.openEnded) {
                people.append("a dashed tail: no end date is known, and the bar stops at the last source that shows them in post")
            }
            if !people.isEmpty { sentences.append("People: " + people.joined(separator: "; ") + ".") }
        }
        if let coverage { sentences.append(coverage) }
        return sentences.joined(separator: " ")
    }
}
