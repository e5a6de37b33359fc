import Foundation
import Testing
import BriefingTestSupport

/// One true, current story: what every pack tells a reader, read back from the real output.
@Suite(.serialized) struct TrueStory {
    /// Every reader-facing text file of a build: PDF text, alt texts and CSVs.
    func readerText(_ out: String) throws -> [(String, String)] {
        var texts: [(String, String)] = []
        for f in try FileManager.default.contentsOfDirectory(atPath: out).sorted() {
            let path = "\(out)/\(f)"
            if f.hasSuffix(".pdf") { texts.append((f, try tool("pdftotext", [path, "-"]).stdout)) }
            if f.hasSuffix(".txt") || f.hasSuffix(".csv") { texts.append((f, try String(contentsOfFile: path, encoding: .utf8))) }
        }
        return texts
    }

    @Test func noInternalIdsOrTemplatePhrasing() throws {
        let (r, out) = try Briefing.build()
        #expect(r.status == 0, "\(r.stderr)")
        let texts = try readerText(out)
        #expect(texts.count > 20)
        for (file, text) in texts {
            for leak in ["ilacs-20", "Issue 3", "briefing project", " by 0", "unchanged 0", "shared/data", "1139", "2023-0", "2026-0"] {
                #expect(!text.contains(leak), "\(file) shows readers \"\(leak)\"")
            }
        }
    }

    /// Exact words about Liverpool's newest inspection, so from the fixture record.
    @Test func comparisonsUseTheNewestInspection() throws {
        let (r, out) = try Briefing.build(["--pack", "national-context"], in: try TestWorkspace.fixture())
        #expect(r.status == 0, "\(r.stderr)")
        let neighbours = try String(contentsOfFile: "\(out)/national-context-neighbour-comparison.csv", encoding: .utf8)
        // Each row keyed by the authority, its newest inspection and where that comes from.
        #expect(neighbours.contains("Liverpool,May 2026,Ofsted inspection report,Overall effectiveness,,,,Not judged under the 2026 framework"))
        #expect(!neighbours.contains("Not judged: not judged"), "a reason that says so is not prefixed again")
        #expect(neighbours.contains("Liverpool,May 2026,Ofsted inspection report,Impact of leaders,Good"))
        // Liverpool's newest report gives no overall grade: it is said apart with both dates, never
        // a bar of one that would place it in a distribution it is not in, nor counted under its
        // superseded grade.
        let national = try String(contentsOfFile: "\(out)/national-context-national-distribution.csv", encoding: .utf8)
        #expect(!national.contains("No overall grade"), "no bar for Liverpool alone")
        #expect(national.contains("Not in the bars,not counted,") && national.contains("Liverpool, May 2026 inspection (Ofsted\u{2019}s report of 7 July 2026; not judged under the 2026 framework)"), "\(national)")
        #expect(!national.contains("Inadequate,19"), "Liverpool must not be counted under its superseded grade")
        let alt = try String(contentsOfFile: "\(out)/national-context-national-distribution.txt", encoding: .utf8)
        #expect(!alt.contains("Liverpool is inadequate"))
        let text = normaliseSpace(try tool("pdftotext", ["\(out)/national-context.pdf", "-"]).stdout)
        #expect(text.contains("Ofsted outcomes as at 31 March 2025; Liverpool from Ofsted’s report of 7 July 2026"))
        #expect(text.contains("Liverpool’s newest inspection (May 2026; Ofsted’s report of 7 July 2026) gave no overall grade (not judged under the 2026 framework), so it is not placed among the other 152 authorities’ overall grades, which are as at 31 March 2025"))
        #expect(!text.contains("Liverpool (March 2023)"))
    }

