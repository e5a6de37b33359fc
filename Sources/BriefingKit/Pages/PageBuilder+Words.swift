import Foundation
import Judgements
import Rendering

/// Pages of words: cover, at a glance, findings and quotes, what's new, data tables, sources.
/// No sentence is a template with a blank or a zero filled in: a number that would be zero drops
/// its sentence.
extension PageBuilder {
    /// The front sheet: what democratic services need to put the pack on an agenda. Only the
    /// title is required; a detail the definition does not give is left out, never left blank.
    @_optimize(none) func cover() -> [Block] {
        let sheet = pack.frontSheet
        var rows: [[String]] = []
        if let v = sheet.committee { rows.append(["Committee", v]) }
        if let v = sheet.meeting { rows.append(["Meeting date", v.longDisplay]) }
        if let v = sheet.agendaItem { rows.append(["Agenda item", v]) }
        if let v = sheet.author { rows.append(["Report author", v]) }
        if let v = sheet.contact { rows.append(["Contact", v]) }
        if pack.comparing.isEmpty {
            rows.append(["Authority", "\(record.authority.council) (Ofsted region: \(record.authority.ofstedRegion))"])
        } else {
            rows.append(["Authorities", "\(PackDefinition.list(pack.comparing)), in the order the pages show them"])
            rows.append([record.authority.ofstedRegion.contains(",") ? "Ofsted regions" : "Ofsted region", record.authority.ofstedRegion])
        }
        rows.append(["For", "the \(pack.audience)"])
        rows.append(["Protective marking", pack.marking])
        // The one place the pack's date is explained: the newest source, named, so a reader of a
        // pack about one authority knows why it may be dated by a report on another.
        let newest = newestSource.map { s in
            ", when the newest source this pack uses was published: \(s.publisher), \u{201C}\(s.title)\u{201D}" +
                (firstUsedIn[s.id].map { " (used in \u{201C}\($0)\u{201D})" } ?? "")
        } ?? ""
        rows.append(["Data as at", "\(asAt.longDisplay)\(newest). Each chart gives its own sources\u{2019} dates."])
        if let since = pack.since { rows.append(["What\u{2019}s new since", since.longDisplay]) }
        return [.title(pack.title),
                .table(DataTable(columns: ["Front sheet", "Detail"], rows: rows)),
                .heading("Contents", level: 2),
                .contents]
    }

