import Foundation
@testable import Rendering
import Testing
import TestTools

/// What `PDFAccessibility` adds to cairo's tagged PDF through libqpdf (`QPDF.swift`), read back
/// with qpdf and poppler from a made-up document holding a block of every kind.
@Suite struct PDFCatalogPatching {
    static let title = "Testborough & <friends>: a test"

    func document(_ renderer: DocumentRenderer) -> Document {
        let figure = RatingGrid.figure(ChartFixture.grid, style: renderer.style, text: renderer.engine, width: renderer.contentWidth)
        return ChartFixture.document([
            .title(Self.title), .contents, .pageBreak,
            .heading("Alpha", level: 1), .paragraph("Published at https://www.gov.uk/ofsted for anyone to read."),
            .bullet("One point."), .bullet("Another point."), .quote("Words someone said.", attribution: "Someone, 2026"),
            .keyNumbers([(number: "3", label: "inspections"), (number: "6", label: "visits")]), .table(ChartFixture.table(rows: 60)),
            .pageBreak, .heading("Beta", level: 1), .figure(figure), .note("A note under the figure."),
        ], title: Self.title)
    }

    /// The finished PDF on disk, its structure, and what it was drawn from.
    func finished() throws -> (pdf: String, structure: PDFStructure, document: Document, pages: [PageLayout]) {
        let renderer = try ChartFixture.renderer(try ChartFixture.style())
        let document = document(renderer)
        let pdf = try makeTemporaryFolder() + "/test.pdf"
        try renderer.pdf(document).write(to: URL(fileURLWithPath: pdf))
        return (pdf, try PDFStructure(path: pdf), document, renderer.layout(document))
    }

