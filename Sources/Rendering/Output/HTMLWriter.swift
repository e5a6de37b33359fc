import Foundation

/// A pack as one self-contained HTML page, from the same `Document` the PDF is drawn from, so
/// the two say the same things in the same order. Government guidance is to publish in HTML
/// first, and screen-reader users are better served by HTML than by any PDF.
///
/// Nothing is fetched and nothing runs: the style sheet and every chart (as SVG) are inline, the
/// fonts are named, not embedded. The page is also well-formed XML (void elements closed, only
/// the five XML entities), so tests can read it with an XML parser. No clock, no dictionary
/// order: the same document gives the same bytes.
struct HTMLWriter {
    let style: Style
    let engine: TextEngine
    var out: [String] = []
    /// The text of the heading read last, to name the table that follows it.
    private var lastHeading = ""
    /// Each level-1 heading's anchor, for the `{page:Heading}` citations a summary makes: a web
    /// page has no page numbers, so the cited heading becomes a link to its section.
    private var sectionAnchors: [String: String] = [:]
    /// True once a level-1 heading was written: a level-2 heading before it sits under the title.
    private var inSection = false

    init(style: Style, engine: TextEngine) { self.style = style; self.engine = engine }

    static func escaped(_ s: String) -> String { SVGWriter.escaped(s) }

    /// The whole page: skip link, header, main (the document's blocks), footer.
    static func page(_ document: Document, style: Style, engine: TextEngine) -> Data {
        var w = HTMLWriter(style: style, engine: engine)
        let m = document.metadata, e = escaped
        w.out += [
            "<!DOCTYPE html>",
            "<html lang=\"\(e(m.language))\" xml:lang=\"\(e(m.language))\">",
            "<head>",
            "<meta charset=\"utf-8\"/>",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>",
            "<title>\(e(m.title)) \u{2014} \(e(m.author))</title>",
            "<meta name=\"author\" content=\"\(e(m.author))\"/>",
            "<meta name=\"description\" content=\"\(e(m.subject))\"/>",
            "<meta name=\"keywords\" content=\"\(e(m.keywords))\"/>",
            "<meta name=\"generator\" content=\"\(e(m.creator))\"/>",
            "<meta name=\"dcterms.created\" content=\"\(e(m.createDate))\"/>",
            "<style>", HTMLStyleSheet.css(style), "</style>",
            "</head>",
            "<body>",
            "<a class=\"skip-link\" href=\"#main\">Skip to main content</a>",
            "<header class=\"running\"><p class=\"header-title\">\(e(document.headerTitle))</p>" +
                "<p class=\"marking\">\(e(document.marking))</p></header>",
            "<main id=\"main\" tabindex=\"-1\">",
            "<section class=\"page first\">",
        ]
        // A pack without a cover still needs a page heading and a way round: its title, as the
        // PDF shows it in the viewer's title bar, and the contents.
        if !document.blocks.contains(where: { if case .title = $0 { return true } else { return false } }) {
            w.out += ["<h1 id=\"title\">\(e(m.title))</h1>", "<nav class=\"contents\" aria-labelledby=\"contents\">",
                      "<h2 id=\"contents\">Contents</h2>"]
            w.contents(Self.level1(document.blocks))
            w.out.append("</nav>")
        }
        w.blocks(document.blocks)
        w.out += [
            "</section>",
            "</main>",
            "<footer class=\"running\"><p>\(e(document.footerLeft))</p>" +
                "<p>\(e(document.marking)) \u{00B7} made by \(e(m.creator))</p></footer>",
            "</body>",
            "</html>",
        ]
        return Data((w.out.joined(separator: "\n") + "\n").utf8)
    }

