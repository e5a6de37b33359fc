import Diagnostics
import Foundation
import Judgements
import OfficialData
import Rendering

/// Turns each page of a pack definition into blocks and figures, from the record, the official
/// data and the style. Charts receive plain values; every sentence comes from the aggregation.
/// Pages of words are in `PageBuilder+Words.swift`, record charts in `+Record`, official-data
/// charts in `+Official`.
///
/// `@_optimize(none)` marks the functions that compose a page (its words, and the values a chart
/// is given) and run a few times per pack: not optimising them, with the commands, takes
/// BriefingKit's compile time from 16.4 s to 9.7 s. Whatever runs per figure, per row or per
/// authority (`chart`, `matrix`, `trends`, `indicatorTable`, `distribution`, `citations`,
/// `OfficialContext.format`) stays optimised (CONTRIBUTING, "Code the optimiser skips").
struct PageBuilder {
    let pack: PackDefinition
    let record: AuthorityRecord
    let official: OfficialContext?
    let entry: AuthorityEntry?
    let style: Style
    /// Whose Pango handles measure text: the building thread's own (see `buildApart`).
    var engine: TextEngine
    let width: Double
    /// The space a chart may take on one page.
    var maxHeight: Double

    var figures: [Figure] = []
    var extraSources: [Source] = []
    var missingFigures: [String] = []
    /// Every source a page drew on: the cover's and footer's "data as at" is the newest of them.
    var used: [Source] = []
    /// The section that first used each source (by id): the front sheet names where the newest
    /// one is used, as a pack on one authority may be dated by a report on another.
    var firstUsedIn: [String: String] = [:]
    /// The section being built.
    var building: String?
    /// The rules of the questions page (`Reports/questions.yaml`), when the pack has one.
    var questionRules: [QuestionRule] = []

    var name: String { record.authority.name }

    /// The indicators a trends page draws when its definition names none.
    static let defaultTrendIndicators = ["referrals-rate", "rereferrals-percent", "cpp-subsequent-percent", "cla-rate", "agency-rate", "caseload"]

    /// The newest publication date among `sources`, at its own precision.
    static func newest(_ sources: [Source]) -> PartialDate? { sources.map(\.date).max { $0.earliest < $1.earliest } }

    /// What the whole pack is "as at": the newest source any of its pages uses. Only the front
    /// sheet, the footer and the document's metadata say "data as at", and always this date.
    var asAt: PartialDate { Self.newest(used) ?? Self.newest(record.allSources) ?? PartialDate(year: record.newestDate.year, month: nil) }

    /// The source whose date `asAt` is, for the front sheet to name.
    var newestSource: Source? { (used.isEmpty ? record.allSources : used).max { $0.date.earliest < $1.date.earliest } }

    /// Records that a page used `sources` and returns the " · sources published …" for its
    /// subtitle: their own dates, never "data as at", so a chart and the footer below it cannot
    /// give one source two dates.
    mutating func using(_ sources: [Source]) -> String {
        for s in sources where !used.contains(where: { $0.samePublication(s) }) {
            used.append(s)
            if let building { firstUsedIn[s.id] = building }
        }
        return Self.published(sources).map { " \u{00B7} \($0)" } ?? ""
    }

    /// "source published 25 September 2025"; "sources published 30 October 2025 to 19 March 2026";
    /// "sources published in 2025, the newest on 25 September 2025" when the oldest is known only
    /// to a year (or month) that holds the newest.
    static func published(_ sources: [Source]) -> String? {
        var distinct: [Source] = []
        for s in sources where !distinct.contains(where: { $0.samePublication(s) }) { distinct.append(s) }
        let dates = distinct.map(\.date).sorted { $0.earliest < $1.earliest }
        guard let first = dates.first, let last = dates.last else { return nil }
        let noun = distinct.count == 1 ? "source" : "sources"
        if first == last { return "\(noun) published \(first.longDisplay)" }
        if last.latest <= first.latest { return "\(noun) published in \(first.longDisplay), the newest on \(last.longDisplay)" }
        return "\(noun) published \(first.longDisplay) to \(last.longDisplay)"
    }

