import Foundation
@testable import Judgements
@testable import Rendering
import TestTools
import YAMLFiles

/// Small made-up values for chart and page tests: charts receive plain values, never records or
/// files, so these tests need neither the live record nor BriefingKit. "Testborough" is invented.
enum ChartFixture {
    static func date(_ s: String) -> PartialDate { PartialDate.parse(s)! }

    /// Three inspections, five rows and every kind of cell: three grades, a joint judgement with
    /// its note, and two reasons for no judgement. Counts: 4 Inadequate, 6 Requires improvement, 3 Good.
    static let grid: JudgementGrid = {
        let ri = JudgementGrid.Cell.graded(.requiresImprovement, note: nil)
        let inadequate = JudgementGrid.Cell.graded(.inadequate, note: nil), good = JudgementGrid.Cell.graded(.good, note: nil)
        func column(_ id: String, _ start: String, _ published: String) -> JudgementGrid.Column {
            JudgementGrid.Column(eventID: id, kind: .ilacsStandardInspection, start: date(start), end: nil, published: date(published), eraTitle: "")
        }
        return JudgementGrid(
            authorityName: "Testborough",
            rows: JudgementArea.rows,
            columns: [column("i-2018", "2018-05-14", "2018-07-02"), column("i-2023", "2023-03-13", "2023-05-25"), column("i-2026", "2026-05-11", "2026-07-07")],
            cells: [
                [ri, inadequate, .notJudged(reason: "not judged under the 2026 framework")],
                [ri, inadequate, good],
                [ri, inadequate, good],
                [.graded(.requiresImprovement, note: "one judgement for children in care and care leavers"), ri, good],
                [.notJudged(reason: "judged with children in care"), inadequate, ri],
            ],
            sources: [Source(id: "report", publisher: "Ofsted", title: "Inspection of Testborough children's services", date: date("2026-07-07"))])
    }()

    /// The shipped styles by name, read from `Styles/` (the look, not the data).
    static func styleNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: Repo.path("Styles"))
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    static func style(_ name: String = "default") throws -> Style {
        try StyleLoader.load(path: Repo.path("Styles/\(name).yaml"), yaml: .files)
    }

    /// A renderer for `style`, with its own text engine.
    static func renderer(_ style: Style) throws -> DocumentRenderer {
        DocumentRenderer(style: style, engine: try TextEngine())
    }

    static func metadata(_ title: String = "Testborough test document") -> DocumentMetadata {
        DocumentMetadata(title: title, author: "Testborough Council", subject: "A document for a test", creator: "briefing tests",
                         keywords: "test", createDate: "2026-07-07T00:00:00Z")
    }

    static func document(_ blocks: [Block], title: String = "Testborough test document") -> Document {
        Document(metadata: metadata(title), headerTitle: title, marking: "OFFICIAL", footerLeft: "Testborough Council", blocks: blocks)
    }

    /// A table of `rows` numbered rows, to run over pages.
    static func table(rows: Int, columns: [String] = ["Row", "Value", "Note"]) -> DataTable {
        DataTable(columns: columns, rows: (1...rows).map { i in ["Row \(i)", "\(i * 7)", i % 3 == 0 ? "A longer note that wraps onto a second line in a narrow column of the table" : ""] })
    }

    /// `n` sentences of filler, as one paragraph.
    static func words(_ n: Int) -> String {
        (1...n).map { "Sentence \($0) of a paragraph that says nothing in particular." }.joined(separator: " ")
    }
}
