import Judgements

/// The rating grid: judgement areas down the side, graded inspections across, each cell showing
/// its grade as colour and as Ofsted's full wording, and each ungraded cell saying why.
public enum RatingGrid {
    public static let id = "rating-grid"

    public static func figure(_ grid: JudgementGrid, style: Style, text engine: TextEngine, width: Double) -> Figure {
        matrix(grid).figure(style: style, text: engine, width: width)
    }

    public static func matrix(_ grid: JudgementGrid) -> GradeMatrix {
        GradeMatrix(
            id: id, title: headline(grid), subtitle: subtitleText(grid),
            rows: grid.rows.map { GradeMatrix.Row(id: $0.rawValue, label: $0.shortTitle) },
            columns: grid.columns.map { col in
                GradeMatrix.Column(id: col.eventID, heading: col.start.monthYear,
                                   detail: col.kind.title + (col.published.map { ", published \($0.display)" } ?? ""))
            },
            cells: grid.cells.map { $0.map(GradeMatrix.Cell.init) },
            key: "Each graded cell gives Ofsted\u{2019}s wording of the grade. Hatched grey cells: no separate judgement of that kind was made at that inspection; the cell gives the reason, in this pack\u{2019}s words.",
            sourceLine: "Source: " + grid.sources.map(\.citation).joined(separator: "; ") + ".",
            altText: altText(grid), table: table(grid))
    }

    static func span(_ grid: JudgementGrid) -> String {
        guard let first = grid.columns.first, let last = grid.columns.last else { return "no graded inspections" }
        return first.eventID == last.eventID ? first.start.monthYear : "\(first.start.monthYear) to \(last.start.monthYear)"
    }

    /// A headline that states the latest position rather than naming the chart.
    static func headline(_ grid: JudgementGrid) -> String {
        guard let last = grid.columns.indices.last else { return "\(grid.authorityName): no graded inspections on record" }
        var graded: [Grade: [String]] = [:]
        for (r, area) in grid.rows.enumerated() {
            if case let .graded(g, _) = grid.cells[r][last] { graded[g, default: []].append(area.shortTitle.lowercased()) }
        }
        let parts = Grade.allCases.reversed().compactMap { g -> String? in
            graded[g].map { "\(g.wording.lowercased()) for \(list($0))" }
        }
        return "\(grid.authorityName)\u{2019}s children\u{2019}s services, \(grid.columns[last].start.monthYear): \(parts.joined(separator: "; "))"
    }

    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    static func subtitleText(_ grid: JudgementGrid) -> String {
        "Ofsted ILACS judgements at each graded inspection \u{00B7} \(grid.authorityName) \u{00B7} \(span(grid))"
    }

    static func altText(_ grid: JudgementGrid) -> String {
        var parts = ["Table-like chart of \(grid.authorityName)\u{2019}s Ofsted judgements, \(span(grid))."]
        for (c, col) in grid.columns.enumerated() {
            let cells = grid.rows.enumerated().map { r, area in "\(area.shortTitle): \(GradeMatrix.cellText(grid.cells[r][c]))" }
            parts.append("\(col.start.monthYear) \(col.kind.title.lowercased()): " + cells.joined(separator: "; ") + ".")
        }
        return parts.joined(separator: " ")
    }

    static func table(_ grid: JudgementGrid) -> DataTable {
        DataTable(columns: ["Judgement"] + grid.columns.map { "\($0.start.monthYear) \($0.kind.title.lowercased())" },
                  rows: grid.rows.enumerated().map { r, area in [area.shortTitle] + grid.cells[r].map(GradeMatrix.cellText) })
    }
}
