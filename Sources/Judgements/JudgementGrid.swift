/// The judgements of every graded inspection, arranged as comparison rows × inspections, with
/// each empty place explained. This is what the rating grid draws and what its table lists.
public struct JudgementGrid: Sendable, Hashable {
    public enum Cell: Sendable, Hashable {
        /// A grade; `note` says when the judgement covered more than the row (the joint pre-2023 one).
        case graded(Grade, note: String?)
        case notJudged(reason: String)
    }

    public struct Column: Sendable, Hashable {
        public var eventID: String
        public var kind: EventKind
        public var start: PartialDate
        public var end: PartialDate?
        public var published: PartialDate?
        public var eraTitle: String
    }

    public var authorityName: String
    public var rows: [JudgementArea]
    public var columns: [Column]
    /// `cells[row][column]`.
    public var cells: [[Cell]]
    public var sources: [Source]

    public func cell(_ area: JudgementArea, _ eventID: String) -> Cell? {
        guard let r = rows.firstIndex(of: area), let c = columns.firstIndex(where: { $0.eventID == eventID }) else { return nil }
        return cells[r][c]
    }
}

extension AuthorityRecord {
    /// The rating grid's values: one column per graded inspection, oldest first.
    public var judgementGrid: JudgementGrid {
        let inspections = gradedInspections
        var columns: [JudgementGrid.Column] = []
        var byColumn: [[JudgementGrid.Cell]] = []
        for event in inspections {
            let era = era(for: event.start)
            columns.append(.init(eventID: event.id, kind: event.kind, start: event.start, end: event.end,
                                 published: event.published, eraTitle: era?.title ?? ""))
            byColumn.append(JudgementArea.rows.map { row in
                if let j = event.judgements.first(where: { $0.area.row == row }) {
                    let note = j.area == row ? nil : "one judgement for \(j.area.shortTitle.lowercased())"
                    return .graded(j.grade, note: note)
                }
                return .notJudged(reason: era?.notJudged[row]?.reason ?? "not judged")
            })
        }
        let cells = JudgementArea.rows.indices.map { r in byColumn.map { $0[r] } }
        let cited = Set(inspections.flatMap { $0.sources.map(\.sourceID) })
        return JudgementGrid(authorityName: authority.name, rows: JudgementArea.rows, columns: columns,
                             cells: cells, sources: sources.filter { cited.contains($0.id) })
    }
}
