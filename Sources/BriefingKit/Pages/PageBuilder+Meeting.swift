import Foundation
import Judgements
import OfficialData
import Rendering

/// The pages a committee reads first: the summary, what is new since the last meeting and the
/// questions for members. Every message is a finding computed from the data and cites the page
/// that shows it (`{page:Heading}`, filled in after pagination); a message with nothing to say
/// is dropped, never printed with a zero.
extension PageBuilder {
    /// "(see Ofsted judgements, page 3)" for the first of `pages` the pack has, or nil. Given an
    /// `indicator`, the page is the one its row or panel is drawn on, not just where the section
    /// starts: a table or a set of panels may run over two pages.
    @_optimize(none) func cite(_ pages: [PageKind], indicator: String? = nil) -> String? {
        guard let kind = pages.first(where: { k in pack.pages.contains { $0.kind == k } }), let h = kind.heading else { return nil }
        let mark = indicator.flatMap { id -> String? in
            switch kind {
            case .indicatorTable: return "#row:\(id)"
            case .indicatorTrends: return "#panel:\(id)"
            default: return nil
            }
        }
        return " (see \u{201C}\(h)\u{201D}, {page:\(h)\(mark ?? "")})"
    }

    static func number(_ n: Int) -> String { NumberWords.words(n) }

    @_optimize(none) mutating func summary() -> [Block] {
        var messages: [String] = []
        let inspections = record.gradedInspections
        if let last = inspections.last, let see = cite([.ratingGrid, .judgementJourney, .atAGlance]) {
            _ = using(sources(citedBy: last.sources))
            var byGrade: [(Grade, [String])] = []
            for g in Grade.allCases.reversed() {
                let areas = last.judgements.filter { $0.grade == g && $0.area != .overallEffectiveness }.map { $0.area.shortTitle.lowercased() }
                if !areas.isEmpty { byGrade.append((g, areas)) }
            }
            var text = "At the \(last.start.monthYear) inspection" + (last.published.map { " (report published \($0.display))" } ?? "") + ", Ofsted judged "
            text += byGrade.map { "\(PackDefinition.list($0.1)) \($0.0.wording.lowercased())" }.joined(separator: "; ")
            if let overall = last.grade(.overallEffectiveness) { text += "; overall effectiveness \(overall.wording.lowercased())" }
            else if case let .notJudged(reason)? = record.cells(of: last)[.overallEffectiveness] { text += "; overall effectiveness was \(reason)" }
            let changes = record.gradeChanges.filter { $0.toInspection == last.id && $0.direction != .notComparable }
            let improved = changes.filter { $0.direction == .improved }.count, declined = changes.filter { $0.direction == .declined }.count
            if inspections.count >= 2 && !changes.isEmpty {
                let prev = inspections[inspections.count - 2]
                var moved: [String] = []
                if improved > 0 { moved.append("\(Self.number(improved)) improved") }
                if declined > 0 { moved.append("\(Self.number(declined)) declined") }
                if moved.isEmpty { text += ". Every area judged at both inspections stayed where it was in \(prev.start.monthYear)" }
                else if improved == changes.count { text += ". All \(Self.number(changes.count)) areas judged at both inspections improved since \(prev.start.monthYear)" }
                else if declined == changes.count { text += ". All \(Self.number(changes.count)) areas judged at both inspections declined since \(prev.start.monthYear)" }
                else { text += ". Of the \(Self.number(changes.count)) areas judged at both inspections, \(moved.joined(separator: " and ")) since \(prev.start.monthYear)" }
            }
            messages.append(text + "." + see)
        }
        if let last = inspections.last, !last.areasForImprovement.isEmpty, var see = cite([.improvementTracker]) {
            if let h = latestAreasHeading { see = " (see \u{201C}\(h)\u{201D}, {page:\(h)})" }
            messages.append("The \(last.start.monthYear) inspection set \(Self.number(last.areasForImprovement.count)) areas for improvement: " +
                            last.areasForImprovement.map { "\u{201C}\($0.wording ?? $0.title)\u{201D}" }.joined(separator: "; ") + see)
        }
        if let official, let entry {
            let all = official.store.findings(for: entry, indicators: official.indicators)
            // Only figures resting on enough children or social workers are ranked; the others
            // behind England or the neighbours are named with how few they rest on.
            let found = all.filter { $0.few == nil }
            let fewBehind = all.filter { $0.few != nil && (($0.behindEngland ?? 0) > 0 || ($0.behindNeighbours ?? 0) > 0) }
            let fewText = fewBehind.isEmpty ? nil : "Not ranked, as \(fewBehind.count == 1 ? "it rests" : "each rests") on fewer than \(Int(SmallNumbers.threshold)) children or social workers: " +
                PackDefinition.list(fewBehind.map { "the figure for \($0.indicator.title.lowercased()) (\(format($0.value, $0)) in \($0.period), from \($0.few!.number))" }) + ", behind England or the neighbours; read with care."
            let england = found.filter { ($0.behindEngland ?? 0) > 0 }.max { $0.behindEngland! < $1.behindEngland! }
            let neighbours = found.filter { ($0.behindNeighbours ?? 0) > 0 }.max { $0.behindNeighbours! < $1.behindNeighbours! }
            if england == nil, let fewText, let see = cite([.indicatorTable, .indicatorTrends], indicator: fewBehind[0].indicator.id) {
                _ = using(official.indicatorSources)
                messages.append(fewText + see)
            }
            if let f = england, let see = cite([.indicatorTable, .indicatorTrends], indicator: f.indicator.id) {
                _ = using(official.indicatorSources)
                let both = neighbours?.indicator.id == f.indicator.id
                messages.append("Of the rates compared, the figure for \(f.indicator.title.lowercased()) is furthest behind England\(both ? " and the statistical neighbours" : ""): \(format(f.value, f)) \(dated(f)) against England\u{2019}s \(f.england.map { format($0, f) } ?? "") and the neighbours\u{2019} average of \(f.neighbours.map { format($0, f) } ?? "no figure") (\(f.indicator.better.rawValue) is better)." + newer(than: f) + (fewText.map { " " + $0 } ?? "") + see)
                // The next furthest behind the neighbours, when the same rate leads both.
                let next = both ? found.filter { ($0.behindNeighbours ?? 0) > 0 && $0.indicator.id != f.indicator.id }.max { $0.behindNeighbours! < $1.behindNeighbours! } : neighbours
                if let n = next, let see = cite([.indicatorTable, .indicatorTrends], indicator: n.indicator.id) {
                    messages.append("\(both ? "Next furthest behind the statistical neighbours" : "Furthest behind the statistical neighbours") is the figure for \(n.indicator.title.lowercased()): \(format(n.value, n)) \(dated(n)) against their average of \(n.neighbours.map { format($0, n) } ?? "") (\(n.indicator.better.rawValue) is better)." + newer(than: n) + see)
                }
            }
        }
        if let since = pack.since, let see = cite([.sinceLastMeeting]) {
            messages.append(sinceMessage(since) + see)
        }
        var blocks: [Block] = [.pageBreak, .heading(PageKind.summary.heading!, level: 1),
                               .paragraph("The key messages of this pack, each citing the section that shows it.")]
        blocks += messages.prefix(5).map { Block.bullet($0) }
        return blocks
    }

