import BriefingKit
import Foundation
import Judgements
import OfficialData
import Testing
import BriefingTestSupport

/// What is wrong with a scrutiny pack's summary page (page 2), read from the PDF: it must hold
/// 3 to 5 messages, each citing a page that shows the heading it names, and no zero filled into
/// a template.
func summaryProblems(_ pdf: String) throws -> [String] {
    var problems: [String] = []
    let summary = try pdfText(pdf, page: 2)
    if !summary.hasPrefix("Liverpool children's services: ") || !summary.contains(" OFFICIAL Summary The key messages") { problems.append("the summary is not the second page") }
    let cites = try NSRegularExpression(pattern: "\\(see “([^”]+)”, page (\\d+)\\)")
    let found = cites.matches(in: summary, range: NSRange(summary.startIndex..., in: summary))
    let messages = summary.components(separatedBy: "• ").count - 1
    if !(3...5).contains(messages) { problems.append("\(messages) messages") }
    if found.count != messages { problems.append("\(found.count) citations for \(messages) messages") }
    // A section's pages, from the contents: it starts on its own page and runs to the next
    // section's first page (two sections may share a page).
    let entry = try NSRegularExpression(pattern: "^(\\S.*?)\\s{2,}(\\d+)$")
    let contents = try tool("pdftotext", ["-layout", "-f", "1", "-l", "1", pdf, "-"]).stdout.components(separatedBy: "\n").compactMap { line -> (String, Int)? in
        guard let m = entry.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) else { return nil }
        return (String(line[Range(m.range(at: 1), in: line)!]), Int(line[Range(m.range(at: 2), in: line)!])!)
    }
    for m in found {
        let heading = String(summary[Range(m.range(at: 1), in: summary)!]), page = Int(summary[Range(m.range(at: 2), in: summary)!])!
        let shown = try pdfText(pdf, page: page)
        // A row cited on the second page of a section that runs over two shows no heading: the
        // page must then lie within the section.
        if let i = contents.firstIndex(where: { $0.0 == heading }), !shown.contains(heading) {
            let end = i + 1 < contents.count ? contents[i + 1].1 : Int.max
            if page == 2 || page < contents[i].1 || page > end { problems.append("page \(page) is not in \(heading), pages \(contents[i].1) to \(end)") }
        } else if page == 2 || !shown.contains(heading) {
            problems.append("page \(page) does not show \(heading)")
        }
    }
    if summary.contains(" 0 ") { problems.append("a template with a zero filled in") }
    return problems
}

/// Committee-ready packs, read back from the real PDFs: the front sheet, a summary whose every
/// message cites a page that shows it, questions from the data, and what is new since a date.
@Suite(.serialized) struct CommitteeReady {
    /// The text of a section: from its heading to the next page footer.
    func section(_ text: String, from start: String) -> String {
        guard let r = text.range(of: start) else { return "" }
        let rest = text[r.upperBound...]
        return String(rest[..<(rest.range(of: " data as at ")?.lowerBound ?? rest.endIndex)])
    }

    @Test func summaryMessagesCiteRealPages() throws {
        let (r, out) = try Briefing.build(["--pack", "scrutiny", "--meeting", "2026-12-03"])
        #expect(r.status == 0, "\(r.stderr)")
        let pdf = "\(out)/scrutiny.pdf"
        #expect(try pdfText(pdf, page: 1).contains("Meeting date 3 December 2026"), "--meeting sets the front sheet's date")
        let problems = try summaryProblems(pdf)
        #expect(problems.isEmpty, "\(problems)")
    }

