import BriefingKit
import Foundation
import Rendering
import Testing
import TestSupport

/// Builds every pack in `style` with the real binary (`--formats` as given) into a new folder.
func buildPacks(style: String, formats: String = "pdf,html") throws -> String {
    let out = try makeTemporaryFolder("briefing-html")
    let r = try runProcess(Repo.binary, ["build", "--quiet", "--style", style, "--formats", formats,
                                         "--reports", Repo.path("Reports"), "--styles", Repo.path("Styles"), "--out", out])
    guard r.status == 0 else { throw StructureError("build --style \(style) failed: \(r.stderr)") }
    return out
}

/// The words of a block as the reader meets them, to find in the page in order.
/// A page citation as the HTML page words it: `“X”, {page:X}` becomes the linked “X” alone.
func htmlCitations(_ s: String) -> String {
    guard s.contains("{page:") else { return s }
    return s.replacingOccurrences(of: #", \{page:[^}]*\}"#, with: "", options: .regularExpression)
}

func blockText(_ block: Block) -> [String] {
    switch block {
    case let .title(s), let .heading(s, _), let .paragraph(s), let .note(s), let .bullet(s): return [htmlCitations(s)]
    case let .quote(s, a): return ["\u{201C}\(s)\u{201D}", "\u{2014} \(a)"]
    case let .keyNumbers(items): return items.flatMap { [$0.number, $0.label] }
    case let .figure(f): return [f.title]
    case .contents, .table, .pageBreak: return []
    }
}

@Suite(.serialized) struct HTMLPacks {
    /// Every pack in every style: the page says what the Document says, in the same order, with
    /// the structure a screen reader needs, and fetches nothing.
    @Test(arguments: styleIDs)
    func pageFollowsTheDocument(style: String) throws {
        let out = try buildPacks(style: style, formats: "html")
        for id in packIDs {
            let composed = try composePack(id, style: style, out: out)
            let blocks = composed.document.blocks
            let raw = try String(contentsOfFile: "\(out)/\(id).html", encoding: .utf8)
            let page = try HTMLReader(Data(raw.utf8)).root
            let what = "\(id)/\(style)"
            // Self-contained: no script, no linked or embedded resource, no address to fetch.
            for banned in ["<script", "<link", "<img", "<iframe", "src=", "@import", "url(http", "url(\"http", "url('http"] {
                #expect(!raw.contains(banned), "\(what): contains \(banned)")
            }
            let html = try #require(page.all("html").first)
            #expect(html["lang"] == "en-GB", "\(what): language")
            #expect(page.all("title").first?.text() == "\(composed.document.metadata.title) \u{2014} \(composed.document.metadata.author)")
            // The style's colours, fonts and sizes are the page's.
            let css = page.all("style").first?.text() ?? ""
            #expect(css.contains("--text: \(composed.style.colours.text.hex)") && css.contains("--accent: \(composed.style.colours.accent.hex)"), "\(what): colours")
            #expect(css.contains("\"\(composed.style.fontFamilies[0])\""), "\(what): font")
            #expect(css.contains("--size-body: \(SVGWriterNumber(composed.style.sizes.body))pt"), "\(what): body size")
            #expect(css.contains("@media print") && css.contains("size: A4"), "\(what): print style sheet")
            // Skip link first, then the landmarks, once each.
            let body = try #require(page.all("body").first)
            let first = body.elements.first
            #expect(first?.name == "a" && first?["href"] == "#main", "\(what): the skip link comes first")
            #expect(body.elements.map(\.name) == ["a", "header", "main", "footer"], "\(what): landmarks \(body.elements.map(\.name))")
            #expect(page.all("main").first?["id"] == "main")
            #expect(page.all("nav").count == 1, "\(what): one navigation landmark (the contents)")
            let ids = page.all.compactMap { $0["id"] }
            #expect(Set(ids).count == ids.count, "\(what): duplicate ids \(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
            // Headings: the Document's, in order, and no level skipped.
            let headings = page.all("h1", "h2", "h3")
            var expected = blocks.compactMap { b -> String? in
                if case let .title(s) = b { return s }
                if case let .heading(s, _) = b { return s }
                return nil
            }
            // A pack without a cover is headed by its title and the contents.
            if !blocks.contains(where: { if case .title = $0 { return true } else { return false } }) {
                expected = [composed.document.metadata.title, "Contents"] + expected
            }
            #expect(headings.map { $0.text() } == expected.map(normaliseSpace), "\(what): headings")
            #expect(headings.first?.name == "h1" && headings.filter { $0.name == "h1" }.count == 1, "\(what): one h1")
            for (a, b) in zip(headings, headings.dropFirst()) {
                #expect(Int(b.name.dropFirst())! <= Int(a.name.dropFirst())! + 1, "\(what): \(a.name) then \(b.name) \"\(b.text())\"")
            }
            // The contents: a link to every level-1 heading, each landing on that heading.
            let links = page.all("nav").flatMap { $0.all("a") }
            let level1 = blocks.compactMap { b -> String? in if case let .heading(s, 1) = b { return s } else { return nil } }
            #expect(links.map { $0.text() } == level1.map(normaliseSpace), "\(what): contents")
            for a in links {
                let target = page.all.first { $0["id"] == String(a["href"]!.dropFirst()) }
                #expect(target?.name == "h2" && target?.text() == a.text(), "\(what): \(a["href"]!) does not land on \"\(a.text())\"")
            }
            // Every block's words, in the Document's order.
            let text = page.all("main").first!.text(skipping: ["svg", "details", "table", "ol"]).replacingOccurrences(of: "- ", with: "-")
            var at = text.startIndex
            for block in blocks {
                for words in blockText(block).map(normaliseSpace) where !words.isEmpty {
                    guard let r = text.range(of: words.replacingOccurrences(of: "- ", with: "-"), range: at..<text.endIndex) else {
                        Issue.record("\(what): \"\(words.prefix(60))\" is missing or out of order"); continue
                    }
                    at = r.upperBound
                }
            }
            // Tables: real tables, every header cell scoped, the Document's rows.
            let tables = blocks.compactMap { b -> DataTable? in if case let .table(t) = b { return t } else { return nil } }
            let plain = page.all("table").filter { t in !t.ancestors.contains { $0.name == "details" } }
            #expect(plain.count == tables.count, "\(what): \(plain.count) tables for \(tables.count)")
            for (t, table) in zip(plain, tables) { checkTable(t, table, what) }
            // Charts: inline SVG named by its title and described by its alt text, its data beside it.
            let figures = blocks.enumerated().compactMap { b -> (Int, Figure)? in if case let .figure(f) = b.element { return (b.offset, f) } else { return nil } }
            #expect(page.all("figure").count == figures.count, "\(what): figures")
            for (index, f) in figures {
                guard let node = page.all.first(where: { $0["id"] == "b\(index)" }), node.name == "figure" else {
                    Issue.record("\(what): no figure for \(f.id)"); continue
                }
                let svg = try #require(node.all("svg").first)
                #expect(svg["role"] == "img", "\(what)/\(f.id): svg role")
                let named = (svg["aria-labelledby"] ?? "").split(separator: " ").map { id in node.all.first { $0["id"] == String(id) }?.text() }
                #expect(named == [normaliseSpace(f.title), normaliseSpace(f.altText)], "\(what)/\(f.id): svg title and desc")
                #expect(node.all("figcaption").first?.all("span").first?.text() == normaliseSpace(f.title), "\(what)/\(f.id): caption")
                let details = node.all("details")
                #expect(details.count == 1 && details[0].elements.first?.name == "summary", "\(what)/\(f.id): data table in details")
                if let t = details.first?.all("table").first { checkTable(t, f.table, "\(what)/\(f.id)") }
            }
        }
    }

    func checkTable(_ t: HTMLNode, _ table: DataTable, _ what: String) {
        let head = t.all("thead").first?.all("th") ?? []
        #expect(head.map { $0.text() } == table.columns.map(normaliseSpace), "\(what): column headers")
        #expect(head.allSatisfy { $0["scope"] == "col" }, "\(what): column header scope")
        let rows = t.all("tbody").first?.all("tr") ?? []
        #expect(rows.count == table.rows.count, "\(what): \(rows.count) rows for \(table.rows.count)")
        for (tr, row) in zip(rows, table.rows) {
            let cells = tr.elements
            #expect(cells.first?.name == "th" && cells.first?["scope"] == "row", "\(what): row header")
            #expect(cells.map { $0.text() } == row.map(normaliseSpace), "\(what): row \(row.first ?? "")")
        }
    }

    /// Building twice gives the same bytes.
    @Test func pageIsByteIdenticalOnRebuild() throws {
        let a = try buildPacks(style: "large-print", formats: "html"), b = try buildPacks(style: "large-print", formats: "html")
        for id in packIDs {
            let x = try Data(contentsOf: URL(fileURLWithPath: "\(a)/\(id).html")), y = try Data(contentsOf: URL(fileURLWithPath: "\(b)/\(id).html"))
            #expect(!x.isEmpty && x == y, "\(id).html differs between builds")
        }
        let listing = try FileManager.default.contentsOfDirectory(atPath: a).filter { !$0.hasPrefix(".") }
        #expect(listing.allSatisfy { $0.hasSuffix(".html") || $0.hasSuffix(".manifest.json") }, "--formats html wrote \(listing.sorted())")
    }

    @Test func unknownFormatIsAUsageError() throws {
        let r = try runProcess(Repo.binary, ["build", "--formats", "pdf,htm", "--reports", Repo.path("Reports"), "--out", try makeTemporaryFolder()])
        #expect(r.status == 64 && r.stderr.contains("unknown format \"htm\""), "\(r.status) \(r.stderr)")
    }
}

/// Numbers as the SVG and CSS write them ("9.5", "13").
func SVGWriterNumber(_ v: Double) -> String {
    var s = String(format: "%.2f", v)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s
}
