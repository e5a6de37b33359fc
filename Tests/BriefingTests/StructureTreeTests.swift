import BriefingKit
import Foundation
import Rendering
import Testing
import BriefingTestSupport

/// Walks a built pack's structure tree (qpdf --json) and lists every way it breaks the rules a
/// screen reader relies on, compared with the layout the PDF was drawn from.
func structureProblems(pdf: String, composed: PackPipeline.ComposedPack) throws -> [String] {
    var problems: [String] = []
    let s = try PDFStructure(path: pdf)
    let pages = composed.renderer.layout(composed.document)
    let blocks = pages.flatMap { $0.blocks.map(\.layout) }

    // Catalog and metadata.
    if PDFStructure.text(s.catalog["/Lang"]) != composed.document.metadata.language { problems.append("no /Lang") }
    if (s.catalog["/MarkInfo"] as? [String: Any])?["/Marked"] as? Bool != true { problems.append("not marked") }
    if (s.catalog["/ViewerPreferences"] as? [String: Any])?["/DisplayDocTitle"] as? Bool != true { problems.append("title not displayed") }
    let meta = try runProcess("pdfinfo", ["-meta", pdf]).stdout
    if !meta.contains("<pdfuaid:part>1</pdfuaid:part>") { problems.append("XMP without pdfuaid:part 1") }
    let title = composed.document.metadata.title.replacingOccurrences(of: "&", with: "&amp;")
    if !meta.contains("<rdf:li xml:lang=\"x-default\">\(title)</rdf:li></rdf:Alt></dc:title>") { problems.append("XMP without dc:title") }

    // One Document root; only standard types; no artifact left in the tree.
    guard s.roots.count == 1, let document = s.roots.first, document.type == "Document" else {
        return problems + ["the tree's root is \(s.roots.map(\.type)), not one Document"]
    }
    let all = document.all
    let standard: Set<String> = ["Document", "Div", "Caption", "TOC", "TOCI", "P", "H1", "H2", "L", "LI", "Lbl", "LBody",
                                 "Table", "TR", "TH", "TD", "Link", "Figure", "BlockQuote"]
    for e in all where !standard.contains(e.type) { problems.append("unexpected element /\(e.type)") }
    for e in all where e.kids.isEmpty && (e.mcids.isEmpty || e.page == nil) { problems.append("/\(e.type) leaf without content on a page") }
    for e in all where e.type == "BlockQuote" && e.kids.map(\.type) != ["P", "P"] { problems.append("a BlockQuote with \(e.kids.map(\.type))") }

    // Headings in reading order, as laid out.
    let headings = all.filter { $0.type == "H1" || $0.type == "H2" }.map(\.type)
    let expectedHeadings = blocks.compactMap { b in b.heading.map { $0.level <= 1 ? "H1" : "H2" } }
    if headings != expectedHeadings { problems.append("headings \(headings) but laid out \(expectedHeadings)") }

    // Lists: L › LI › Lbl + LBody, one LI per bullet.
    for e in all where e.type == "L" && (e.kids.isEmpty || e.kids.contains { $0.type != "LI" }) { problems.append("an L with \(e.kids.map(\.type))") }
    for e in all where e.type == "LI" && e.kids.map(\.type) != ["Lbl", "LBody"] { problems.append("an LI with \(e.kids.map(\.type))") }
    for e in all where e.kids.contains(where: { $0.type == "LI" }) && e.type != "L" { problems.append("LI inside /\(e.type)") }
    let items = all.filter { $0.type == "LI" }.count, bullets = blocks.filter { $0.tag == "LI" }.count
    if items != bullets { problems.append("\(items) list items for \(bullets) bullets") }

    // Tables: a header row of TH with a column scope, then a TR of TD per data row.
    let tables = composed.document.blocks.compactMap { if case let .table(t) = $0 { return t } else { return nil } }
    let tableElements = all.filter { $0.type == "Table" }
    if tableElements.count != tables.count { problems.append("\(tableElements.count) Table elements for \(tables.count) tables") }
    for (t, e) in zip(tables, tableElements) {
        let rows = e.kids
        if rows.contains(where: { $0.type != "TR" }) || rows.count != t.rows.count + 1 {
            problems.append("table \"\(t.columns.first ?? "")\": \(rows.count) rows for \(t.rows.count) and a header"); continue
        }
        if rows[0].kids.map(\.type) != Array(repeating: "TH", count: t.columns.count) { problems.append("a header row of \(rows[0].kids.map(\.type))") }
        for th in rows[0].kids where th.attributes["/Scope"] as? String != "/Column" { problems.append("a TH without /Scope /Column") }
        for row in rows.dropFirst() where row.kids.map(\.type) != Array(repeating: "TD", count: t.columns.count) { problems.append("a data row of \(row.kids.map(\.type))") }
    }

    // Figures: each in a Div after its Caption, with the figure's own alt text and a box on the page.
    let figureBlocks = blocks.filter { $0.tag == "Figure" }
    let figures = all.filter { $0.type == "Figure" }
    if figures.map(\.alt) != figureBlocks.map(\.altText) { problems.append("figure alt texts differ from the figures' (\(figures.count) for \(figureBlocks.count))") }
    for f in figures {
        let box = (f.attributes["/BBox"] as? [Any])?.compactMap { ($0 as? NSNumber)?.doubleValue } ?? []
        if box.count != 4 || !(0 <= box[0] && box[0] < box[2] && box[2] <= composed.style.pageWidth && 0 <= box[1] && box[1] < box[3] && box[3] <= composed.style.pageHeight) {
            problems.append("a figure with bounding box \(box)")
        }
    }
    for e in all where e.type == "Div" && e.kids.map(\.type) != ["Caption", "Figure"] { problems.append("a Div with \(e.kids.map(\.type))") }

    // Links: each with its annotation, described; contents entries go to named destinations.
    let names = (s.dictionary(s.dictionary(s.catalog["/Names"])?["/Dests"])?["/Names"] as? [Any] ?? []).compactMap(PDFStructure.text)
    for link in all.filter({ $0.type == "Link" }) {
        guard link.annotations.count == 1, let a = link.annotations.first, a["/Subtype"] as? String == "/Link",
              let words = PDFStructure.text(a["/Contents"]), !words.isEmpty, a["/StructParent"] is Int else {
            problems.append("a Link without one described link annotation"); continue
        }
        if let dest = PDFStructure.text(a["/Dest"]), !names.contains(dest) { problems.append("a link to missing destination \(dest)") }
    }
    // Each contents link lands on the page its heading was laid out on.
    let namesArray = s.dictionary(s.dictionary(s.catalog["/Names"])?["/Dests"])?["/Names"] as? [Any] ?? []
    var destPages: [String: Int] = [:]
    for i in stride(from: 0, to: namesArray.count - 1, by: 2) {
        if let name = PDFStructure.text(namesArray[i]), let target = namesArray[i + 1] as? [Any], let page = target.first as? String,
           let n = s.pages.firstIndex(of: page) { destPages[name] = n + 1 }
    }
    for (p, page) in pages.enumerated() {
        for b in page.blocks where b.layout.heading?.level == 1 && destPages["h\(b.layout.blockIndex)"] != p + 1 {
            problems.append("the link to \"\(b.layout.heading?.text ?? "")\" does not go to page \(p + 1)")
        }
    }
    let tocEntries = all.filter { $0.type == "TOCI" }
    let contentsLines = composed.document.blocks.contains { if case .contents = $0 { return true } else { return false } }
        ? pages.dropFirst().flatMap { $0.blocks.filter { $0.layout.heading?.level == 1 } }.count : 0
    if tocEntries.count != contentsLines { problems.append("\(tocEntries.count) contents entries for \(contentsLines) sections") }
    for e in tocEntries where e.kids.map(\.type) != ["Link"] { problems.append("a TOCI with \(e.kids.map(\.type))") }
    let uriLinks = all.filter { $0.type == "Link" && ($0.annotations.first?["/A"] as? [String: Any])?["/URI"] != nil }.count
    let addresses = blocks.filter { b in b.tag == "P" && b.marks.contains { if case let .text(t) = $0 { return t.text.contains("https://") } else { return false } } }.count
    if uriLinks != addresses { problems.append("\(uriLinks) web links for \(addresses) paragraphs with a web address") }

    // Fonts: every CID TrueType font maps its glyphs.
    for (key, o) in s.objects where key.hasPrefix("obj:") {
        if let d = (o as? [String: Any])?["value"] as? [String: Any], d["/Subtype"] as? String == "/CIDFontType2", d["/CIDToGIDMap"] == nil {
            problems.append("font \(d["/BaseFont"] ?? "") without /CIDToGIDMap")
        }
    }

    // poppler reads the tree without complaint, and reads it without running headers and footers.
    let tree = try runProcess("pdfinfo", ["-struct", pdf])
    if tree.stderr.contains("Warning") || tree.stderr.contains("Error") { problems.append("pdfinfo -struct: \(tree.stderr.prefix(200))") }
    let spoken = try runProcess("pdfinfo", ["-struct-text", pdf]).stdout
    if spoken.contains("Page 1 of") || spoken.contains(composed.document.footerLeft) { problems.append("the footer is read out") }
    // (poppler prints an element's first line only.)
    if !spoken.contains(String(expectedHeadingText(blocks).prefix(20))) { problems.append("the first heading is not read") }
    return problems
}

func expectedHeadingText(_ blocks: [BlockLayout]) -> String { blocks.first { $0.heading != nil }?.heading?.text ?? "" }
