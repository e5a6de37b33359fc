import Judgements

/// Areas for improvement by monitoring visit, through to the next inspection's verdict. Each cell
/// says what is known: a finding held (the record author's reading of a letter's quoted words is
/// drawn apart from Ofsted's own), the visit's theme covered the area with no finding held, it
/// did not, or the visit's theme is not known.
public enum ImprovementTracker {
    public static let id = "improvement-tracker"

    /// The next graded inspection's word on the areas as a whole, in Ofsted's own words.
    public struct Outcome: Sendable {
        public var heading: String
        public var verdict: String
        public var quote: String
        public var citation: String

        public init(heading: String, verdict: String, quote: String, citation: String) {
            self.heading = heading; self.verdict = verdict; self.quote = quote; self.citation = citation
        }
    }

    public static func matrix(authority: String, inspection: Event, tracks: [AreaTrack], driftVisits: Int, outcome: Outcome?,
                              sourceLine: String, asAt: String) -> GradeMatrix {
        let visits = tracks.first?.history ?? []
        let drifting = tracks.filter { $0.longestRunWithoutProgress >= driftVisits }
        let found = tracks.filter { $0.history.contains { $0.coverage == .finding } }.count
        let covered = tracks.filter { t in !t.history.contains { $0.coverage == .finding } && t.history.contains { $0.coverage == .coveredNoFinding } }.count
        var parts = ["\(found) with a finding held from a monitoring visit"]
        if covered > 0 { parts.append("\(covered) more covered by a visit\u{2019}s theme") }
        if tracks.count - found - covered > 0 { parts.append("\(tracks.count - found - covered) not named in any known visit\u{2019}s theme") }
        var title = "\(authority)\u{2019}s \(tracks.count) areas for improvement from \(inspection.start.monthYear): " + parts.joined(separator: ", ")
        if let outcome { title += "; the \(outcome.heading) report says of them all together: \(outcome.verdict.lowercased())" }
        if !drifting.isEmpty { title += "; \(drifting.count) drifting" }
        let rows = tracks.map { t in
            GradeMatrix.Row(id: t.area.id, label: t.area.title + (t.longestRunWithoutProgress >= driftVisits ? " \u{26A0} drift" : ""))
        }
        let columns = visits.map { v in GradeMatrix.Column(id: v.visitID, heading: v.visitDate.display, detail: v.visitTheme ?? "") }
        // The next inspection's word is one sentence on all the areas together, so it is quoted in
        // the key, never copied into each area's row as if Ofsted had judged that area.
        let cells = tracks.map { t in t.history.map(cell) }
        // Only what the chart shows is explained: a drift mark is described only when one is drawn.
        var key = "\u{25B2} progress, \u{25B3} some progress, \u{25BC} insufficient progress: the officer\u{2019}s reading (white, dashed outline) of words quoted from a visit letter, not Ofsted\u{2019}s status. Covered, no finding held: the visit\u{2019}s published theme covered the area (an inference; see the sources page). Outside its theme: the theme did not name the area; no letter is held to say more. Theme not known: no source read gives it."
        if !drifting.isEmpty { key += " \u{26A0} drift: \(driftVisits) or more visits in a row with a finding recorded no progress." }
        if let outcome { key += " The \(outcome.heading) report gives no verdict area by area; of them all together it says: \u{201C}\(outcome.quote)\u{201D} (\(outcome.citation))." }
        let headings = visits.map { "\($0.visitDate.display) visit" }
        let alt = "Areas for improvement set at the \(inspection.start.monthYear) inspection, by monitoring visit. " + tracks.enumerated().map { r, t in
            "\(t.area.title): " + zip(headings, cells[r]).map { "\($0) \(GradeMatrix.cellText($1).lowercased())" }.joined(separator: ", ")
        }.joined(separator: ". ") + "."
        let table = DataTable(columns: ["Area for improvement", "Ofsted's wording"] + headings + ["Drift (\(driftVisits) or more visits in a row recording no progress)"],
                              rows: tracks.enumerated().map { r, t in
                                  [t.area.title, t.area.wording ?? ""] + zip(t.history, cells[r]).map { h, c in
                                      GradeMatrix.cellText(c) + (h.finding?.quote.map { ": \u{201C}\($0)\u{201D}" } ?? "")
                                  } + [Self.drift(t, visits: driftVisits)]
                              })
        var m = GradeMatrix(id: id, title: title,
                            subtitle: "What each visit is known to have found \u{00B7} \(authority) \u{00B7} areas from the \(inspection.start.monthYear) inspection" + asAt,
                            rows: rows, columns: columns, cells: cells, key: key, sourceLine: sourceLine, altText: alt, table: table)
        m.labelShare = 0.25
        // Many visits make many columns: area titles may wrap onto more lines, words in cells may not.
        m.minimumLabelShare = 0.13
        m.boldLabels = false
        return m
    }

    static func cell(_ h: AreaStatusEntry) -> GradeMatrix.Cell {
        switch h.coverage {
        case .finding: return (h.finding?.inferred ?? false) ? .reading(h.status) : .status(h.status, note: nil)
        case .coveredNoFinding: return .plain("Covered, no finding held", hatched: false)
        case .notCovered: return .plain("Outside its theme", hatched: true)
        case .themeNotKnown: return .plain("Theme not known", hatched: true)
        }
    }
}

extension ImprovementTracker {
    /// The data table's drift answer: "yes", "no" only where enough findings are held for a run
    /// of `visits` to have been seen, and otherwise how few there are: one finding cannot show
    /// two visits in a row, so "no" would claim more than is known.
    static func drift(_ t: AreaTrack, visits: Int) -> String {
        if t.longestRunWithoutProgress >= visits { return "yes" }
        let findings = t.history.filter { $0.coverage == .finding }.count
        if findings == 0 { return "no finding to judge" }
        return findings < visits ? "too few findings to judge (\(NumberWords.words(findings)) held)" : "no"
    }
}