    /// The short pack for the meeting keeps the promise too: its summary had only two messages
    /// when it held no page on the grades or the indicators for the others to cite.
    @Test func theMeetingPacksSummaryHasThreeToFiveMessages() throws {
        let (r, out) = try Briefing.build(["--pack", "monitoring-update"])
        #expect(r.status == 0, "\(r.stderr)")
        let problems = try summaryProblems("\(out)/monitoring-update.pdf")
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func theLatestAreasForImprovementAppearInFull() throws {
        let record = try composePack("monitoring-update").record
        let latest = try #require(record.gradedInspections.last { !$0.areasForImprovement.isEmpty })
        let (r, out) = try Briefing.build(["--pack", "monitoring-update"])
        #expect(r.status == 0, "\(r.stderr)")
        let text = normaliseSpace(try tool("pdftotext", ["\(out)/monitoring-update.pdf", "-"]).stdout)
        for area in latest.areasForImprovement {
            #expect(text.contains(normaliseSpace(try #require(area.wording))), "missing in full: \(area.title)")
        }
    }

    /// Exactly which events are new since a date, so from the fixture record.
    @Test func sinceChangesOnlyWhatIsNew() throws {
        let ws = try TestWorkspace.fixture()
        let (a, outA) = try Briefing.build(["--pack", "scrutiny", "--since", "2026-01-01"], in: ws)
        let (b, outB) = try Briefing.build(["--pack", "scrutiny", "--since", "2025-04-01"], in: ws)
        let (c, outC) = try Briefing.build(["--pack", "scrutiny", "--since", "2030-01-01"], in: ws)
        #expect(a.status == 0 && b.status == 0 && c.status == 0)
        let since = { (out: String) in self.section(normaliseSpace(try tool("pdftotext", ["\(out)/scrutiny.pdf", "-"]).stdout), from: "OFFICIAL Since the last meeting") }
        let newer = try since(outA), older = try since(outB)
        #expect(newer.contains("The May 2026 inspection, report published 7 Jul 2026"))
        #expect(!newer.contains("28 Apr 2025"), "a letter published before the date is not new")
        #expect(older.contains("28 Apr 2025: The 25 Mar 2025 monitoring visit (vulnerable adolescents), letter published 28 Apr 2025"))
        #expect(try since(outC).contains("Nothing new since 1 January 2030."))
        // Nothing else in the pack depends on the date: every chart's files are the same.
        for f in try FileManager.default.contentsOfDirectory(atPath: outA) where f.hasSuffix(".csv") || f.hasSuffix(".txt") || f.hasSuffix(".svg") {
            #expect(FileManager.default.contents(atPath: "\(outA)/\(f)") == FileManager.default.contents(atPath: "\(outB)/\(f)"), "\(f) changed with --since")
        }
    }

    @Test func aQuestionForTheIndicatorFurthestBehindTheNeighbours() throws {
        let official = try OfficialContext.load(TestWorkspace.repository.kit())
        let entry = try official.store.authority("Liverpool")
        let worst = try #require(official.store.findings(for: entry, indicators: official.indicators)
            .filter { ($0.behindNeighbours ?? 0) >= 0.25 }.max { $0.behindNeighbours! < $1.behindNeighbours! })
        let (r, out) = try Briefing.build(["--pack", "scrutiny"])
        #expect(r.status == 0, "\(r.stderr)")
        let questions = section(normaliseSpace(try tool("pdftotext", ["\(out)/scrutiny.pdf", "-"]).stdout), from: "OFFICIAL Questions for members")
        #expect(questions.lowercased().contains(worst.indicator.title.lowercased()), "no question on \(worst.indicator.title)")
        #expect(questions.contains("(see “"), "questions cite their evidence")
    }
}

/// "At a glance" says which visits rest only on publications of which no copy is held, not just
/// how many (a councillor could not tell which one). Values from the frozen fixture record.
@Suite struct UnheldVisitsNamed {
    @Test func theVisitsKnownOnlyFromUnheldPublicationsAreNamedByMonth() throws {
        let (r, out) = try Briefing.build(["--pack", "scrutiny", "--formats", "pdf"], in: try TestWorkspace.fixture())
        #expect(r.status == 0, "\(r.stderr)")
        let glance = normaliseSpace(try pdfText("\(out)/scrutiny.pdf", page: 3))
        #expect(glance.contains("monitoring visits on record between the March 2023 and May 2026 inspections, 1 (September 2025) known only from publications of which no copy is held"), "\(glance.prefix(600))")
    }
}
