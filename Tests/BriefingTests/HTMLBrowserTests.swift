import BriefingKit
import Foundation
import Rendering
import Testing
import BriefingTestSupport

/// The virtual environment `make test` makes with Selenium and axe-selenium-python.
let htmlPython = Repo.path(".venv-html/bin/python")

/// Says why a browser test cannot run, on standard error as well as in the test's result, so a
/// skip is never silent; then skips.
func skipVisibly(_ why: String) throws -> Never {
    FileHandle.standardError.write(Data("SKIPPED: \(why)\n".utf8))
    try Test.cancel(Comment(rawValue: why))
}

@Suite(.serialized) struct HTMLInABrowser {
    /// Every pack in every style opened in headless Chromium and checked by axe-core with the
    /// WCAG 2.2 AA rules (wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa): no violation at all.
    /// Each page is also printed to PDF by Chromium, which must give A4 pages.
    @Test func axeFindsNoViolationsInAnyPackOrStyle() throws {
        guard FileManager.default.isExecutableFile(atPath: htmlPython) else {
            try skipVisibly("\(htmlPython) is missing: run `make test` (it installs Chromium, chromium-driver, Selenium and axe-selenium-python)")
        }
        var pages: [String] = []
        for style in styleIDs {
            let (built, out) = try Briefing.build(["--quiet", "--style", style, "--formats", "html"])
            try #require(built.status == 0, "\(built.stderr)")
            pages += packIDs.map { "\(out)/\($0).html" }
        }
        let work = try makeTemporaryFolder("briefing-axe")
        let r = try runProcess(htmlPython, [Repo.path("scripts/html_check.py"), "--report", "\(work)/axe.json", "--print-dir", work] + pages)
        if r.status == 77 { try skipVisibly(String(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines).trimmingPrefix("SKIP: "))) }
        #expect(r.status == 0, "axe-core found violations:\n\(r.stdout)\(r.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(work)/axe.json"))) as? [String: Any])
        // WCAG 2.2 rules exist from axe-core 4.5 on; an older copy would pass without checking them.
        let version = (report["axe_core"] as? String ?? "0").split(separator: ".").compactMap { Int($0) }
        #expect(version.lexicographicallyPrecedes([4, 5]) == false, "axe-core \(report["axe_core"] ?? "?") has no WCAG 2.2 rules")
        #expect(report["tags"] as? [String] == ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
        let results = report["pages"] as? [[String: Any]] ?? []
        #expect(results.count == pages.count, "axe checked \(results.count) of \(pages.count) pages")
        for p in results {
            let violations = p["violations"] as? [[String: Any]] ?? []
            #expect(violations.isEmpty, "\(p["page"] ?? ""): \(violations.map { $0["id"] ?? "" })")
            #expect((p["passes"] as? Int ?? 0) >= 15, "\(p["page"] ?? ""): only \(p["passes"] ?? 0) rules applied")
        }
        // Print: A4 pages, and the data tables printed (their details open on paper).
        for page in pages.prefix(packIDs.count) {
            let name = URL(fileURLWithPath: page).deletingPathExtension().lastPathComponent
            let pdf = "\(work)/\(name).print.pdf"
            let info = try runProcess("pdfinfo", [pdf]).stdout
            #expect(info.contains("(A4)"), "\(name): printout is not A4: \(info)")
            let printed = normaliseSpace(try runProcess("pdftotext", [pdf, "-"]).stdout)
            #expect(printed.contains("Judgement") && !printed.contains("Skip to main content"), "\(name): printout")
        }
    }

    /// The HTML and the PDF of the same pack, each read back by its own means (an XML parser;
    /// pdftotext, cropped to each chart's laid-out box), carry the same facts: the same headings
    /// in the same order, and each chart's title and every number it shows.
    @Test(arguments: styleIDs)
    func htmlAndPDFCarryTheSameFacts(style: String) throws {
        let (built, out) = try Briefing.build(["--quiet", "--style", style, "--formats", "pdf,html"])
        try #require(built.status == 0, "\(built.stderr)")
        for id in packIDs {
            let what = "\(id)/\(style)"
            let composed = try composePack(id, style: style)
            let page = try HTMLReader(path: "\(out)/\(id).html").root
            let pdf = "\(out)/\(id).pdf"
            let pdfText = normaliseSpace(try runProcess("pdftotext", [pdf, "-"]).stdout)
            // Headings: those of the HTML, found in the PDF's text in the same order. A pack
            // without a cover has its title and contents put before them in HTML (ids "title" and
            // "contents"): the title must be the PDF's own, as its viewer shows it.
            var at = pdfText.startIndex
            let added = page.all("h1", "h2").filter { ["title", "contents"].contains($0["id"] ?? "") }
            if let title = added.first(where: { $0["id"] == "title" }) {
                let info = try runProcess("pdfinfo", [pdf]).stdout.split(separator: "\n")
                let pdfTitle = info.first { $0.hasPrefix("Title:") }.map { normaliseSpace(String($0.dropFirst(6))) }
                #expect(pdfTitle == title.text(), "\(what): HTML title \"\(title.text())\" is not the PDF's \(pdfTitle ?? "none")")
            }
            for h in page.all("h1", "h2", "h3").filter({ !["title", "contents"].contains($0["id"] ?? "") }).map({ $0.text() }) {
                guard let r = pdfText.range(of: h, range: at..<pdfText.endIndex) else { Issue.record("\(what): heading \"\(h)\" not in the PDF in order"); continue }
                at = r.upperBound
            }
            // Charts: for each on the laid-out pages, the PDF's text inside its box against the
            // HTML figure's (caption, picture, key and source; not the data table beside it).
            let style = composed.style
            for (p, laid) in composed.renderer.layout(composed.document).enumerated() {
                for (block, y) in laid.blocks where block.tag == "Figure" {
                    guard case let .figure(f) = composed.document.blocks[block.blockIndex],
                          let node = page.all.first(where: { $0["id"] == "b\(block.blockIndex)" }) else {
                        Issue.record("\(what): figure block \(block.blockIndex) missing from the HTML"); continue
                    }
                    let box = ["-x", "\(Int(style.margin) - 2)", "-y", "\(Int(y) - 2)", "-W", "\(Int(style.pageWidth - 2 * style.margin) + 4)", "-H", "\(Int(block.height) + 4)"]
                    let cropped = normaliseSpace(try runProcess("pdftotext", ["-f", "\(p + 1)", "-l", "\(p + 1)"] + box + [pdf, "-"]).stdout)
                    let htmlText = node.text(skipping: ["details", "title", "desc"])
                    let title = normaliseSpace(f.title).replacingOccurrences(of: "- ", with: "-")
                    #expect(cropped.replacingOccurrences(of: "- ", with: "-").contains(title), "\(what): PDF page \(p + 1) lacks \"\(f.title)\"")
                    #expect(node.all("figcaption").first?.all("span").first?.text() == normaliseSpace(f.title), "\(what): HTML caption of \(f.id)")
                    let inPDF = numbers(in: cropped), inHTML = numbers(in: htmlText)
                    #expect(!inHTML.isEmpty, "\(what)/\(f.id): no numbers")
                    #expect(inPDF == inHTML, "\(what)/\(f.id): numbers differ: PDF only \(difference(inPDF, inHTML)), HTML only \(difference(inHTML, inPDF))")
                }
            }
        }
    }
}

/// What `a` has that `b` has not, counting repeats.
func difference(_ a: [String], _ b: [String]) -> [String] {
    var rest = b
    return a.filter { x in
        if let i = rest.firstIndex(of: x) { rest.remove(at: i); return false }
        return true
    }
}