    func format(_ x: Double, _ f: IndicatorFinding) -> String { OfficialContext.format(x, f.indicator) }

    /// "at 30 September 2025 (Department for Education, published 19 Mar 2026)": the day a figure
    /// describes and when it was published, so a later finding is seen to be later.
    @_optimize(none) func dated(_ f: IndicatorFinding) -> String {
        // A figure that broke from the year before says so: the gap may be a change of counting.
        let broke = official.flatMap { o in entry.flatMap { o.latestBreak(f.indicator, $0, period: f.period) } }
            .map { ", after \(format($0.from, f)) in \($0.fromPeriod) (\(SeriesBreak.words))," } ?? ""
        return "\(f.indicator.periodWords(f.period)) (\(f.indicator.source.publisher), published \(f.indicator.source.date.display))" + broke
    }

    /// What the record holds on the same subject that is newer than a figure (Ofsted's report of
    /// July 2026 on a workforce counted in September 2025), quoted with its date and source, so
    /// the two are read in order and not as a contradiction; "" when nothing newer is held.
    mutating func newer(than f: IndicatorFinding) -> String {
        let quotes = newerQuotes(than: f)
        guard !quotes.isEmpty else { return "" }
        return " Newer than that figure: " + quotes.map { q -> String in
            _ = using(sources(citedBy: q.sources))
            let role = q.role.prefix(1).lowercased() + q.role.dropFirst()
            return "\u{201C}\(q.text)\u{201D} (\(q.speaker), \(role), \(q.date.display)\(q.dateInferred ? ", date inferred" : ""); \(citations(q.sources)))"
        }.joined(separator: "; ") + "."
    }

    /// The record's quotes on `f`'s indicator dated after the day its figure describes, oldest first.
    func newerQuotes(than f: IndicatorFinding) -> [Quote] {
        guard let after = f.indicator.referenceDay(f.period) else { return [] }
        return record.quotes.filter { $0.indicator == f.indicator.id && $0.date.earliest > after }.sorted { $0.date < $1.date }
    }

    /// The newer words on each indicator of a table, for its note: "Newer than these figures — Agency social workers: …".
    @_optimize(none) mutating func newerNote(_ findings: [IndicatorFinding]) -> String? {
        let lines = findings.compactMap { f -> String? in
            let n = newer(than: f)
            return n.isEmpty ? nil : "\(f.indicator.title) (\(format(f.value, f)) \(f.indicator.periodWords(f.period))):" + n.dropFirst(" Newer than that figure:".count)
        }
        return lines.isEmpty ? nil : "Newer than these figures \u{2014} " + lines.joined(separator: " ")
    }

