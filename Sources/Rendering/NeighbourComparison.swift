import Judgements

/// The statistical-neighbour comparison: the authority's latest judgements beside each of its
/// neighbours', one row per authority, closest neighbour first.
public enum NeighbourComparison {
    public static let id = "neighbour-comparison"

    /// One authority's row: its name and latest inspection (nil when none is on record).
    public struct Entry: Sendable {
        public var name: String
        public var isSubject: Bool
        public var inspected: PartialDate?
        public var grades: [JudgementArea: Grade]

        public init(name: String, isSubject: Bool, inspected: PartialDate?, grades: [JudgementArea: Grade]) {
            self.name = name; self.isSubject = isSubject; self.inspected = inspected; self.grades = grades
        }
    }

    static let areas: [JudgementArea] = [.overallEffectiveness, .leaders, .helpAndProtection, .childrenInCare, .careLeavers]

    public static func matrix(subject: String, entries: [Entry], source: Source) -> GradeMatrix {
        let cells = entries.map { e in
            areas.map { area -> GradeMatrix.Cell in
                if let g = e.grades[area] { return .grade(g, note: nil) }
                if e.inspected == nil { return .notJudged("no inspection on record") }
                if area == .careLeavers, let d = e.inspected, d.year < 2023 { return .notJudged("judged with children in care") }
                return .notJudged("not judged")
            }
        }
        let better = entries.filter { !$0.isSubject && ($0.grades[.overallEffectiveness] ?? .inadequate) > (entries.first { $0.isSubject }?.grades[.overallEffectiveness] ?? .outstanding) }.count
        let subjectGrade = entries.first { $0.isSubject }?.grades[.overallEffectiveness]
        let title = subjectGrade.map { "\(subject) and its statistical neighbours: \(better) of \(entries.count - 1) neighbours are judged better overall than \(subject)\u{2019}s \($0.wording.lowercased())" }
            ?? "\(subject) and its statistical neighbours: latest Ofsted judgements"
        let rows = entries.map { e in
            GradeMatrix.Row(id: e.name.lowercased().replacingOccurrences(of: " ", with: "-"),
                            label: e.name + (e.inspected.map { " (\($0.monthYear))" } ?? ""), emphasised: e.isSubject)
        }
        let columns = areas.map { GradeMatrix.Column(id: $0.rawValue, heading: $0 == .childrenInCare ? "Children in care*" : $0.shortTitle, detail: "") }
        let alt = "Latest Ofsted judgements of \(subject) and its \(entries.count - 1) statistical neighbours. " +
            entries.enumerated().map { i, e in
                "\(e.name)\(e.inspected.map { ", inspected \($0.monthYear)" } ?? ""): " +
                    zip(areas, cells[i]).map { "\($0.shortTitle) \(GradeMatrix.cellText($1))" }.joined(separator: "; ")
            }.joined(separator: ". ") + "."
        var m = GradeMatrix(id: id, title: title,
                            subtitle: "Latest ILACS judgements \u{00B7} \(subject) and the DfE\u{2019}s ten statistical neighbours, closest first",
                            rows: rows, columns: columns, cells: cells,
                            key: "\u{25B6} marks \(subject). *Before 2023 this column is the joint judgement on children in care and care leavers. Hatched cells: no such judgement.",
                            sourceLine: "Source: \(source.citation); DfE statistical neighbour model 2025.", altText: alt,
                            table: DataTable(columns: ["Authority", "Latest inspection"] + areas.map(\.shortTitle),
                                             rows: entries.enumerated().map { i, e in [e.name, e.inspected?.iso ?? ""] + cells[i].map(GradeMatrix.cellText) }))
        m.labelShare = 0.25
        m.boldLabels = false
        return m
    }
}
