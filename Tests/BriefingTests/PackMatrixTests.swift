import BriefingKit
import BriefingTestSupport
import Foundation
import Judgements
import Rendering
import Testing
import YAMLFiles

/// Every pack defined in `Reports/packs` and every style in `Styles`, read from the folders so a
/// new one is tested without editing a test.
let packIDs = TestWorkspace.repository.kit().packIDs()
let styleIDs = ((try? FileManager.default.contentsOfDirectory(atPath: Repo.path("Styles"))) ?? [])
    .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()

/// Text runs that lie outside their box, outside the page's printable area, or on top of each
/// other, found from the laid-out pages (the same layout the PDF is drawn from).
func layoutProblems(_ composed: PackPipeline.ComposedPack) -> [String] {
    let style = composed.style
    var problems: [String] = []
    let printable = Rect(x: style.margin - 0.5, y: style.margin - 0.5, width: style.pageWidth - 2 * style.margin + 1,
                         height: style.pageHeight - 2 * style.margin + 1)
    for (p, page) in composed.renderer.layout(composed.document).enumerated() {
        let texts: [TextMark] = page.marks(margin: style.margin).compactMap { if case let .text(t) = $0, !t.text.isEmpty { return t } else { return nil } }
        let smallest = style.sizes.entries.map(\.value).min()!
        for t in texts {
            if t.font.size < smallest - 0.01 { problems.append("page \(p + 1): \"\(t.text.prefix(40))\" shrunk to \(t.font.size) pt to fit") }
            if !t.container.contains(t.frame) { problems.append("page \(p + 1): \"\(t.text.prefix(40))\" \(t.frame) outside its box \(t.container)") }
            if !printable.contains(t.frame) { problems.append("page \(p + 1): \"\(t.text.prefix(40))\" outside the printable area") }
        }
        for (i, a) in texts.enumerated() {
            for b in texts[(i + 1)...] where a.frame.inset(0.3).intersects(b.frame.inset(0.3)) {
                problems.append("page \(p + 1): \"\(a.text.prefix(30))\" overlaps \"\(b.text.prefix(30))\"")
            }
        }
    }
    return problems
}

