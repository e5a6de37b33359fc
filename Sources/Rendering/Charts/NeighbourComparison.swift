import Judgements

/// The statistical-neighbour comparison: the authority's newest known judgements beside each of
/// its neighbours', one row per authority, closest neighbour first. The values (and the reason
/// for every ungraded cell) come from the answer step; this file only lays them out.
public enum NeighbourComparison {
    public static let id = "neighbour-comparison"

    /// One authority's row: its name, newest inspection and cells (nil: none on record).
    public struct Entry: Sendable {
        public var name: String
        public var isSubject: Bool
        public var inspected: PartialDate?
        public var cells: [JudgementArea: JudgementGrid.Cell]
        /// Set when the row comes from the authority's own record, newer than the official file.
        public var fromRecord: Bool

        public init(name: String, isSubject: Bool, inspected: PartialDate?, cells: [JudgementArea: JudgementGrid.Cell], fromRecord: Bool) {
            self.name = name; self.isSubject = isSubject; self.inspected = inspected; self.cells = cells; self.fromRecord = fromRecord
        }
    }

    /// `asSet`: the rows are a set of authorities compared (none the subject, none another's
    /// neighbour), so the key and description speak of the authorities, not of neighbours.
    /// `jointUntil`: when children in care and care leavers stopped being judged together ("2023",
    /// from the framework eras), which the "Children in care" column's key explains.
    public static func matrix(subject: String, title: String, entries: [Entry], provenance: String, sourceLine: String, jointUntil: String?,
                              asSet: Bool = false) -> GradeMatrix {
        let areas = JudgementArea.rows
        let cells = entries.map { e in
            areas.map { area -> GradeMatrix.Cell in
                guard e.inspected != nil else { return .notJudged("no inspection on record") }
                return e.cells[area].map(GradeMatrix.Cell.init) ?? .notJudged("not judged")
            }
        }
        let marker = "\u{2020}"
        let rows = entries.map { e in
            GradeMatrix.Row(id: e.name.lowercased().replacingOccurrences(of: " ", with: "-"),
                            label: e.name + (e.inspected.map { " (\($0.monthYear)\(e.fromRecord ? marker : ""))" } ?? ""), emphasised: e.isSubject)
        }
        let columns = areas.map { GradeMatrix.Column(id: $0.rawValue, heading: $0 == .childrenInCare && jointUntil != nil ? "Children in care*" : $0.shortTitle, detail: "") }
        let who = asSet ? "\(entries.count) authorities" : "\(subject) and its \(entries.count - 1) statistical neighbours"
        let alt = "Newest known Ofsted judgements of \(who) (\(provenance)). " +
            entries.enumerated().map { i, e in
                "\(e.name)\(e.inspected.map { ", inspected \($0.monthYear)" } ?? ""): " +
                    zip(areas, cells[i]).map { "\($0.shortTitle) \(GradeMatrix.cellText($1))" }.joined(separator: "; ")
            }.joined(separator: ". ") + "."
        let fromRecord = entries.contains { $0.fromRecord }
        var m = GradeMatrix(id: id, title: title,
                            subtitle: "Newest known ILACS judgements \u{00B7} \(subject) and the DfE\u{2019}s ten statistical neighbours, closest first \u{00B7} \(provenance)",
                            rows: rows, columns: columns, cells: cells,
                            key: (asSet ? "" : "\u{25B6} marks \(subject). ") +
                                (fromRecord ? "\(marker) From Ofsted\u{2019}s inspection report on the authority, newer than Ofsted\u{2019}s outcomes file. " +
                                    (asSet ? "Every other authority\u{2019}s grades are as old as its newest inspection in that file" : "Neighbours\u{2019} grades are as old as their last inspection") + " (month in brackets). " : "") +
                                (jointUntil.map { "*Before \($0) this column is the joint judgement on children in care and care leavers. " } ?? "") +
                                "Hatched cells: no such judgement, with the reason.",
                            sourceLine: sourceLine, altText: alt,
                            table: DataTable(columns: ["Authority", "Newest inspection", "From"] + areas.map(\.shortTitle),
                                             rows: entries.enumerated().map { i, e in
                                                 [e.name, e.inspected?.monthYear ?? "none on record", e.fromRecord ? "Ofsted inspection report" : "Ofsted outcomes file"] +
                                                     cells[i].map(GradeMatrix.cellText)
                                             }))
        m.labelShare = 0.25
        m.boldLabels = false
        return m
    }
}