    @Test func theCatalogSaysLanguageTaggingTitleAndOutlines() throws {
        let (pdf, s, _, layout) = try finished()
        let pages = layout.count
        #expect(PDFStructure.text(s.catalog["/Lang"]) == "en-GB")
        #expect((s.catalog["/MarkInfo"] as? [String: Any])?["/Marked"] as? Bool == true)
        #expect((s.catalog["/ViewerPreferences"] as? [String: Any])?["/DisplayDocTitle"] as? Bool == true)
        #expect(s.catalog["/PageMode"] as? String == "/UseOutlines")
        #expect(s.pages.count == pages && pages >= 3)
        for page in s.pages { #expect(s.dictionary(page)?["/Tabs"] as? String == "/S", "\(page): tab order by structure") }
        let check = try tool("qpdf", ["--check", pdf])
        #expect(check.status == 0 && check.stdout.contains("No syntax or stream encoding errors found"), "\(check.stdout)\(check.stderr)")
    }

    @Test func xmpMetadataMatchesTheDocumentAndIsEscaped() throws {
        let (pdf, _, document, _) = try finished()
        let meta = try tool("pdfinfo", ["-meta", pdf]).stdout
        #expect(meta.contains("<rdf:li xml:lang=\"x-default\">Testborough &amp; &lt;friends&gt;: a test</rdf:li></rdf:Alt></dc:title>"))
        #expect(meta.contains("<rdf:li>\(document.metadata.author)</rdf:li>"))
        #expect(meta.contains("<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li></rdf:Bag></dc:language>"))
        #expect(meta.contains("<xmp:CreateDate>2026-07-07T00:00:00Z</xmp:CreateDate>"))
        #expect(meta.contains("<pdfuaid:part>1</pdfuaid:part>"))
        let producer = try tool("pdfinfo", [pdf]).stdout.split(separator: "\n").first { $0.hasPrefix("Producer:") }.map { normaliseSpace(String($0.dropFirst(9))) }
        #expect(producer != nil && meta.contains("<pdf:Producer>\(producer!)</pdf:Producer>"), "XMP and Info agree on the producer")
    }

    @Test func figuresHeaderCellsAndLinksAreFinished() throws {
        let (_, s, document, layout) = try finished()
        #expect(s.roots.map(\.type) == ["Document"])
        let all = s.roots.flatMap(\.all)
        #expect(!all.contains { $0.type == "Private" }, "artifacts leave the structure tree")
        let figures = all.filter { $0.type == "Figure" }
        let drawn = document.blocks.compactMap { if case let .figure(f) = $0 { return f.altText } else { return nil } }
        #expect(figures.map(\.alt) == drawn)
        for f in figures {
            let box = (f.attributes["/BBox"] as? [Any])?.compactMap { ($0 as? NSNumber)?.doubleValue } ?? []
            #expect(box.count == 4 && box[0] < box[2] && box[1] < box[3] && box[2] <= 595.3 && box[3] <= 841.9, "\(box)")
            #expect(f.attributes["/Placement"] as? String == "/Block")
        }
        let headers = all.filter { $0.type == "TH" }
        #expect(headers.count == 3, "one header row, not one per page")
        #expect(headers.allSatisfy { $0.attributes["/Scope"] as? String == "/Column" })
        let links = all.filter { $0.type == "Link" }.flatMap(\.annotations)
        // The contents' links say where they go, at the page each heading was laid out on.
        let headings = layout.enumerated().flatMap { p, page in
            page.blocks.compactMap { b in b.layout.heading.flatMap { $0.level == 1 ? "Go to \($0.text), page \(p + 1)" : nil } }
        }
        #expect(headings.count == 2)
        let words = Set(links.compactMap { PDFStructure.text($0["/Contents"]) })
        #expect(words == Set(headings + ["Web address: https://www.gov.uk/ofsted"]), "\(words.sorted())")
        #expect(links.allSatisfy { $0["/F"] as? Int == 4 }, "links print")
    }

    /// The running header and footer and decoration are marked content of their artifact kind.
    @Test func artifactsAreMarkedAsTheirKind() throws {
        let (pdf, _, _, layout) = try finished()
        let pages = layout.count
        let qdf = try makeTemporaryFolder() + "/qdf.pdf"
        #expect(try tool("qpdf", ["--qdf", "--object-streams=disable", pdf, qdf]).status == 0)
        let content = String(decoding: try Data(contentsOf: URL(fileURLWithPath: qdf)), as: UTF8.self)
        func count(_ s: String) -> Int { content.components(separatedBy: s).count - 1 }
        #expect(count("/Artifact << /Type /Pagination /Subtype /Header >> BDC") == pages)
        #expect(count("/Artifact << /Type /Pagination /Subtype /Footer >> BDC") == pages)
        #expect(count("/Artifact << /Type /Layout >> BDC") > 0, "the quote's bar, the key numbers' boxes, table banding")
        #expect(count("/Artifact << /Type /Pagination >> BDC") > 0, "the table header repeated on the next page")
        #expect(count("/Private") == 0)
        let spoken = try tool("pdfinfo", ["-struct-text", pdf])
        #expect(!spoken.stdout.contains("Page 1 of") && !spoken.stderr.contains("Warning"), "\(spoken.stderr)")
    }

    @Test func finishingIsRepeatable() throws {
        let renderer = try ChartFixture.renderer(try ChartFixture.style())
        let document = document(renderer)
        #expect(try renderer.pdf(document) == (try renderer.pdf(document)))
    }

    /// Alt text belongs to a figure by the page and marked-content id it was drawn with: a plan
    /// that does not match what cairo wrote is an error, never a silent shift.
    @Test func aPlanThatDoesNotMatchTheFileIsAnError() throws {
        let renderer = try ChartFixture.renderer(try ChartFixture.style())
        let document = document(renderer)
        let tagged = try renderer.cairoPDF(document)
        func finish(_ pages: [[MarkedRole]]) throws -> Data {
            try PDFAccessibility.finish(tagged.cairoOutput, metadata: document.metadata, pageHeight: renderer.style.pageHeight,
                                        pages: pages, destinations: tagged.destinations)
        }
        _ = try finish(tagged.pages)
        let figurePage = try #require(tagged.pages.firstIndex { $0.contains { if case .figure = $0 { return true } else { return false } } })
        var shifted = tagged.pages
        shifted[figurePage].insert(.content("P"), at: 0)
        shifted[figurePage].removeLast()
        #expect(throws: PDFEditError.self) { try finish(shifted) }
        var noAlt = tagged.pages
        noAlt[figurePage] = noAlt[figurePage].map { if case .figure = $0 { return .content("Figure") } else { return $0 } }
        #expect(throws: PDFEditError.self) { try finish(noAlt) }
        var extraPage = tagged.pages
        extraPage.append([])
        #expect(throws: PDFEditError.self) { try finish(extraPage) }
        var unknownLink = tagged.destinations
        unknownLink.removeValue(forKey: unknownLink.keys.sorted().first!)
        #expect(throws: PDFEditError.self) {
            try PDFAccessibility.finish(tagged.cairoOutput, metadata: document.metadata, pageHeight: renderer.style.pageHeight,
                                        pages: tagged.pages, destinations: unknownLink)
        }
    }

    @Test func aPDFWithoutStructureOrNotAPDFIsRefused() throws {
        let surface = try CairoSurface.pdf(width: 595, height: 842)
        CairoContext(surface).showPage()
        let untagged = try surface.finish()
        #expect(throws: PDFEditError.self) {
            try PDFAccessibility.finish(untagged, metadata: ChartFixture.metadata(), pageHeight: 842, pages: [[]], destinations: [:])
        }
        #expect(throws: PDFEditError.self) {
            try PDFAccessibility.finish(Data("not a PDF".utf8), metadata: ChartFixture.metadata(), pageHeight: 842, pages: [[]], destinations: [:])
        }
    }
}
