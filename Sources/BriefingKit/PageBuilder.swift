import Diagnostics
import Foundation
import Judgements
import OfficialData
import Rendering

/// Turns each page of a pack definition into blocks and figures, from the record, the official
/// data and the style. Charts receive plain values; every sentence comes from the aggregation.
struct PageBuilder {
    let pack: PackDefinition
    let record: AuthorityRecord
    let official: OfficialContext?
    let entry: AuthorityEntry?
    let style: Style
    let engine: TextEngine
    let width: Double

    var figures: [Figure] = []
    var extraSources: [Source] = []
    var missingFigures: [String] = []

    var asOf: DayDate { record.newestDate }
    var name: String { record.authority.name }

    mutating func blocks(for page: PageSpec) throws -> [Block] {
        switch page.id {
        case "cover": return cover()
        case "at-a-glance": return atAGlance()
        case "rating-grid":
            return matrix("Ofsted judgements", RatingGrid.matrix(record.judgementGrid))
        case "judgement-journey":
            return chart("Judgement journey", JudgementJourney.figure(record.judgementGrid, changes: record.gradeChanges, style: style, text: engine, width: width))
        case "timeline":
            let from = page.option("from").flatMap(PartialDate.parse)?.earliest ?? DayDate(year: record.gradedInspections.first?.start.year ?? 2018, month: 1, day: 1)
            let to = DayDate(year: asOf.year, month: 12, day: 31)
            let cited = Set(record.events.flatMap { $0.sources.map(\.sourceID) } + record.leadership.flatMap { $0.sources.map(\.sourceID) })
            let source = "Sources: " + record.allSources.filter { cited.contains($0.id) }.map { "\($0.publisher) (\($0.date.display))" }.joined(separator: "; ") + ". Full list on the sources page."
            return chart("Timeline", Timeline.figure(authority: name, items: record.timelineItems, from: from, to: to, sourceLine: source,
                                                     style: style, text: engine, width: width))
        case "improvement-tracker":
            return tracker(page)
        case "indicator-trends":
            return try trends(page)
        case "neighbour-comparison":
            let (official, entry) = try requireOfficial()
            extraSources += [official.outcomesSource, official.neighbourSource]
            return matrix("Statistical neighbours", official.neighbourMatrix(entry))
        case "indicator-table":
            let (official, entry) = try requireOfficial()
            extraSources += official.indicatorSources + [official.neighbourSource]
            let (whole, pieces) = official.indicatorFigures(entry, style: style, engine: engine, width: width, maxHeight: maxHeight)
            return chart("Key indicators", whole, pieces: pieces)
        case "national-distribution":
            return try distribution()
        case "findings-and-quotes": return findings()
        case "whats-new": return whatsNew()
        case "data-tables": return dataTables()
        case "sources": return sources()
        default: return []
        }
    }

    /// The space a chart may take on one page.
    var maxHeight: Double

    mutating func chart(_ heading: String, _ f: Figure, pieces: [Figure]? = nil) -> [Block] {
        figures.append(f)
        return [.pageBreak, .heading(heading, level: 1)] + (pieces ?? [f]).map { Block.figure($0) }
    }

    mutating func matrix(_ heading: String, _ m: GradeMatrix) -> [Block] {
        chart(heading, m.figure(style: style, text: engine, width: width),
              pieces: m.pieces(style: style, text: engine, width: width, maxHeight: maxHeight))
    }

    func requireOfficial() throws -> (OfficialContext, AuthorityEntry) {
        guard let official, let entry else {
            throw InputError(SourceLocation(file: pack.definitionPath),
                             "\(name) (DfE code \(record.authority.dfeCode)) is not in Reports/data/authorities.csv; run make import")
        }
        return (official, entry)
    }

    // MARK: pages of words

    func cover() -> [Block] {
        [.title(pack.title),
         .paragraph("\(record.authority.council) \u{00B7} Ofsted region: \(record.authority.ofstedRegion) \u{00B7} for the \(pack.audience)"),
         .paragraph("Data as at \(PartialDate(year: asOf.year, month: asOf.month, day: asOf.day).longDisplay)" +
                    (pack.since.map { " \u{00B7} what\u{2019}s new since \($0.longDisplay)" } ?? "")),
         .keyNumbers([(number: pack.marking, label: "Protective marking")]),
         .heading("Contents", level: 2),
         .contents]
    }

