import Foundation
@testable import Rendering
import Testing
import TestTools

/// What `DocumentLayout` promises about pages, checked on made-up documents: every block inside
/// the page's content area, in order; a heading never left alone at the foot of a page; long
/// tables continued under a repeated header; page breaks that never make a blank page; and
/// contents and `{page:…}` citations that give the page a heading really landed on.
@Suite struct Pagination {
    func laidOut(_ blocks: [Block], style: String = "default") throws -> (pages: [PageLayout], renderer: DocumentRenderer) {
        let renderer = try ChartFixture.renderer(try ChartFixture.style(style))
        return (renderer.layout(ChartFixture.document(blocks)), renderer)
    }

    func texts(_ b: BlockLayout) -> [String] { b.marks.compactMap { if case let .text(t) = $0 { return t.text } else { return nil } } }

    /// Sections of uneven length, so headings fall at every height of the page.
    var sections: [Block] {
        (0..<40).flatMap { i -> [Block] in
            [.heading("Section \(i)", level: i % 3 == 0 ? 1 : 2), .paragraph(ChartFixture.words(1 + (i * 7) % 9))]
                + (i % 4 == 0 ? [.bullet("A point of section \(i)."), .bullet("Another point of section \(i).")] : [])
        }
    }

    @Test(arguments: ["default", "large-print"])
    func blocksStayInsideThePageInOrder(style: String) throws {
        let blocks = sections
        let (pages, r) = try laidOut(blocks, style: style)
        #expect(pages.count > 3)
        let placed = pages.flatMap(\.blocks)
        #expect(placed.map(\.layout.blockIndex) == Array(blocks.indices), "every block once, in document order")
        for (p, page) in pages.enumerated() {
            var bottom = r.contentTop
            for (b, y) in page.blocks {
                #expect(y >= bottom - 0.01, "\(style) page \(p + 1): block \(b.blockIndex) overlaps the one above")
                #expect(y + b.height <= r.contentBottom + 0.01, "\(style) page \(p + 1): block \(b.blockIndex) runs past the foot")
                bottom = y + b.height
            }
        }
    }

    /// A list's last item never opens a page with the rest of its list on the page before (read
    /// as a list of one), unless the last two will not fit on a page together: bullets are never
    /// split, so then they part rather than run past the foot.
    @Test(arguments: ["default", "large-print"])
    func aListsLastItemKeepsItsNeighbour(style: String) throws {
        // Lists of three after paragraphs of uneven length, so lists end at every height of the page.
        let blocks: [Block] = (0..<30).flatMap { i -> [Block] in
            [.paragraph(ChartFixture.words(1 + (i * 5) % 7))] + (0..<3).map { Block.bullet("Point \($0) of list \(i).") }
        }
        func isBullet(_ i: Int) -> Bool { if i >= 0, i < blocks.count, case .bullet = blocks[i] { return true } else { return false } }
        let (pages, _) = try laidOut(blocks, style: style)
        var held = 0
        for (p, page) in pages.enumerated() where p > 0 {
            guard let first = page.blocks.first?.layout.blockIndex, isBullet(first) else { continue }
            #expect(isBullet(first + 1) || !isBullet(first - 1), "\(style): page \(p + 1) opens with a list's last item alone")
            if isBullet(first + 1) && !isBullet(first + 2) { held += 1 }
        }
        #expect(held >= 1, "\(style): no list needed its last two items kept together, so the test proved nothing")

        // Two items each over half a page: together they would run past the foot, so they part.
        let n = style == "default" ? 60 : 45
        let tall: [Block] = [.paragraph(ChartFixture.words(3)), .bullet(ChartFixture.words(n)), .bullet(ChartFixture.words(n))]
        let (tallPages, r) = try laidOut(tall, style: style)
        let heights = tallPages.flatMap(\.blocks).filter { $0.layout.blockIndex > 0 }.map(\.layout.height)
        #expect(heights.count == 2 && heights.allSatisfy { $0 < r.pageSpace } && heights.reduce(0, +) > r.pageSpace,
                "\(style): the premise, two items each under a page and together over one: \(heights) against \(r.pageSpace)")
        for (p, page) in tallPages.enumerated() {
            for (b, y) in page.blocks { #expect(y + b.height <= r.contentBottom + 0.01, "\(style) page \(p + 1): block \(b.blockIndex) runs past the foot") }
        }
    }