    /// A neighbour's national picture says both dates too, and counts only the authorities its
    /// bars place: Knowsley beside Liverpool's newer report, from the fixture record.
    @Test func aNeighboursNationalPictureSaysBothDates() throws {
        let (r, out) = try Briefing.build(["--authority", "Knowsley", "--formats", "pdf"], in: try TestWorkspace.fixture())
        #expect(r.status == 0, "\(r.stderr)")
        let text = normaliseSpace(try tool("pdftotext", ["\(out)/knowsley.pdf", "-"]).stdout)
        #expect(text.contains("Knowsley (inadequate, November 2024) is one of 18 of the 152 authorities placed here (of England’s 153) whose newest known overall grade is inadequate (grades as at 31 March 2025, or from a newer report held: Liverpool, 7 July 2026)"))
        #expect(!text.contains("of England’s 152 authorities"))
    }

    /// The exact date of the newest source, so from the fixture record.
    @Test func coverSaysAsAtTheNewestSourceUsed() throws {
        let (r, out) = try Briefing.build(["--authority", "Knowsley"], in: try TestWorkspace.fixture())
        #expect(r.status == 0, "\(r.stderr)")
        let text = normaliseSpace(try tool("pdftotext", ["\(out)/knowsley.pdf", "-"]).stdout)
        // Knowsley's pack shows its neighbour Liverpool's 2026 report and DfE workforce data of March 2026.
        #expect(text.contains("Data as at 7 July 2026"))
        #expect(!text.contains("data as at 20 January 2025"))
    }

    /// A made-up later event in a copy of the fixture record keeps every pack building and the
    /// tracker on the inspection it follows: no page switches inspection because a visit was added.
    @Test func aLaterEventChangesNothingElse() throws {
        let ws = try TestWorkspace.fixture()
        try ws.addMadeUpVisit(start: "2026-10-06", published: "2026-11-05", covers: ["2026-03"])
        let (r, out) = try Briefing.build(in: ws)
        #expect(r.status == 0, "\(r.stderr)")
        let pdf = try pdfText("\(out)/scrutiny.pdf")
        #expect(pdf.contains("11 areas for improvement from March 2023"))
        #expect(pdf.contains("4 areas for improvement from May 2026"), "the new visit gives the 2026 areas their own tracker")
        #expect(pdf.contains("Data as at 5 November 2026"))
    }

    /// Every quotation, cut at its ellipses, is found word for word in the source texts held.
    @Test func quotesAreVerbatim() throws {
        guard let shared = Repo.sharedData else {
            print("SKIPPED quotesAreVerbatim: ../shared/data is absent, so the quotes cannot be checked against their sources")
            return
        }
        func norm(_ s: String) -> String {
            normaliseSpace(s.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
                .replacingOccurrences(of: "\u{201C}", with: "\"").replacingOccurrences(of: "\u{201D}", with: "\"")).lowercased()
        }
        var corpus = ""
        for folder in ["news", "ofsted-reports"] {
            for f in try FileManager.default.contentsOfDirectory(atPath: "\(shared)/\(folder)") {
                corpus += " " + (try String(contentsOfFile: "\(shared)/\(folder)/\(f)", encoding: .utf8))
            }
        }
        corpus = norm(corpus)
        let record = try read(TestWorkspace.repository.liverpoolRecord)
        var checked = 0
        for line in record.split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            guard t.hasPrefix("quote: \"") || t.hasPrefix("- text: \"") || t.hasPrefix("earlier_areas_quote: \"") || t.hasPrefix("leaders_quote: \"") else { continue }
            let quote = String(t[t.index(after: t.firstIndex(of: "\"")!)...].dropLast())
                .replacingOccurrences(of: "\\u2026", with: "\u{2026}")
            for fragment in quote.components(separatedBy: "\u{2026}") {
                let f = norm(fragment).trimmingCharacters(in: CharacterSet(charactersIn: " .,"))
                guard f.count > 10 else { continue }
                #expect(corpus.contains(f), "not found verbatim in the sources held: \(fragment)")
                checked += 1
            }
        }
        #expect(checked >= 10)
    }
}