    @_optimize(none) mutating func atAGlance() -> [Block] {
        var blocks: [Block] = [.pageBreak, .heading(PageKind.atAGlance.heading!, level: 1)]
        let inspections = record.gradedInspections
        _ = using(sources(citedBy: inspections.flatMap(\.sources)))
        var numbers: [(number: String, label: String)] = []
        if let last = inspections.last {
            let goods = last.judgements.filter { $0.grade >= .good }.count
            numbers.append(("\(goods) of \(last.judgements.count)", "judgements good or better at the \(last.start.monthYear) inspection"))
        }
        if inspections.count >= 2 {
            let prev = inspections[inspections.count - 2], last = inspections[inspections.count - 1]
            let visits = record.events.filter { $0.kind == .monitoringVisit && prev.start < $0.start && $0.start < last.start }
            if !visits.isEmpty {
                // Say how many rest only on publications of which no copy is held.
                // Named by month, so a reader can tell which.
                let unheldVisits = visits.filter { v in !sources(citedBy: v.sources).contains { $0.copyHeld } }
                let unheld = unheldVisits.count
                let which = unheld == visits.count ? "" : " (" + unheldVisits.map(\.start.monthYear).joined(separator: ", ") + ")"
                numbers.append(("\(visits.count)", "monitoring visits on record between the \(prev.start.monthYear) and \(last.start.monthYear) inspections" +
                                (unheld == 0 ? "" : ", \(unheld == visits.count ? "all" : "\(unheld)")\(which) known only from publications of which no copy is held")))
            }
        }
        // Days from each publication to the next graded report or, while inadequate is still the
        // newest overall grade, to the last date it is known to stand (the outcomes file's "as at"
        // for a pack from that file); none is no number at all.
        let fileAsAt = record.officialOnly?.visitsTo?.earliest
        let knownTo = max(record.newestDate, fileAsAt ?? record.newestDate)
        let periods = record.overallGradePeriods(asOf: knownTo).filter { $0.grade == .inadequate && $0.days > 0 }
        if let first = periods.first, let last = periods.last, let from = PartialDate.parse(first.from), let until = PartialDate.parse(last.until) {
            let next = inspections.first { $0.published?.display == until.display || $0.start.display == until.display }
            let count = Self.grouped(periods.map(\.days).reduce(0, +))
            if let next {
                // The next report may give no overall grade (the 2026 framework): say so, so the
                // count is not read as ending in a new overall grade.
                let ungraded = next.grade(.overallEffectiveness) == nil
                numbers.append((count, "days rated inadequate overall: from the report of \(from.display) to the next graded report, of \(until.display)" + (ungraded ? ", which gives no overall grade" : "")))
            } else {
                let standing = until.earliest == fileAsAt ? "Ofsted\u{2019}s outcomes file as at \(until.display) still gives inadequate as its newest overall grade" : "no later graded inspection is on record by \(until.display)"
                numbers.append((count, "days rated inadequate overall, from the report of \(from.display) and counting: \(standing)"))
            }
        }
        if let last = inspections.last, !last.areasForImprovement.isEmpty {
            numbers.append(("\(last.areasForImprovement.count)", "areas for improvement set at the \(last.start.monthYear) inspection"))
        }
        if !numbers.isEmpty { blocks.append(.keyNumbers(Array(numbers.prefix(4)))) }
        for sentence in Self.sentences(record) { blocks.append(.bullet(sentence)) }
        if let last = inspections.last {
            let visitsSince = record.monitoringVisitsSinceLastGradedInspection(asOf: PartialDate(year: record.newestDate.year, month: record.newestDate.month, day: record.newestDate.day))
            if !visitsSince.isEmpty {
                // Ofsted's outcomes file lists visits for one year only: say so, or "one visit" reads as all.
                let window = record.officialOnly.flatMap { o in o.visitsFrom.flatMap { f in o.visitsTo.map { " (Ofsted\u{2019}s outcomes file lists visits only from \(f.longDisplay) to \($0.longDisplay))" } } } ?? ""
                blocks.append(.bullet("Since the \(last.start.monthYear) inspection there \(visitsSince.count == 1 ? "has been one monitoring visit" : "have been \(visitsSince.count) monitoring visits") on record\(window)."))
            }
            blocks += whoLed(at: last)
        }
        return blocks
    }

    /// Who led at an inspection: only people the sources make certain were in post; otherwise
    /// "not named", with the last person a source names and when.
    @_optimize(none) mutating func whoLed(at event: Event) -> [Block] {
        let leaders = record.certainLeaders(on: event.start)
        guard !leaders.isEmpty else { return [] }
        _ = using(sources(citedBy: record.leadership.flatMap(\.sources)))
        var blocks: [Block] = [.heading("Who led at the \(event.start.monthYear) inspection", level: 2)]
        for role in LeadershipRole.allCases {
            guard let names = leaders[role] else { continue }
            if names != [LeadersAtEvent.notKnown] {
                blocks.append(.bullet("\(role.title): \(names.joined(separator: " and "))."))
            } else {
                let last = record.lastNamed(role, by: event.start).map { " (the last the sources name: \($0.person), \($0.when.onOrIn))" } ?? ""
                blocks.append(.bullet("\(role.title): not known; no source held names who was in post on \(event.start.display)\(last)."))
            }
        }
        if let said = event.leadersQuote {
            blocks.append(.quote(said, attribution: "The \(event.start.monthYear) inspection report, which names none of them (\(citations(event.sources)))"))
        }
        return blocks
    }