    func atAGlance() -> [Block] {
        var blocks: [Block] = [.pageBreak, .heading("At a glance", level: 1)]
        let inspections = record.gradedInspections
        var numbers: [(number: String, label: String)] = []
        if let last = inspections.last {
            let goods = last.judgements.filter { $0.grade >= .good }.count
            numbers.append(("\(goods) of \(last.judgements.count)", "judgements good or better at the \(last.start.monthYear) inspection"))
        }
        if inspections.count >= 2 {
            let prev = inspections[inspections.count - 2], last = inspections[inspections.count - 1]
            let visits = record.events.filter { $0.kind == .monitoringVisit && prev.start < $0.start && $0.start < last.start }
            numbers.append(("\(visits.count)", "monitoring visits on record between the \(prev.start.year) and \(last.start.year) inspections"))
        }
        let days = record.daysAtOverallGrade(asOf: asOf)
        // Days from each publication to the next (or to the data's as-at date); none is no number at all.
        if let d = days[.inadequate], d > 0 {
            numbers.append(("\(d)", "days judged inadequate overall, to \(PartialDate(year: asOf.year, month: asOf.month, day: asOf.day).display)"))
        }
        if let last = inspections.last, !last.areasForImprovement.isEmpty {
            numbers.append(("\(last.areasForImprovement.count)", "areas for improvement set in \(last.start.year)"))
        }
        if !numbers.isEmpty { blocks.append(.keyNumbers(Array(numbers.prefix(4)))) }
        for sentence in Self.sentences(record) { blocks.append(.bullet(sentence)) }
        let visitsSince = record.monitoringVisitsSinceLastGradedInspection(asOf: PartialDate(year: asOf.year, month: asOf.month, day: asOf.day))
        if let last = inspections.last {
            blocks.append(.bullet("Since the \(last.start.monthYear) inspection there \(visitsSince.count == 1 ? "has" : "have") been \(visitsSince.count) monitoring visit\(visitsSince.count == 1 ? "" : "s")."))
        }
        let leaders = record.leaders(on: PartialDate(year: asOf.year, month: asOf.month, day: asOf.day))
        for role in LeadershipRole.allCases {
            if let people = leaders[role], !people.isEmpty {
                blocks.append(.bullet("\(role.title) at \(PartialDate(year: asOf.year, month: asOf.month, day: asOf.day).display): \(people.map { $0.person + ($0.interim ? " (interim)" : "") }.joined(separator: " or ")) (as far as the sources say)."))
            }
        }
        return blocks
    }

    /// Plain-English sentences from the grade changes: "Help and protection improved two grades,
    /// from Inadequate (2023) to Good (2026)".
    static func sentences(_ record: AuthorityRecord) -> [String] {
        let inspections = Dictionary(uniqueKeysWithValues: record.gradedInspections.map { ($0.id, $0) })
        let words = ["no", "one", "two", "three"]
        guard let lastPair = record.gradeChanges.last.map({ ($0.fromInspection, $0.toInspection) }) else { return [] }
        return record.gradeChanges.filter { ($0.fromInspection, $0.toInspection) == lastPair }.map { c in
            let fromYear = inspections[c.fromInspection]?.start.year ?? 0, toYear = inspections[c.toInspection]?.start.year ?? 0
            switch (c.from, c.to, c.direction) {
            case let (.graded(a, _), .graded(b, _), .improved), let (.graded(a, _), .graded(b, _), .declined):
                let n = abs(c.steps)
                return "\(c.area.shortTitle) \(c.direction.rawValue) \(n < words.count ? words[n] : String(n)) grade\(n == 1 ? "" : "s"), from \(a.wording) (\(fromYear)) to \(b.wording) (\(toYear))."
            case let (.graded(a, _), .graded, .unchanged):
                return "\(c.area.shortTitle) stayed \(a.wording.lowercased()) (\(fromYear) and \(toYear))."
            case let (.graded(a, _), .notJudged(reason), _):
                return "\(c.area.shortTitle) was \(a.wording.lowercased()) in \(fromYear); in \(toYear) it was \(reason)."
            case let (.notJudged(reason), .graded(b, _), _):
                return "\(c.area.shortTitle) was judged \(b.wording.lowercased()) in \(toYear); in \(fromYear) it was \(reason)."
            default:
                return "\(c.area.shortTitle) was not judged in \(fromYear) or \(toYear)."
            }
        }
    }