    @Test(arguments: ["default", "large-print"])
    func aHeadingIsNeverLeftAloneAtTheFootOfAPage(style: String) throws {
        let (pages, r) = try laidOut(sections, style: style)
        var moved = 0
        for (p, page) in pages.enumerated() {
            if p < pages.count - 1 { #expect(page.blocks.last?.layout.heading == nil, "\(style): page \(p + 1) ends with a heading") }
            // A heading that opens a page although it would have fitted below the last block of the
            // page before: kept with its block. The rule must have been needed at least once here.
            if p > 0, let first = page.blocks.first, first.layout.heading != nil, let last = pages[p - 1].blocks.last,
               last.y + last.layout.height + r.style.spacing.blockGap + first.layout.height <= r.contentBottom {
                moved += 1
            }
        }
        #expect(moved >= 1, "\(style): no heading needed moving, so the test proved nothing")
    }

    @Test func aLongTableContinuesUnderItsHeader() throws {
        let table = ChartFixture.table(rows: 150)
        let (pages, r) = try laidOut([.heading("A long table", level: 1), .table(table)])
        let pieces = pages.enumerated().flatMap { p, page in page.blocks.filter { $0.layout.tag == "Table" }.map { (p, $0.layout, $0.y) } }
        #expect(pieces.count >= 3)
        #expect(pieces.map(\.0) == Array(pieces.first!.0..<(pieces.first!.0 + pieces.count)), "one piece a page, consecutive pages")
        #expect(pages[pieces[0].0].blocks.first?.layout.heading?.text == "A long table", "the heading stays with the table")
        for (i, (_, piece, y)) in pieces.enumerated() {
            #expect(Array(texts(piece).prefix(3)) == table.columns, "piece \(i + 1) starts with the header")
            #expect(y + piece.height <= r.contentBottom + 0.01)
            #expect(piece.container == pieces[0].1.container, "one Table element across pages")
            // The header is the table's header once; repeated, it is a pagination artifact.
            let header = try #require(piece.tagging?.first)
            let cells = header.children.filter { $0.artifact == nil }.map(\.tag)
            #expect(i == 0 ? header.tag == "TR" && cells == ["TH", "TH", "TH"] : header.artifact == "Pagination", "piece \(i + 1): \(header.tags)")
        }
        let rows = pieces.flatMap { texts($0.1).filter { $0.range(of: #"^Row \d+$"#, options: .regularExpression) != nil } }
        #expect(rows == table.rows.map { $0[0] }, "every row once, in order")
    }

    @Test func pageBreaksNeverMakeABlankPage() throws {
        let one = try laidOut([.pageBreak, .paragraph("First."), .pageBreak, .pageBreak, .paragraph("Second.")]).pages
        #expect(one.map { $0.blocks.map(\.layout.blockIndex) } == [[1], [4]])
    }

    @Test func contentsAndCitationsGiveTheRealPages() throws {
        let blocks: [Block] = [
            .title("Testborough"), .contents, .pageBreak,
            .heading("Alpha", level: 1), .paragraph(ChartFixture.words(3)), .pageBreak,
            .heading("Beta", level: 1), .paragraph("Alpha is on {page:Alpha}; Gamma on {page:Gamma}."),
            .paragraph(ChartFixture.words(150)), .heading("Gamma", level: 2), .paragraph(ChartFixture.words(3)),
        ]
        let (pages, _) = try laidOut(blocks)
        func page(of heading: String) -> Int? { pages.firstIndex { $0.blocks.contains { $0.layout.heading?.text == heading } }.map { $0 + 1 } }
        let alpha = try #require(page(of: "Alpha")), beta = try #require(page(of: "Beta")), gamma = try #require(page(of: "Gamma"))
        #expect((alpha, beta) == (2, 3))
        #expect(gamma > beta, "the long paragraph pushes Gamma on")
        let contents = try #require(pages[0].blocks.first { $0.layout.tag == "TOC" }?.layout)
        #expect(texts(contents) == ["Alpha", "\(alpha)", "Beta", "\(beta)"], "level-1 headings only, with their pages")
        let citing = try #require(pages.flatMap(\.blocks).first { $0.layout.blockIndex == 7 }?.layout)
        #expect(texts(citing) == ["Alpha is on page \(alpha); Gamma on page \(gamma)."])
    }

    @Test func aFigureTallerThanAPageIsScaledToFit() throws {
        let renderer = try ChartFixture.renderer(try ChartFixture.style())
        let tall = Figure(id: "tall", size: Size(width: 400, height: 2000),
                          marks: [.box(BoxMark(rect: Rect(x: 0, y: 0, width: 400, height: 2000), fill: .black))],
                          title: "Tall", subtitle: "", sourceLine: "", altText: "A tall box.", table: DataTable(columns: [], rows: []))
        let pages = renderer.layout(ChartFixture.document([.figure(tall)]))
        let block = try #require(pages.first?.blocks.first?.layout)
        #expect(abs(block.height - renderer.figureSpace) < 0.01)
        guard case let .box(box)? = block.marks.first else { Issue.record("no box"); return }
        #expect(abs(box.rect.height - renderer.figureSpace) < 0.01 && box.rect.width < 400, "scaled both ways")
    }
}