    /// Plain-English sentences from the grade changes: "Help and protection improved two grades,
    /// from Inadequate (March 2023) to Good (May 2026)".
    @_optimize(none) static func sentences(_ record: AuthorityRecord) -> [String] {
        let inspections = Dictionary(uniqueKeysWithValues: record.gradedInspections.map { ($0.id, $0) })
        let words = ["no", "one", "two", "three"]
        guard let lastPair = record.gradeChanges.last.map({ ($0.fromInspection, $0.toInspection) }) else { return [] }
        return record.gradeChanges.filter { ($0.fromInspection, $0.toInspection) == lastPair }.map { c in
            let was = inspections[c.fromInspection]?.start.monthYear ?? "", now = inspections[c.toInspection]?.start.monthYear ?? ""
            switch (c.from, c.to, c.direction) {
            case let (.graded(a, _), .graded(b, _), .improved), let (.graded(a, _), .graded(b, _), .declined):
                let n = abs(c.steps)
                return "\(c.area.shortTitle) \(c.direction.rawValue) \(n < words.count ? words[n] : String(n)) grade\(n == 1 ? "" : "s"), from \(a.wording) (\(was)) to \(b.wording) (\(now))."
            case let (.graded(a, _), .graded, .unchanged):
                return "\(c.area.shortTitle) stayed \(a.wording.lowercased()) (\(was) and \(now))."
            case let (.graded(a, _), .notJudged(reason), _):
                return "\(c.area.shortTitle) was \(a.wording.lowercased()) in \(was); in \(now) it was \(reason)."
            case let (.notJudged(reason), .graded(b, _), _):
                return "\(c.area.shortTitle) was judged \(b.wording.lowercased()) in \(now); in \(was) it was \(reason)."
            default:
                return "\(c.area.shortTitle) was not judged in \(was) or \(now)."
            }
        }
    }

    @_optimize(none) mutating func findings() -> [Block] {
        var blocks: [Block] = [.pageBreak, .heading(PageKind.findingsAndQuotes.heading!, level: 1)]
        let visitFindings = record.events.flatMap { e in e.findings.compactMap { f in f.quote.map { (e, f, $0) } } }
        if !visitFindings.isEmpty {
            blocks.append(.heading("What monitoring visits found", level: 2))
            for (e, f, quote) in visitFindings {
                _ = using(sources(citedBy: f.sources))
                let area = record.areasForImprovement.first { $0.id == f.areaID }
                let status = f.inferred ? "officer\u{2019}s reading: \(f.status.rawValue)" : "Ofsted: \(f.status.rawValue)"
                blocks.append(.quote(quote, attribution: "\(f.speaker ?? "Ofsted"), \(e.start.display) visit; on \u{201C}\(area?.title ?? "an area for improvement")\u{201D} (\(status)); \(citations(f.sources))"))
            }
        }
        if !record.quotes.isEmpty {
            blocks.append(.heading("What people said", level: 2))
            for q in record.quotes.sorted(by: { $0.date > $1.date }) {
                _ = using(sources(citedBy: q.sources))
                blocks.append(.quote(q.text, attribution: "\(q.speaker), \(q.role), \(q.date.display)\(q.dateInferred ? " (date inferred)" : ""); \(citations(q.sources))"))
            }
        }
        // Never a heading with nothing under it: one sentence says why the page is empty.
        if visitFindings.isEmpty && record.quotes.isEmpty {
            blocks.append(.paragraph(record.officialOnly.map(findingsNotHeld) ?? "The record for \(name) holds no findings from monitoring visits and no quotes."))
        }
        return blocks
    }

    @_optimize(none) mutating func whatsNew() -> [Block] {
        let since = pack.since ?? record.gradedInspections.last?.start ?? PartialDate(year: 2018, month: 1)
        var blocks: [Block] = [.pageBreak, .heading("What\u{2019}s new since \(since.longDisplay)", level: 1)]
        let events = record.events.filter { $0.start.latest >= since.earliest || ($0.published?.latest ?? $0.start.latest) >= since.earliest }
        if events.isEmpty { blocks.append(.paragraph("Nothing new is recorded since \(since.longDisplay).")) }
        for e in events {
            _ = using(sources(citedBy: e.sources))
            var line = "\(e.start.display): \(e.displayTitle)"
            if let theme = e.theme { line += " (\(theme.lowercased())\(e.themeInferred ? ", theme inferred" : ""))" }
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

    @_optimize(none) func dataTables() -> [Block] {
        var blocks: [Block] = [.pageBreak, .heading(PageKind.dataTables.heading!, level: 1),
                               .paragraph("The figures and words behind every chart in this pack, for readers who prefer a table and for screen readers. Each is also written beside the pack as a CSV file.")]
        for f in figures {
            // A table too wide for the page comes in parts, each with the row labels.
            let parts = f.table.columnGroups(style: style, text: engine, width: width)
            blocks.append(.heading(f.title, level: 2))
            for (i, part) in parts.enumerated() {
                if parts.count > 1 { blocks.append(.note("Part \(i + 1) of \(parts.count): columns \(part.columns.dropFirst().joined(separator: ", "))")) }
                blocks.append(.table(part))
            }
        }
        return blocks
    }
}
