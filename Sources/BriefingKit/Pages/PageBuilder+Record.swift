import Foundation
import Judgements
import Rendering

/// Pages drawn from the authority's own record: the timeline and the areas-for-improvement tracker.
extension PageBuilder {
    @_optimize(none) mutating func timeline(_ page: PageSpec) -> [Block] {
        let from = page.option("from").flatMap(PartialDate.parse)?.earliest ?? DayDate(year: record.gradedInspections.first?.start.year ?? 2018, month: 1, day: 1)
        let to = DayDate(year: record.newestDate.year, month: 12, day: 31)
        let cited = sources(citedBy: record.events.flatMap(\.sources) + record.leadership.flatMap(\.sources))
        let asAt = using(cited)
        let source = "Sources: " + cited.map { "\($0.publisher) (\($0.date.display))" }.joined(separator: "; ") + ". Full list on the sources page."
        let coverage = record.officialOnly.map(timelineCoverage)
        return chart(PageKind.timeline.heading!, Timeline(authority: name, items: record.timelineItems, from: from, to: to, sourceLine: source,
                                                                  asAt: asAt, coverage: coverage))
    }

    /// The areas the previous graded inspection set, tracked through every visit to the latest
    /// inspection's verdict; then the latest inspection's areas in full, with any visits since.
    /// Which inspection is tracked follows from the record's inspections (or the `inspection`
    /// option), never from which visits happen to have findings, so adding a visit never
    /// switches the page to another inspection.
    /// The subheading the tracker lists the latest inspection's areas under, when it tracks an
    /// earlier inspection's first (nil when the latest's areas are the tracked ones).
    var latestAreasHeading: String? {
        let setters = record.gradedInspections.filter { !$0.areasForImprovement.isEmpty }
        guard setters.count >= 2, let latest = setters.last,
              let page = pack.pages.first(where: { $0.kind == .improvementTracker }),
              page.option("inspection").map({ $0 != latest.id }) ?? true else { return nil }
        return "Areas for improvement from the \(latest.start.monthYear) inspection"
    }

    @_optimize(none) mutating func tracker(_ page: PageSpec) -> [Block] {
        let drift = page.option("drift_visits").flatMap(Int.init) ?? 2
        let setters = record.gradedInspections.filter { !$0.areasForImprovement.isEmpty }
        let heading = PageKind.improvementTracker.heading!
        guard let latest = setters.last else {
            // A pack from the outcomes file alone holds no report: it must not read as "none set".
            let why = record.officialOnly.map(areasNotHeld) ?? "No areas for improvement are recorded for \(name)."
            return [.pageBreak, .heading(heading, level: 1), .paragraph(why)]
        }
        let chosen = page.option("inspection").flatMap { id in setters.first { $0.id == id } }
        let tracked = chosen ?? (setters.count >= 2 ? setters[setters.count - 2] : latest)
        var blocks = trackerMatrix(heading, tracked, drift: drift)
        if tracked.id != latest.id {
            blocks += [.heading(latestAreasHeading!, level: 2)]
            blocks += latest.areasForImprovement.map { Block.bullet("\($0.title): \u{201C}\($0.wording ?? $0.title)\u{201D}") }
            let since = record.track(latest.areasForImprovement[0]).history
            if since.isEmpty {
                blocks.append(.note("No monitoring visit after the \(latest.start.monthYear) inspection is in this record."))
            } else {
                blocks += trackerMatrix(heading, latest, drift: drift, id: ImprovementTracker.id + "-latest").dropFirst(2)
            }
        }
        return blocks
    }

    /// One tracker matrix; `id` names its files, so two trackers in one pack never share them.
    @_optimize(none) mutating func trackerMatrix(_ heading: String, _ inspection: Event, drift: Int, id: String = ImprovementTracker.id) -> [Block] {
        let tracks = inspection.areasForImprovement.map(record.track)
        let next = record.gradedInspections.first { inspection.start < $0.start }
        let outcome = next.flatMap { n -> ImprovementTracker.Outcome? in
            guard let verdict = n.earlierAreasVerdict, let quote = n.earlierAreasQuote else { return nil }
            return .init(heading: "\(n.start.monthYear) inspection", verdict: verdict, quote: quote, citation: citations(n.sources))
        }
        let visits = record.events.filter { v in tracks.first?.history.contains { $0.visitID == v.id } ?? false }
        let cited = sources(citedBy: visits.flatMap(\.sources) + inspection.sources + (outcome == nil ? [] : next?.sources ?? []))
        let asAt = using(cited)
        let sourceLine = "Sources: " + cited.map { "\($0.publisher) (\($0.date.display)\($0.copyHeld ? "" : ", no copy held"))" }.joined(separator: "; ") + ". Full list on the sources page."
        var m = ImprovementTracker.matrix(authority: name, inspection: inspection, tracks: tracks, driftVisits: drift, outcome: outcome,
                                          sourceLine: sourceLine, asAt: asAt)
        m.id = id
        return matrix(heading, m)
    }
}