@Suite(.serialized) struct EveryPackInEveryStyle {
    @Test(arguments: styleIDs)
    func packsBuildCheckAndReadBack(style: String) throws {
        let (r, out) = try Briefing.build(["--style", style])
        #expect(r.status == 0, "\(style): \(r.stderr)")
        for id in packIDs {
            let pdf = "\(out)/\(id).pdf"
            let composed = try composePack(id, style: style)
            let pages = composed.renderer.layout(composed.document)
            let info = try tool("pdfinfo", [pdf]).stdout
            #expect(info.contains("Pages:           \(pages.count)\n"), "\(id)/\(style): page count")
            #expect(info.contains("Tagged:          yes"), "\(id)/\(style)")
            #expect(try tool("qpdf", ["--check", pdf]).status == 0, "\(id)/\(style): qpdf --check")
            let text = normaliseSpace(try tool("pdftotext", [pdf, "-"]).stdout)
            for page in pages {
                for b in page.blocks {
                    if let h = b.layout.heading, h.level <= 1, !text.contains(normaliseSpace(h.text)) { Issue.record("\(id)/\(style): heading not found: \(h.text)") }
                }
            }
            for n in 1...pages.count { #expect(text.contains("Page \(n) of \(pages.count)"), "\(id)/\(style): page \(n) footer") }
            // Visit themes head the tracker's columns: never broken mid-word to fit ("permanen" over
            // "ce"). Read from the words the tracker's pages draw (pdftotext's plain text would
            // join the halves): no drawn word may be the start of a theme word without being it.
            let themeWords = Set(composed.record.events.compactMap(\.theme).flatMap { $0.split(whereSeparator: { !$0.isLetter }).map(String.init) }.filter { $0.count >= 6 })
            for n in 1...pages.count where try tool("pdftotext", ["-f", "\(n)", "-l", "\(n)", pdf, "-"]).stdout.contains("What each visit is known to have found") {
                let bbox = try tool("pdftotext", ["-bbox", "-f", "\(n)", "-l", "\(n)", pdf, "-"]).stdout
                let drawn = Set(bbox.components(separatedBy: "</word>").compactMap { $0.components(separatedBy: ">").last }
                    .flatMap { $0.split(whereSeparator: { !$0.isLetter }).map(String.init) })
                for w in drawn where w.count >= 4 {
                    for t in themeWords where t != w && t.hasPrefix(w) { Issue.record("\(id)/\(style) page \(n): the theme word \"\(t)\" is broken after \"\(w)\"") }
                }
            }
            // Every page can be reached from a bookmark.
            let json = try tool("qpdf", ["--json", "--json-key=outlines", pdf]).stdoutData
            let outlines = (try JSONSerialization.jsonObject(with: json) as? [String: Any])?["outlines"] as? [[String: Any]] ?? []
            var targets: Set<Int> = []
            func walk(_ items: [[String: Any]]) {
                for o in items {
                    if let p = o["destpageposfrom1"] as? Int { targets.insert(p) }
                    walk(o["kids"] as? [[String: Any]] ?? [])
                }
            }
            walk(outlines)
            #expect(targets == Set(1...pages.count), "\(id)/\(style): pages without a bookmark: \(Set(1...pages.count).subtracting(targets).sorted())")
            let problems = layoutProblems(composed)
            #expect(problems.isEmpty, "\(id)/\(style): \(problems.prefix(5).joined(separator: "; "))")
            // The structure tree, walked: Document, headings in order, lists, tables, figures with
            // their own alt text, links with their annotations, no running header or footer.
            let structure = try structureProblems(pdf: pdf, composed: composed)
            #expect(structure.isEmpty, "\(id)/\(style): \(structure.prefix(8).joined(separator: "; "))")
            // No heading at the foot of a page without what it introduces.
            let stranded = try strandedHeadings(pdf: pdf)
            #expect(stranded.isEmpty, "\(id)/\(style): \(stranded.prefix(5).joined(separator: "; "))")
        }
    }

    /// Exact sentences of the summary, so from the fixture record: a new inspection changes them.
    @Test func scrutinyHasEverySection() throws {
        let (r, out) = try Briefing.build(["--pack", "scrutiny"], in: try TestWorkspace.fixture())
        #expect(r.status == 0, "\(r.stderr)")
        let text = normaliseSpace(try tool("pdftotext", ["\(out)/scrutiny.pdf", "-"]).stdout)
        for section in ["Contents", "At a glance", "Ofsted judgements", "Judgement journey", "Timeline", "Areas for improvement",
                        "Indicator trends", "Statistical neighbours", "Key indicators", "National picture", "Key findings and quotes",
                        "Summary", "Since the last meeting", "Questions for members", "Data tables", "Sources, licences and method", "What was inferred", "What was suppressed",
                        "Help and protection improved two grades, from Inadequate (March 2023) to Good (May 2026).",
                        "Overall effectiveness was inadequate in March 2023; in May 2026 it was not judged under the 2026 framework."] {
            #expect(text.contains(section), "missing: \(section)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: out)
        for chart in ["rating-grid", "judgement-journey", "timeline", "improvement-tracker", "indicator-trends", "neighbour-comparison",
                      "indicator-table", "national-distribution"] {
            for ext in ["png", "svg", "csv", "txt"] { #expect(files.contains("scrutiny-\(chart).\(ext)"), "scrutiny-\(chart).\(ext)") }
        }
    }

    /// A pack of judgements draws no statistics, so it says nothing about suppressed figures; a
    /// quote whose words and date come from two publications names them as one list of sources.
    @Test func aJudgementsPackMakesNoClaimAboutFigures() throws {
        let (r, out) = try Briefing.build(["--pack", "liverpool-judgements", "--pack", "scrutiny"], in: try TestWorkspace.fixture())
        #expect(r.status == 0, "\(r.stderr)")
        let judgements = normaliseSpace(try tool("pdftotext", ["\(out)/liverpool-judgements.pdf", "-"]).stdout)
        #expect(!judgements.contains("What was suppressed") && !judgements.contains("drawn in this pack was suppressed"))
        let scrutiny = normaliseSpace(try tool("pdftotext", ["\(out)/scrutiny.pdf", "-"]).stdout)
        #expect(scrutiny.contains("No figure of Liverpool drawn in this pack was suppressed or unpublished."))
        #expect(!scrutiny.contains("2025; source: Ofsted, \u{201C}Local authority inspection outcomes"), "one list of sources, not two attributions")
        #expect(scrutiny.contains("as quoted in the press, 28 Jan 2025; sources: Local press"))
    }

    /// Drift is two visits in a row recording no progress: an area with one finding held cannot
    /// show it, so its answer says how few findings there are instead of "no". From the fixture
    /// record, where no area has more than one finding.
    @Test func driftIsNotDeniedOnOneFinding() throws {
        let (r, out) = try Briefing.build(["--pack", "scrutiny", "--formats", "csv"], in: try TestWorkspace.fixture())
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try csvRows("\(out)/scrutiny-improvement-tracker.csv")
        let column = try #require(rows.first?.firstIndex { $0.hasPrefix("Drift (") }, "a drift column: \(rows.first ?? [])")
        let byArea = Dictionary(rows.dropFirst().map { ($0[0], $0[column]) }, uniquingKeysWith: { a, _ in a })
        let drift = Array(byArea.values)
        #expect(drift.count >= 10, "\(byArea)")
        #expect(byArea["Placement sufficiency"] == "too few findings to judge (one held)", "\(byArea)")
        #expect(!drift.contains("no"), "\(drift)")
        #expect(drift.contains("too few findings to judge (one held)") && drift.contains("no finding to judge"), "\(drift)")
    }

    @Test func longNamesWrapInsteadOfSpilling() throws {
        for style in styleIDs {
            let composed = try composePack(authority: "Redcar and Cleveland", style: style)
            let problems = layoutProblems(composed)
            #expect(problems.isEmpty, "\(style): \(problems.prefix(5).joined(separator: "; "))")
            #expect(composed.figures.map(\.title).contains { $0.hasPrefix("Redcar and Cleveland") })
            #expect(composed.record.authority.ofstedRegion == "North East, Yorkshire and the Humber")
            let cover = composed.renderer.layout(composed.document)[0].marks(margin: composed.style.margin)
            #expect(cover.contains { if case let .text(t) = $0 { return t.text.contains("North East, Yorkshire and the Humber") } else { return false } })
        }
    }
}

/// The accessibility rule for colours, computed for every style: text at least 4.5:1 on what is
/// behind it, lines and rules at least 3:1 on the page.
@Suite struct ContrastRule {
    @Test(arguments: styleIDs)
    func everyPairMeetsItsContrast(name: String) throws {
        let style = try StyleLoader.load(path: Repo.path("Styles/\(name).yaml"), yaml: .files)
        let bg = style.colours.background
        var failures: [String] = []
        func text(_ fg: Colour, on back: Colour, _ what: String) { if fg.contrast(with: back) < 4.5 { failures.append("\(what): \(fg) on \(back) is \(String(format: "%.2f", fg.contrast(with: back))):1") } }
        func graphic(_ fg: Colour, on back: Colour, _ what: String) { if fg.contrast(with: back) < 3 { failures.append("\(what): \(fg) on \(back) is \(String(format: "%.2f", fg.contrast(with: back))):1") } }
        for (g, c) in style.grades { text(c.text, on: c.fill, "grade \(g.key) text") }
        for (s, c) in style.statuses { text(c.text, on: c.fill, "status \(s.rawValue) text") }
        for (role, c) in style.colours.entries where ["text", "muted_text", "accent"].contains(role) { text(c, on: bg, role); text(c, on: style.colours.band, "\(role) on band") }
        text(style.colours.notJudgedText, on: style.colours.notJudgedFill, "not-judged text")
        text(style.colours.notJudgedText, on: style.colours.notJudgedHatch, "not-judged text on its hatching")
        text(style.colours.text, on: style.colours.band, "table text on banding")
        for (role, c) in style.colours.entries where ["rule", "series_authority", "series_england", "series_region", "series_neighbours", "pattern_ink"].contains(role) {
            graphic(c, on: bg, role)
        }
        for (g, c) in style.grades where c.pattern != .none { graphic(style.colours.patternInk, on: c.fill, "grade \(g.key) pattern") }
        #expect(failures.isEmpty, "\(name): \(failures.joined(separator: "; "))")
    }

    @Test func greyscaleTellsGradesApartWithoutColour() throws {
        let style = try StyleLoader.load(path: Repo.path("Styles/greyscale.yaml"), yaml: .files)
        let patterns = Grade.allCases.map { style.grades[$0]!.pattern }
        #expect(Set(patterns).count == 4, "each grade needs its own pattern in greyscale")
        for c in style.grades.values { #expect(c.fill.red == c.fill.green && c.fill.green == c.fill.blue, "greyscale fills are grey") }
    }

    @Test func largePrintIsLarger() throws {
        let normal = try StyleLoader.load(path: Repo.path("Styles/default.yaml"), yaml: .files)
        let large = try StyleLoader.load(path: Repo.path("Styles/large-print.yaml"), yaml: .files)
        for (n, l) in zip(normal.sizes.entries, large.sizes.entries) { #expect(l.value > n.value, "\(n.key)") }
        #expect(large.sizes.body >= 12)
    }
}
