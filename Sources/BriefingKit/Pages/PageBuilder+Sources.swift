import Foundation
import Judgements
import Rendering

/// The sources, licences and method page: every publication, whether a copy is held, each
/// framework era, everything inferred (with how), and every figure that was suppressed.
extension PageBuilder {
    @_optimize(none) func sources() -> [Block] {
        let computed = computed()
        let how = computed.isEmpty ? "as published" : "as published, except the figures set out under \u{201C}What this pack computes\u{201D}"
        var blocks: [Block] = [.pageBreak, .heading(PageKind.sources.heading!, level: 1),
                               .paragraph("Every judgement, date and figure in this pack comes from the sources below, \(how). Anything inferred rather than stated is marked as inferred. Suppressed statistics are shown as missing, with the reason, never as zero.")]
        var all: [Source] = []
        // The same publication may be cited under different ids by the record, frameworks and data.
        for s in record.allSources + extraSources where !all.contains(where: { $0.id == s.id || $0.samePublication(s) }) {
            all.append(s)
        }
        for s in all {
            var line = s.citation
            if let url = s.url { line += ". \(url)" }
            if let licence = s.licence { line += " (\(licence))" }
            if !s.copyHeld { line += ". No copy is held; cited by publisher, title and date" }
            if s.inferred, let note = s.note { line += ". Inferred: \(note)" }
            blocks.append(.note(line))
        }
        if !computed.isEmpty {
            blocks.append(.heading("What this pack computes", level: 2))
            for line in computed { blocks.append(.note(line)) }
        }
        blocks.append(.heading("Judgement frameworks", level: 2))
        for era in record.eras {
            var text = "\(era.title): judges " + era.judgements.map { $0.shortTitle.lowercased() }.joined(separator: ", ") + "."
            for (area, nj) in era.notJudged.sorted(by: { $0.key.rawValue < $1.key.rawValue }) { text += " \(area.shortTitle): \(nj.reason)." }
            if era.inferred { text += " (Start date inferred.)" }
            if let note = era.note { text += " \(note)" }
            blocks.append(.note(text))
        }
        let areas = Dictionary(record.areasForImprovement.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        var inferred: [String] = []
        for e in record.events where e.inferred || e.themeInferred { inferred.append("\(e.start.display) \(e.displayTitle): \(e.note ?? "")") }
        for e in record.events where !e.covers.isEmpty {
            inferred.append("Areas the \(e.start.display) visit\u{2019}s theme (\(e.theme?.lowercased() ?? "not known")) covered: " +
                            e.covers.map { areas[$0] ?? $0 }.joined(separator: "; ") + ". \(e.coversNote ?? "")")
        }
        for t in record.leadership where t.startInferred || t.endInferred || t.startAfter?.inferred == true || t.endBefore?.inferred == true { inferred.append("\(t.person), \(t.role.title.lowercased()): \(t.note ?? "dates inferred")") }
        for e in record.events {
            for f in e.findings where f.inferred {
                inferred.append("\(e.start.display) visit, \u{201C}\(areas[f.areaID] ?? "area")\u{201D}, officer\u{2019}s reading \u{201C}\(f.status.rawValue)\u{201D}: \(f.note ?? "")")
            }
        }
        if !inferred.isEmpty {
            blocks.append(.heading("What was inferred", level: 2))
            for line in inferred { blocks.append(.note(line)) }
        }
        // A pack of judgements alone draws no statistics: "no figure was suppressed" would be
        // true of nothing in it, so the section is left out.
        let drawsStatistics = !Set(pack.pages.map(\.kind)).isDisjoint(with: [.indicatorTable, .groupIndicators, .indicatorTrends])
        // A figure missing from two charts (the trends and the data tables) is listed once.
        var missing: [String] = []
        for m in missingFigures where !missing.contains(m) { missing.append(m) }
        if drawsStatistics || !missing.isEmpty {
            blocks.append(.heading("What was suppressed", level: 2))
            blocks.append(.note(missing.isEmpty ? "No figure of \(name) drawn in this pack was suppressed or unpublished."
                                : "Shown as gaps, never as zero: " + missing.joined(separator: "; ") + "."))
        }
        return blocks
    }

    /// The figures this tool computes rather than copies, each with how and from which
    /// publication: rates per 10,000 no file publishes, and the neighbours' averages.
    @_optimize(none) func computed() -> [String] {
        let kinds = Set(pack.pages.map(\.kind))
        var out: [String] = []
        let showsAll = !kinds.isDisjoint(with: [.indicatorTable, .groupIndicators])
        if let official, showsAll || kinds.contains(.indicatorTrends) {
            let derived = official.indicators.filter { $0.isDerived && (showsAll || trendIndicators.contains($0.id)) }
            for denominator in Array(Set(derived.compactMap(\.denominator))).sorted() {
                guard let den = official.indicators.first(where: { $0.id == denominator }) else { continue }
                let rates = derived.filter { $0.denominator == denominator }
                let names = rates.map { $0.title.replacingOccurrences(of: " per 10,000 children", with: "").lowercased() }
                out.append("\(PackDefinition.list(names).capitalizedFirst) per 10,000 children are computed by this tool, not copied from a DfE file: it divides each DfE count by DfE\u{2019}s population estimate for the same place and year (\(den.title.lowercased()): the \(den.column) column of \(den.source.publisher), \u{201C}\(den.source.title)\u{201D}, \(den.source.date.display)), multiplies by 10,000 and rounds to one decimal place.")
            }
        }
        // Counts and ratios the words quote, so a reader can check every number on the page.
        if kinds.contains(.atAGlance), record.gradedInspections.contains(where: { $0.grade(.overallEffectiveness) == .inadequate }) {
            out.append("Days rated inadequate overall (\u{201C}At a glance\u{201D}) are counted by this tool: calendar days from the publication of the report that gave the grade to the publication of the next graded report or, while it is still the newest overall grade, to the last date it is known to stand.")
        }
        if kinds.contains(.questions), official != nil {
            out.append("In the questions, \u{201C}N times as high as\u{201D} and \u{201C}N% worse than\u{201D} compare a published figure with the neighbours\u{2019} average: this tool divides the one by the other, in the direction that is worse.")
        }
        if official != nil, !kinds.isDisjoint(with: [.indicatorTable, .indicatorTrends]) {
            out.append("Neighbours\u{2019} averages are the mean of the published figures of the DfE statistical neighbours that have one, computed by this tool. Every other figure is shown as published, at its source\u{2019}s precision.")
        }
        return out
    }
}
