import Foundation
import Judgements
@testable import Rendering
import Testing
import TestTools

/// Charts and tables too big for a page are split, never shrunk: `Figure.pieces` (rows or panels
/// over pages), `GradeMatrix.pieces` (rows, then column groups) and `DataTable.columnGroups`.
@Suite struct Splitting {
    /// A stand-in chart 50 pt of headings plus each item's height: splitting is arithmetic here.
    func pieces(_ heights: [Double], maxHeight: Double) -> [(items: [Int], continued: Bool, height: Double)] {
        let figures = Figure.pieces(of: Array(heights.indices), maxHeight: maxHeight) { items, continued in
            let h = 50 + items.map { heights[$0] }.reduce(0, +)
            return Figure(id: "f", size: Size(width: 100, height: h), marks: [], title: items.map(String.init).joined(separator: ","),
                          subtitle: continued ? "continued" : "", sourceLine: "", altText: "", table: DataTable(columns: [], rows: []))
        }
        return figures.map { f in
            let items = f.title.split(separator: ",").compactMap { Int($0) }
            return (items, f.subtitle == "continued", f.size.height)
        }
    }

    @Test func aChartThatFitsStaysWhole() {
        let p = pieces(Array(repeating: 10, count: 5), maxHeight: 130)
        #expect(p.map(\.items) == [[0, 1, 2, 3, 4]])
        #expect(p.map(\.continued) == [false])
    }

    @Test func piecesAreFilledEvenlyNeverOneRowAlone() {
        // Eight rows fit a piece: greedily 8 + 2, or 8 + 8 + 1; evenly 5 + 5 and 6 + 6 + 5.
        #expect(pieces(Array(repeating: 10, count: 10), maxHeight: 130).map(\.items.count) == [5, 5])
        let seventeen = pieces(Array(repeating: 10, count: 17), maxHeight: 130)
        #expect(seventeen.map(\.items.count) == [6, 6, 5])
        #expect(seventeen.flatMap(\.items) == Array(0..<17), "every row once, in order")
        #expect(seventeen.map(\.continued) == [false, true, true])
        #expect(seventeen.allSatisfy { $0.height <= 130 })
    }

    @Test func unevenRowsAreSplitGreedilyWhenEvenPiecesWouldNotFit() {
        // Even thirds would put rows 0-3 (260 pt) together: too tall, so the greedy split stands.
        let heights: [Double] = [20, 20, 20, 200, 10, 10, 10, 10, 10]
        let p = pieces(heights, maxHeight: 260)
        #expect(p.flatMap(\.items) == Array(heights.indices))
        #expect(p.allSatisfy { $0.height <= 260 }, "\(p.map(\.height))")
        #expect(p.count == 3)
    }

    @Test func aRowTallerThanAPageIsAPieceOfItsOwn() {
        let p = pieces([10, 500, 10], maxHeight: 130)
        #expect(p.map(\.items) == [[0], [1], [2]])
        #expect(p.filter { $0.height > 130 }.map(\.items) == [[1]], "only the row that cannot fit overflows")
    }