    mutating func tracker(_ page: PageSpec) -> [Block] {
        let drift = page.option("drift_visits").flatMap(Int.init) ?? 2
        // The most recent inspection whose areas were followed by monitoring visits.
        let candidates = record.gradedInspections.filter { !$0.areasForImprovement.isEmpty }
        let chosen = page.option("inspection").flatMap { id in candidates.first { $0.id == id } }
            ?? candidates.last { e in record.track(e.areasForImprovement[0]).history.count > 0 } ?? candidates.last
        guard let inspection = chosen else { return [.pageBreak, .heading("Areas for improvement", level: 1), .paragraph("No areas for improvement are recorded.")] }
        let tracks = inspection.areasForImprovement.map(record.track)
        let next = record.gradedInspections.first { inspection.start < $0.start }
        let outcome = next.flatMap { n in record.quotes.first { $0.event == n.id }.map { "\u{201C}\($0.text)\u{201D} (\($0.speaker), \($0.date.display))" } }
        let cited = Set(record.events.filter { $0.kind == .monitoringVisit }.flatMap { $0.sources.map(\.sourceID) } + inspection.sources.map(\.sourceID))
        let sourceLine = "Sources: " + record.allSources.filter { cited.contains($0.id) }.map(\.citation).joined(separator: "; ") + "."
        let m = ImprovementTracker.matrix(authority: name, inspection: inspection, tracks: tracks, driftVisits: drift, outcome: outcome, sourceLine: sourceLine)
        return matrix("Areas for improvement", m)
    }

