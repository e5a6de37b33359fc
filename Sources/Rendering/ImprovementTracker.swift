import Judgements

/// Areas for improvement by monitoring visit: each cell the visit's status as colour, symbol and
/// word, "not looked at" kept apart from "no progress", drift flagged on the row.
public enum ImprovementTracker {
    public static let id = "improvement-tracker"

    public static func matrix(authority: String, inspection: Event, tracks: [AreaTrack], driftVisits: Int,
                              outcome: String?, sourceLine: String) -> GradeMatrix {
        let visits = tracks.first?.history ?? []
        let drifting = tracks.filter { $0.longestRunWithoutProgress >= driftVisits }
        let looked = tracks.filter { $0.history.contains { $0.status != .notLookedAt } }.count
        let title = "\(authority): \(looked) of \(tracks.count) areas for improvement from \(inspection.start.monthYear) have a recorded finding from a monitoring visit"
            + (drifting.isEmpty ? "" : "; \(drifting.count) drifting")
        let rows = tracks.map { t in
            GradeMatrix.Row(id: t.area.id, label: "\(t.area.id) \(t.area.title)" + (t.longestRunWithoutProgress >= driftVisits ? " \u{26A0} drift" : ""))
        }
        let columns = visits.map { v in GradeMatrix.Column(id: v.visitID, heading: v.visitDate.display, detail: "") }
        let cells = tracks.map { t in
            t.history.map { h -> GradeMatrix.Cell in
                .status(h.status, note: h.finding.flatMap { $0.inferred ? "our reading" : nil })
            }
        }
        var key = "\u{25B2} progress, \u{25B3} some progress, \u{25BC} insufficient progress, \u{00B7} not looked at (the visit\u{2019}s sources say nothing on the area: not the same as no progress). \u{26A0} drift: \(driftVisits) or more visits in a row that looked at the area recorded no progress. \u{201C}Our reading\u{201D}: the status is read from quoted words, not stated by Ofsted."
        if let outcome { key += " At the next graded inspection: \(outcome)" }
        let alt = "Areas for improvement set in \(inspection.start.monthYear) by monitoring visit. " + tracks.map { t in
            "\(t.area.id) \(t.area.title): " + t.history.map { "\($0.visitDate.display) \($0.status.rawValue)" }.joined(separator: ", ")
        }.joined(separator: ". ") + "."
        let table = DataTable(columns: ["Area", "Title"] + visits.map { $0.visitDate.display } + ["Drift"],
                              rows: tracks.map { t in [t.area.id, t.area.title] + t.history.map { h in
                                  h.status.rawValue + (h.finding?.quote.map { ": \u{201C}\($0)\u{201D}" } ?? "")
                              } + [t.longestRunWithoutProgress >= driftVisits ? "yes" : "no"] })
        var m = GradeMatrix(id: id, title: title, subtitle: "Status at each monitoring visit \u{00B7} \(authority) \u{00B7} areas set by the \(inspection.start.monthYear) inspection",
                            rows: rows, columns: columns, cells: cells, key: key, sourceLine: sourceLine, altText: alt, table: table)
        m.labelShare = 0.3
        m.boldLabels = false
        return m
    }
}
