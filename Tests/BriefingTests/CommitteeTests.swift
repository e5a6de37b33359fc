import BriefingKit
import Foundation
import Judgements
import OfficialData
import Testing
import TestSupport

/// Committee-ready packs, read back from the real PDFs: the front sheet, a summary whose every
/// message cites a page that shows it, questions from the data, and what is new since a date.
@Suite(.serialized) struct CommitteeReady {
    func pageText(_ pdf: String, _ page: Int) throws -> String {
        normaliseSpace(try tool("pdftotext", ["-f", "\(page)", "-l", "\(page)", pdf, "-"]).stdout)
    }

    /// The text of a section: from its heading to the next page footer.
    func section(_ text: String, from start: String) -> String {
        guard let r = text.range(of: start) else { return "" }
        let rest = text[r.upperBound...]
        return String(rest[..<(rest.range(of: " data as at ")?.lowerBound ?? rest.endIndex)])
    }

    @Test func summaryMessagesCiteRealPages() throws {
        let (r, out) = try buildPacks(extra: ["--pack", "scrutiny", "--meeting", "2026-12-03"])
        #expect(r.status == 0, "\(r.stderr)")
        let pdf = "\(out)/scrutiny.pdf"
        #expect(try pageText(pdf, 1).contains("Meeting date 3 December 2026"), "--meeting sets the front sheet's date")
        let summary = try pageText(pdf, 2)
        #expect(summary.hasPrefix("Liverpool children's services: scrutiny briefing OFFICIAL Summary"), "the summary is the second page")
        let cites = try NSRegularExpression(pattern: "\\(see “([^”]+)”, page (\\d+)\\)")
        let found = cites.matches(in: summary, range: NSRange(summary.startIndex..., in: summary))
        let messages = summary.components(separatedBy: "• ").count - 1
        #expect((3...5).contains(messages), "\(messages) messages")
        #expect(found.count == messages, "every message cites a page")
        // A section's pages, from the contents: it starts on its own page and runs to the next
        // section's first page (two sections may share a page).
        let entry = try NSRegularExpression(pattern: "^(\\S.*?)\\s{2,}(\\d+)$")
        let contents = try tool("pdftotext", ["-layout", "-f", "1", "-l", "1", pdf, "-"]).stdout.components(separatedBy: "\n").compactMap { line -> (String, Int)? in
            guard let m = entry.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) else { return nil }
            return (String(line[Range(m.range(at: 1), in: line)!]), Int(line[Range(m.range(at: 2), in: line)!])!)
        }
        for m in found {
            let heading = String(summary[Range(m.range(at: 1), in: summary)!]), page = Int(summary[Range(m.range(at: 2), in: summary)!])!
            let shown = try pageText(pdf, page)
            // A row cited on the second page of a section that runs over two shows no heading:
            // the page must then lie within the section.
            if let i = contents.firstIndex(where: { $0.0 == heading }), !shown.contains(heading) {
                let end = i + 1 < contents.count ? contents[i + 1].1 : Int.max
                #expect(page != 2 && contents[i].1 <= page && page <= end, "page \(page) is not in \(heading), pages \(contents[i].1) to \(end)")
            } else {
                #expect(page != 2 && shown.contains(heading), "page \(page) does not show \(heading)")
            }
        }
        #expect(!summary.contains(" 0 "), "no template with a zero filled in")
    }

    @Test func theLatestAreasForImprovementAppearInFull() throws {
        let record = try RecordLoader.load(path: Repo.path("Reports/authorities/liverpool.yaml"), frameworksPath: Repo.path("Reports/frameworks.yaml"))
        let latest = try #require(record.gradedInspections.last { !$0.areasForImprovement.isEmpty })
        let (r, out) = try buildPacks(extra: ["--pack", "monitoring-update"])
        #expect(r.status == 0, "\(r.stderr)")
        let text = normaliseSpace(try tool("pdftotext", ["\(out)/monitoring-update.pdf", "-"]).stdout)
        for area in latest.areasForImprovement {
            #expect(text.contains(normaliseSpace(try #require(area.wording))), "missing in full: \(area.title)")
        }
    }

    @Test func sinceChangesOnlyWhatIsNew() throws {
        let (a, outA) = try buildPacks(extra: ["--pack", "scrutiny", "--since", "2026-01-01"])
        let (b, outB) = try buildPacks(extra: ["--pack", "scrutiny", "--since", "2025-04-01"])
        let (c, outC) = try buildPacks(extra: ["--pack", "scrutiny", "--since", "2030-01-01"])
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
        let ws = Workspace(reports: Repo.path("Reports"), styles: Repo.path("Styles"), out: try makeTemporaryFolder())
        let official = try OfficialContext.load(ws)
        let entry = try official.store.authority("Liverpool")
        let worst = try #require(official.store.findings(for: entry, indicators: official.indicators)
            .filter { ($0.behindNeighbours ?? 0) >= 0.25 }.max { $0.behindNeighbours! < $1.behindNeighbours! })
        let (r, out) = try buildPacks(extra: ["--pack", "scrutiny"])
        #expect(r.status == 0, "\(r.stderr)")
        let questions = section(normaliseSpace(try tool("pdftotext", ["\(out)/scrutiny.pdf", "-"]).stdout), from: "OFFICIAL Questions for members")
        #expect(questions.contains(worst.indicator.title), "no question on \(worst.indicator.title)")
        #expect(questions.contains("(see “"), "questions cite their evidence")
    }
}