    /// Every block in order. Runs of bullets become one list; a heading followed by the contents
    /// becomes the contents' navigation landmark; a page break starts a new section (and, in
    /// print, a new page).
    mutating func blocks(_ blocks: [Block]) {
        let e = Self.escaped
        var i = 0
        let level1 = Self.level1(blocks)
        for (index, title) in level1 { sectionAnchors[title] = DocumentRenderer.dest(index) }
        for (index, block) in blocks.enumerated() {
            if case let .heading(s, 2) = block, sectionAnchors[s] == nil { sectionAnchors[s] = "b\(index)" }
        }
        while i < blocks.count {
            let block = blocks[i]
            let id = "b\(i)"
            switch block {
            case .pageBreak:
                out += ["</section>", "<section class=\"page\">"]
            case let .title(s):
                out.append("<h1 id=\"\(id)\">\(e(s))</h1>")
            case let .heading(s, level):
                lastHeading = s
                if i + 1 < blocks.count, case .contents = blocks[i + 1] {
                    out.append("<nav class=\"contents\" aria-labelledby=\"\(id)\">")
                    out.append("<h2 id=\"\(id)\">\(e(s))</h2>")
                    contents(level1)
                    out.append("</nav>")
                    i += 2
                    continue
                }
                // Level-1 headings keep the PDF's named destinations (h<index>) as their ids.
                if level == 1 { inSection = true }
                let tag = level == 1 || !inSection ? "h2" : "h3"
                let anchor = level == 1 ? DocumentRenderer.dest(i) : id
                out.append("<\(tag) id=\"\(anchor)\">\(e(s))</\(tag)>")
            case let .paragraph(s):
                out.append("<p>\(linked(s))</p>")
            case let .note(s):
                out.append("<p class=\"note\">\(linked(s))</p>")
            case .bullet:
                out.append("<ul>")
                while i < blocks.count, case let .bullet(s) = blocks[i] {
                    out.append("<li>\(linked(s))</li>")
                    i += 1
                }
                out.append("</ul>")
                continue
            case let .quote(s, attribution):
                out.append("<blockquote><p>\u{201C}\(e(s))\u{201D}</p><p class=\"attribution\">\u{2014} \(e(attribution))</p></blockquote>")
            case let .keyNumbers(items):
                out.append("<div class=\"key-numbers\">" + items.map {
                    "<p class=\"key-number\"><span class=\"number\">\(e($0.number))</span> <span class=\"label\">\(e($0.label))</span></p>"
                }.joined() + "</div>")
            case .contents:
                out.append("<nav class=\"contents\" aria-label=\"Contents\">")
                contents(level1)
                out.append("</nav>")
            case let .table(t):
                out.append(table(t, id: id, name: lastHeading))
            case let .figure(f):
                figure(f, id: id)
            }
            i += 1
        }
    }

    /// The level-1 headings and the index of their blocks.
    static func level1(_ blocks: [Block]) -> [(Int, String)] {
        blocks.enumerated().compactMap { item -> (Int, String)? in
            if case let .heading(s, 1) = item.element { return (item.offset, s) } else { return nil }
        }
    }

    /// The contents: every level-1 heading, a link to its anchor (no page numbers: a web page
    /// has none).
    mutating func contents(_ headings: [(Int, String)]) {
        out.append("<ol>")
        for (index, title) in headings {
            out.append("<li><a href=\"#\(DocumentRenderer.dest(index))\">\(Self.escaped(title))</a></li>")
        }
        out.append("</ol>")
    }

    /// Text with every printed web address made a link to itself (as the PDF's link areas do).
    func linked(_ s: String) -> String {
        var result = "", at = s.startIndex
        for a in WebAddress.find(in: s) {
            result += Self.escaped(String(s[at..<a.range.lowerBound]))
            let text = Self.escaped(a.address)
            result += "<a href=\"\(text)\">\(text)</a>"
            at = a.range.upperBound
        }
        return pageCitations(result + Self.escaped(String(s[at...])))
    }

    /// `“Key indicators”, {page:Key indicators}` → a link on “Key indicators” to its section.
    func pageCitations(_ html: String) -> String {
        guard DocumentRenderer.hasPageReference(html) else { return html }
        var out = html
        while let open = out.range(of: "{page:"), let close = out[open.upperBound...].firstIndex(of: "}") {
            // A web page has no pages: `{page:Heading#mark}` links to the heading's section.
            let title = String(out[open.upperBound..<close].prefix { $0 != "#" })
            let anchor = sectionAnchors.first { Self.escaped($0.key) == title || $0.key == title }?.value
            let quoted = "\u{201C}\(title)\u{201D}, "
            if let anchor, let q = out[..<open.lowerBound].range(of: quoted, options: .backwards), q.upperBound == open.lowerBound {
                out.replaceSubrange(q.lowerBound...close, with: "<a href=\"#\(anchor)\">\u{201C}\(title)\u{201D}</a>")
            } else {
                out.replaceSubrange(open.lowerBound...close, with: anchor.map { "<a href=\"#\($0)\">its section</a>" } ?? "its section")
            }
        }
        return out
    }

    /// A real table: column headers `th scope="col"`, the first cell of each row `th scope="row"`
    /// (what the row is about), in a region that scrolls sideways on a narrow screen and can be
    /// reached with the keyboard to do so.
    func table(_ t: DataTable, id: String, name: String) -> String {
        let e = Self.escaped
        var rows = ["<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"\(id)-caption\" tabindex=\"0\">",
                    "<table id=\"\(id)\">",
                    "<caption id=\"\(id)-caption\" class=\"visually-hidden\">\(e(name))</caption>",
                    "<thead><tr>" + t.columns.map { "<th scope=\"col\">\(e($0))</th>" }.joined() + "</tr></thead>",
                    "<tbody>"]
        for row in t.rows {
            let cells = t.columns.indices.map { c in c < row.count ? row[c] : "" }
            rows.append("<tr>" + cells.enumerated().map { c, v in
                c == 0 ? "<th scope=\"row\">\(e(v))</th>" : "<td>\(e(v))</td>"
            }.joined() + "</tr>")
        }
        rows += ["</tbody>", "</table>", "</div>"]
        return rows.joined(separator: "\n")
    }
}