    /// The summary's message on what is new: inspections and visits by name (up to four), then
    /// the rest counted by what they are, never "and eight more"; the page lists every one.
    @_optimize(none) func sinceMessage(_ since: PartialDate) -> String {
        let all = newSince(since)
        if all.isEmpty { return "Nothing new is recorded since \(since.longDisplay)." }
        let events = all.filter { $0.kind == .event }
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(Self.number(n)) \(n == 1 ? one : many)" }
        var rest: [String] = []
        if events.count > 4 { rest.append(count(events.count - 4, "more inspection or visit", "more inspections and visits")) }
        let releases = all.filter { $0.kind == .release }.count, quotes = all.filter { $0.kind == .quote }.count
        if releases > 0 { rest.append(count(releases, "official statistics release", "official statistics releases")) }
        if quotes > 0 { rest.append(count(quotes, "quote", "quotes")) }
        let named = events.prefix(4).map(\.text).joined(separator: "; ")
        let counted = PackDefinition.list(rest)
        return "Since \(since.longDisplay): " + (named.isEmpty ? counted : named + (counted.isEmpty ? "" : "; also \(counted)")) + "."
    }

    /// What a new item is: the summary names inspections and visits and counts the rest.
    enum NewKind { case event, quote, release }

    /// What was published on or after `since`, oldest first: a visit letter from its publication
    /// date, with the visit's own date beside it. The summary and the page of every pack use this
    /// one list, so two packs with the same date cannot disagree on what is new.
    @_optimize(none) func newSince(_ since: PartialDate) -> [(date: PartialDate, text: String, kind: NewKind)] {
        var out: [(PartialDate, String, NewKind)] = []
        for e in record.events {
            let when = e.published ?? e.end ?? e.start
            guard when.earliest >= since.earliest else { continue }
            var text = e.kind.isGraded ? "the \(e.start.monthYear) inspection" : "the \(e.start.display) \(e.kind.title.lowercased())"
            if let theme = e.theme { text += " (\(theme.lowercased())\(e.themeInferred ? ", theme inferred" : ""))" }
            if let p = e.published { text += e.kind.isGraded ? ", report published \(p.display)" : ", letter published \(p.display)" }
            else if e.kind == .monitoringVisit { text += ", letter\u{2019}s publication date not known" }
            out.append((when, text, .event))
        }
        // A quote names where it was reported (publisher, title and date), as everywhere else.
        for q in record.quotes where q.date.earliest >= since.earliest {
            out.append((q.date, "\(q.speaker)\(q.dateInferred ? " (date inferred)" : "") said: \u{201C}\(q.text)\u{201D} (\(citations(q.sources)))", .quote))
        }
        for s in releases(since) {
            out.append((s.date, "new official data: \(s.publisher), \u{201C}\(s.title)\u{201D}, published \(s.date.display)", .release))
        }
        // Oldest first; a date known only to the year cannot be placed within it, so it comes
        // after everything dated within that year (and a month after that month's days).
        func key(_ d: PartialDate) -> (Int, Int, Int) { (d.year, d.monthOrNil ?? 13, d.day ?? 32) }
        return out.sorted { key($0.0) < key($1.0) }
    }

    /// The official data publications (Ofsted's outcomes file, DfE's statistics) published on or
    /// after `since`: every pack with a since-list loads the official data for them.
    func releases(_ since: PartialDate) -> [Source] {
        guard let official else { return [] }
        return (official.indicatorSources + [official.outcomesSource]).filter { $0.date.earliest >= since.earliest }
    }

    @_optimize(none) mutating func sinceLastMeeting() -> [Block] {
        var blocks: [Block] = [.pageBreak, .heading(PageKind.sinceLastMeeting.heading!, level: 1)]
        guard let since = pack.since else {
            return blocks + [.paragraph("No date of the last meeting is set: give it with since: in the pack definition or briefing build --since DATE.")]
        }
        let items = newSince(since)
        blocks.append(.paragraph("Published on or after \(since.longDisplay), oldest first. A visit counts from the publication of its letter; both dates are shown."))
        if items.isEmpty { return blocks + [.paragraph("Nothing new since \(since.longDisplay).")] }
        for e in record.events where (e.published ?? e.end ?? e.start).earliest >= since.earliest { _ = using(sources(citedBy: e.sources)) }
        for q in record.quotes where q.date.earliest >= since.earliest { _ = using(sources(citedBy: q.sources)) }
        // The releases it names are sources of the pack like any other.
        let named = releases(since)
        _ = using(named)
        extraSources += named
        return blocks + items.map { i in Block.bullet(i.date.display + ": " + i.text.capitalizedFirst + (i.text.hasSuffix("\u{201D}") ? "" : ".")) }
    }
}