    mutating func blocks(for page: PageSpec) throws -> [Block] {
        building = page.kind.heading
        defer { building = nil }
        switch page.kind {
        case .cover: return cover()
        case .summary: return summary()
        case .questions: return questions()
        case .sinceLastMeeting: return sinceLastMeeting()
        case .atAGlance: return atAGlance()
        case .ratingGrid:
            let grid = record.judgementGrid
            return matrix(PageKind.ratingGrid.heading!, RatingGrid.matrix(grid), asAt: using(grid.sources))
        case .judgementJourney:
            let grid = record.judgementGrid
            let asAt = using(grid.sources)
            // A journey needs two inspections: with one, say so rather than draw an empty chart.
            if grid.columns.count < 2 {
                let only = grid.columns.first.map { " (\($0.start.monthYear))" } ?? ""
                return [.pageBreak, .heading(PageKind.judgementJourney.heading!, level: 1),
                        .paragraph("Only one graded inspection of \(name) is in the data held\(only), so there is no journey from one inspection to the next to draw; its grades are under \u{201C}\(PageKind.ratingGrid.heading!)\u{201D}.")]
            }
            return chart(PageKind.judgementJourney.heading!, JudgementJourney(grid: grid, changes: record.gradeChanges, asAt: asAt))
        case .timeline: return timeline(page)
        case .improvementTracker: return tracker(page)
        case .indicatorTrends: return try trends(page)
        case .neighbourComparison: return try neighbours()
        case .indicatorTable: return try indicatorTable()
        case .nationalDistribution: return try distribution()
        case .groupGrid: return try groupGrid(page)
        case .groupIndicators: return try groupIndicators(page)
        case .findingsAndQuotes: return findings()
        case .whatsNew: return whatsNew()
        case .dataTables: return dataTables()
        case .sources: return sources()
        }
    }

    /// What every chart is laid out with on this pack's pages.
    var context: ChartContext { ChartContext(style: style, text: engine, width: width, maxHeight: maxHeight) }

    /// A chart's page: its heading, then the chart in page-sized pieces; the whole chart is kept
    /// for the chart's own files. The one place a page turns a chart value into figures.
    mutating func chart(_ heading: String, _ chart: some Chart, after: [Block] = []) -> [Block] {
        let laidOut = chart.layout(in: context)
        figures.append(laidOut.whole)
        return [.pageBreak, .heading(heading, level: 1)] + laidOut.pieces.map { Block.figure($0) } + after
    }

    mutating func matrix(_ heading: String, _ m: GradeMatrix, asAt: String = "", after: [Block] = []) -> [Block] {
        var m = m
        if !asAt.isEmpty && !m.subtitle.hasSuffix(asAt) { m.subtitle += asAt }
        return chart(heading, m, after: after)
    }

    func requireOfficial() throws -> (OfficialContext, AuthorityEntry) {
        guard let official, let entry else {
            throw InputError(SourceLocation(file: pack.definitionPath),
                             "\(name) (DfE code \(record.authority.dfeCode)) is not in Reports/data/authorities.csv; run make import")
        }
        return (official, entry)
    }

    /// Sources cited by `citations`, in the record's order.
    func sources(citedBy citations: [Citation]) -> [Source] {
        let ids = Set(citations.map(\.sourceID))
        return record.allSources.filter { ids.contains($0.id) }
    }

    func citations(_ c: [Citation]) -> String {
        // Publisher, title and date: enough to find the publication, and never just a repeat of
        // the speaker and date beside it.
        // Two publications (a quote's words from one, its date from another) are one list under
        // "sources:", not "source: …; source: …", which read as two attributions of the words.
        let cited = c.compactMap { record.source($0.sourceID) }.map { "\($0.publisher), \u{201C}\($0.title)\u{201D}, \($0.date.display)" }
        guard !cited.isEmpty else { return "" }
        return (cited.count == 1 ? "source: " : "sources: ") + cited.joined(separator: "; ")
    }

    /// Numbers as readers expect them: grouped by thousands (1,139), whatever the machine's locale.
    static func grouped(_ n: Int) -> String { OfficialContext.format(Double(n), unit: "count") }
}