    /// Thirty made-up authorities in a grade matrix, split for a short page in every style: each
    /// piece fits, every row appears once in order (once per column group where large print needs
    /// groups), continuations say so, the key comes last.
    @Test func aLongGradeMatrixContinuesWithItsHeadings() throws {
        let entries = (1...30).map { i in
            NeighbourComparison.Entry(name: "Authority \(i)", isSubject: i == 1, inspected: ChartFixture.date("2024-0\(i % 9 + 1)"),
                                      cells: [.overallEffectiveness: .graded(Grade.allCases[i % Grade.allCases.count], note: nil),
                                              .leaders: .graded(.good, note: nil), .helpAndProtection: .graded(.inadequate, note: nil),
                                              .childrenInCare: .graded(.requiresImprovement, note: nil), .careLeavers: .notJudged(reason: "not judged")],
                                      fromRecord: false)
        }
        let matrix = NeighbourComparison.matrix(subject: "Authority 1", title: "Thirty authorities", entries: entries,
                                                provenance: "made up for a test", sourceLine: "Source: none, a test.", jointUntil: "1 January 2023")
        for name in try ChartFixture.styleNames() {
            let style = try ChartFixture.style(name), renderer = try ChartFixture.renderer(style)
            let maxHeight = renderer.figureSpace / 2
            let parts = matrix.pieces(style: style, text: renderer.engine, width: renderer.contentWidth, maxHeight: maxHeight)
            #expect(parts.count > 1, "\(name)")
            #expect(parts.allSatisfy { $0.size.height <= maxHeight }, "\(name): \(parts.map(\.size.height)) over \(maxHeight)")
            let fit = matrix.columnsThatFit(style: style, text: renderer.engine, width: renderer.contentWidth)
            let groups = (matrix.columns.count + fit - 1) / fit
            let labels = parts.flatMap { $0.textMarks.filter { $0.id?.hasPrefix("label:") == true }.map(\.text) }
            let rows = entries.map { $0.name + " (\($0.inspected!.monthYear))" }.enumerated().map { $0.offset == 0 ? "\u{25B6} \($0.element)" : $0.element }
            #expect(labels == Array(Array(repeating: rows, count: groups).joined()), "\(name): every row once a column group, in order")
            if groups == 1 {
                #expect(parts.first?.title == "Thirty authorities")
                #expect(parts.dropFirst().allSatisfy { $0.title == "Thirty authorities (continued)" }, "\(name)")
            } else {
                #expect(parts.allSatisfy { $0.title.hasPrefix("Thirty authorities (columns ") }, "\(name): \(Set(parts.map(\.title)))")
            }
            let keys = parts.map { $0.textMarks.first { $0.id == "key" }?.text ?? "" }
            #expect(keys.dropLast().allSatisfy { $0 == "Continued on the next page, where the key is given." }, "\(name)")
            #expect(keys.last?.hasPrefix("\u{25B6} marks Authority 1.") == true, "\(name): the key on the last piece")
            for p in parts { for t in p.textMarks { #expect(t.container.contains(t.frame), "\(name): \"\(t.text)\" spills out") } }
        }
    }

    /// More columns than fit side by side with their longest word whole: the columns go in
    /// groups, each under the row labels, rather than words breaking or type shrinking.
    @Test func tooManyColumnsGoInGroups() throws {
        let style = try ChartFixture.style("large-print"), renderer = try ChartFixture.renderer(style)
        let visits = (1...8).map { GradeMatrix.Column(id: "v\($0)", heading: "Visit \($0)", detail: "") }
        let matrix = GradeMatrix(id: "tracker", title: "Eight visits", subtitle: "A test",
                                 rows: [GradeMatrix.Row(id: "a", label: "Area A"), GradeMatrix.Row(id: "b", label: "Area B")],
                                 columns: visits, cells: [Array(repeating: .status(.insufficientProgress, note: nil), count: 8),
                                                          Array(repeating: .notJudged("outside its theme"), count: 8)],
                                 key: "The key.", sourceLine: "Source: a test.", altText: "A test.", table: DataTable(columns: [], rows: []))
        let fit = matrix.columnsThatFit(style: style, text: renderer.engine, width: renderer.contentWidth)
        #expect(fit < 8, "the test needs a matrix wider than the page")
        let parts = matrix.pieces(style: style, text: renderer.engine, width: renderer.contentWidth, maxHeight: renderer.figureSpace)
        let heads = parts.map { p in p.textMarks.filter { $0.id?.hasPrefix("head:") == true }.map(\.text) }
        #expect(heads.flatMap { $0 } == visits.map(\.heading), "every column once, in order")
        #expect(heads.allSatisfy { $0.count <= fit })
        #expect(parts.count == (8 + fit - 1) / fit)
        #expect(parts.first?.title.hasPrefix("Eight visits (columns 1 to \(heads[0].count) of 8)") == true, "\(parts.map(\.title))")
        #expect(parts.last?.textMarks.first { $0.id == "key" }?.text == "The key.")
        for p in parts { for t in p.textMarks { #expect(t.container.contains(t.frame), "\"\(t.text)\" spills out") } }
    }

    /// A data table too wide for its longest words is split into parts that each repeat the
    /// first column; a table that fits, or of two columns, is left alone.
    @Test func wideDataTablesSplitIntoColumnGroups() throws {
        let style = try ChartFixture.style(), engine = try TextEngine()
        let columns = ["Authority"] + ["Commissioning", "Sufficiency", "Accommodation", "Safeguarding", "Participation", "Independence",
                                       "Reunification", "Permanence"]
        let table = DataTable(columns: columns, rows: [["Testborough"] + columns.dropFirst().map { "\($0.count) characters" },
                                                       ["Otherton", "a", "b", "c", "d", "e", "f", "g", "h"]])
        let width = 300.0
        let groups = table.columnGroups(style: style, text: engine, width: width)
        #expect(groups.count > 1)
        #expect(groups.allSatisfy { $0.columns.first == "Authority" }, "each part keeps what a row is about")
        #expect(groups.flatMap { $0.columns.dropFirst() } == Array(columns.dropFirst()), "every other column once, in order")
        for g in groups {
            #expect(g.rows.map(\.first) == ["Testborough", "Otherton"])
            for (r, row) in g.rows.enumerated() {
                for (c, name) in g.columns.enumerated() { #expect(row[c] == table.rows[r][columns.firstIndex(of: name)!]) }
            }
            // Each part's columns hold their longest words side by side (as `layoutTable` measures them).
            let need = g.columns.indices.map { c in
                ([g.columns[c]] + g.rows.map { $0[c] }).flatMap { $0.split(separator: " ") }
                    .map { engine.measure(String($0), style.font(\.note, bold: true)).size.width }.max()! + 7
            }
            #expect(g.columns.count == 2 || need.reduce(0, +) <= width, "\(g.columns): \(need.reduce(0, +)) pt")
        }
        #expect(table.columnGroups(style: style, text: engine, width: 2000).map(\.columns) == [columns], "a table that fits stays whole")
        let two = DataTable(columns: ["Authority", "Commissioning sufficiency"], rows: [["Testborough", "x"]])
        #expect(two.columnGroups(style: style, text: engine, width: 50) == [two], "two columns cannot be split further")
    }
}