    mutating func trends(_ page: PageSpec) throws -> [Block] {
        let (official, entry) = try requireOfficial()
        extraSources += official.indicatorSources + [official.neighbourSource]
        let ids = page.list("indicators") ?? ["referrals", "rereferrals-percent", "cpp-subsequent-percent", "cla-rate", "agency-rate", "caseload"]
        let defs = ids.compactMap { id in official.indicators.first { $0.id == id } }
        let unknown = ids.filter { id in !official.indicators.contains { $0.id == id } }
        if !unknown.isEmpty {
            throw InputError(SourceLocation(file: pack.definitionPath), "unknown indicator \(unknown.map { "\"\($0)\"" }.joined(separator: ", ")); known: \(official.indicators.map(\.id).joined(separator: ", "))")
        }
        let store = official.store
        let regionCode = store.regionCode(entry.region)
        let neighbourCodes = store.neighbours(of: entry).compactMap(\.onsCode)
        let panels = defs.map { d -> IndicatorTrends.Panel in
            func date(_ period: String) -> DayDate {
                let y = Int(period.prefix(4)) ?? 2000
                return d.period.contains("September") ? DayDate(year: y, month: 9, day: 30) : DayDate(year: y, month: 3, day: 31)
            }
            // The last nine published years: enough for a trend, few enough to read.
            let mine = Array(store.series(d.id, code: entry.onsCode ?? "").suffix(9))
            let periods = mine.map(\.period)
            func series(_ code: String?) -> [(date: DayDate, value: Double?)] {
                guard let code else { return [] }
                let s = Dictionary(store.series(d.id, code: code).map { ($0.period, $0.value) }, uniquingKeysWith: { a, _ in a })
                return periods.map { (date($0), s[$0]?.number) }
            }
            let neighbourAverage = periods.map { p -> (date: DayDate, value: Double?) in
                let values = neighbourCodes.compactMap { c in store.value(d.id, code: c, period: p)?.number }
                return (date(p), values.isEmpty ? nil : values.reduce(0, +) / Double(values.count))
            }
            for (p, v) in mine where v.number == nil { missingFigures.append("\(d.title), \(name), \(p): \(OfficialContext.format(v, unit: d.unit))") }
            let better = d.better == .neither ? "" : " \u{00B7} \(d.better.rawValue) is better"
            // Counts for England or a region dwarf one authority's: compare counts with neighbours only.
            let national: [IndicatorTrends.Series] = d.unit == "count" ? [] : [
                .init(name: "England", role: "england", points: series(store.englandCode)),
                .init(name: entry.region, role: "region", points: series(regionCode)),
            ]
            return IndicatorTrends.Panel(id: d.id, title: d.title, detail: "\(d.unit), \(d.period)\(better)", unit: d.unit, series: (
                [.init(name: name, role: "authority", points: mine.map { (date($0.period), $0.value.number) })] + national +
                [.init(name: "Neighbours", role: "neighbours", points: neighbourAverage)]
            ).filter { !$0.points.isEmpty })
        }
        let inspections = record.gradedInspections.map { (label: $0.start.monthYear, date: $0.start.earliest) }
        let sourceLine = "Source: " + official.indicatorSources.map(\.citation).joined(separator: "; ") + "; DfE statistical neighbour model 2025."
        let format: (Double, String) -> String = { OfficialContext.format($0, unit: $1) }
        return chart("Indicator trends", IndicatorTrends.figure(authority: name, panels: panels, inspections: inspections, sourceLine: sourceLine,
                                                                format: format, style: style, text: engine, width: width),
                     pieces: IndicatorTrends.pieces(authority: name, panels: panels, inspections: inspections, sourceLine: sourceLine,
                                                    format: format, style: style, text: engine, width: width, maxHeight: maxHeight))
    }

    mutating func distribution() throws -> [Block] {
        let (official, entry) = try requireOfficial()
        extraSources += [official.outcomesSource, official.neighbourSource]
        let latest = official.store.outcomes.filter { $0.sheet == .latest }
        var counts: [Grade: Int] = [:]
        for r in latest { if let g = r.grades[.overallEffectiveness] { counts[g, default: 0] += 1 } }
        let marked = ([entry] + official.store.neighbours(of: entry)).enumerated().compactMap { i, e -> (name: String, grade: Grade, isSubject: Bool)? in
            official.store.latestJudgements(for: e)?.grades[.overallEffectiveness].map { (e.name, $0, i == 0) }
        }
        return chart("National picture", NationalDistribution.figure(subject: entry.name, counts: counts, total: latest.count, marked: marked,
                                                                     sourceLine: "Source: \(official.outcomesSource.citation); DfE statistical neighbour model 2025.",
                                                                     style: style, text: engine, width: width))
    }

    func findings() -> [Block] {
        var blocks: [Block] = [.pageBreak, .heading("Key findings and quotes", level: 1)]
        let visitFindings = record.events.flatMap { e in e.findings.compactMap { f in f.quote.map { (e, f, $0) } } }
        if !visitFindings.isEmpty {
            blocks.append(.heading("What monitoring visits found", level: 2))
            for (e, f, quote) in visitFindings {
                let area = record.areasForImprovement.first { $0.id == f.areaID }
                let status = f.inferred ? "\(f.status.rawValue), our reading" : f.status.rawValue
                blocks.append(.quote(quote, attribution: "\(f.speaker ?? "Ofsted"), \(e.start.display) visit; area \(f.areaID) \(area?.title ?? "") (\(status)); \(citations(f.sources))"))
            }
        }
        if !record.quotes.isEmpty {
            blocks.append(.heading("What people said", level: 2))
            for q in record.quotes.sorted(by: { $0.date > $1.date }) {
                blocks.append(.quote(q.text, attribution: "\(q.speaker), \(q.role), \(q.date.display)\(q.dateInferred ? " (date inferred)" : ""); \(citations(q.sources))"))
            }
        }
        return blocks
    }

    func citations(_ c: [Citation]) -> String {
        c.compactMap { record.source($0.sourceID) }.map { "\($0.publisher), \($0.date.display)" }.joined(separator: "; ")
    }

    func whatsNew() -> [Block] {
        let since = pack.since ?? record.gradedInspections.last?.start ?? PartialDate(year: 2018, month: 1)
        var blocks: [Block] = [.pageBreak, .heading("What\u{2019}s new since \(since.longDisplay)", level: 1)]
        let events = record.events.filter { $0.start.latest >= since.earliest || ($0.published?.latest ?? $0.start.latest) >= since.earliest }
        if events.isEmpty { blocks.append(.paragraph("Nothing new is recorded since \(since.longDisplay).")) }
        for e in events {
            var line = "\(e.start.display): \(e.displayTitle)"
            if let theme = e.theme { line += " (\(theme.lowercased()))" }
            if let p = e.published { line += ", published \(p.display)" }
            if e.kind.isGraded { line += ": " + e.judgements.map { "\($0.area.shortTitle.lowercased()) \($0.grade.wording.lowercased())" }.joined(separator: ", ") }
            if e.inferred { line += " (date inferred)" }
            blocks.append(.bullet(line + "."))
        }
        let quotes = record.quotes.filter { $0.date.latest >= since.earliest }
        for q in quotes { blocks.append(.bullet("\(q.date.display): \(q.speaker) said \u{201C}\(q.text)\u{201D}")) }
        if let official {
            for s in official.indicatorSources + [official.outcomesSource] where s.date.latest >= since.earliest {
                blocks.append(.bullet("\(s.date.display): new official data, \(s.publisher), \u{201C}\(s.title)\u{201D}."))
            }
        }
        return blocks
    }

    func dataTables() -> [Block] {
        var blocks: [Block] = [.pageBreak, .heading("Data tables", level: 1),
                               .paragraph("The figures and words behind every chart in this pack, for readers who prefer a table and for screen readers. Each is also written beside the pack as a CSV file.")]
        for f in figures {
            blocks += [.heading(f.title, level: 2), .table(f.table)]
        }
        return blocks
    }

    func sources() -> [Block] {
        var blocks: [Block] = [.pageBreak, .heading("Sources, licences and method", level: 1),
                               .paragraph("Every judgement, date and figure in this pack comes from the sources below. Nothing is estimated; anything inferred rather than stated is marked as inferred. Suppressed statistics are shown as missing, with the reason, never as zero.")]
        var all: [Source] = []
        // The same publication may be cited under different ids by the record, frameworks and data.
        for s in record.allSources + extraSources where !all.contains(where: { $0.id == s.id || ($0.publisher == s.publisher && $0.title == s.title && $0.date == s.date) }) {
            all.append(s)
        }
        for s in all {
            var line = s.citation
            if let url = s.url { line += ". \(url)" }
            if let licence = s.licence { line += " (\(licence))" }
            if s.inferred, let note = s.note { line += ". Inferred: \(note)" }
            blocks.append(.note(line))
        }
        blocks.append(.heading("Judgement frameworks", level: 2))
        for era in record.eras {
            var text = "\(era.title): judges " + era.judgements.map { $0.shortTitle.lowercased() }.joined(separator: ", ") + "."
            for (area, nj) in era.notJudged.sorted(by: { $0.key.rawValue < $1.key.rawValue }) { text += " \(area.shortTitle): \(nj.reason)." }
            if era.inferred { text += " (Start date inferred.)" }
            if let note = era.note { text += " \(note)" }
            blocks.append(.note(text))
        }
        var inferred: [String] = []
        for e in record.events where e.inferred || e.themeInferred { inferred.append("\(e.start.display) \(e.displayTitle): \(e.note ?? "")") }
        for t in record.leadership where t.startInferred || t.endInferred { inferred.append("\(t.person), \(t.role.title.lowercased()): \(t.note ?? "dates inferred")") }
        for e in record.events { for f in e.findings where f.inferred { inferred.append("\(e.start.display) visit, area \(f.areaID) status \u{201C}\(f.status.rawValue)\u{201D}: \(f.note ?? "")") } }
        if !inferred.isEmpty {
            blocks.append(.heading("What was inferred", level: 2))
            for line in inferred { blocks.append(.note(line)) }
        }
        blocks.append(.heading("What was suppressed", level: 2))
        blocks.append(.note(missingFigures.isEmpty ? "No figure drawn in this pack was suppressed or unpublished for \(name)."
                            : "Shown as gaps, never as zero: " + missingFigures.joined(separator: "; ") + "."))
        return blocks
    }
}
