import Foundation
import Judgements
import Testing
import BriefingTestSupport

/// The pages of a PDF as pdftotext reads them (it ends each page with a form feed), spaces
/// collapsed; index 0 is page 1.
func pdfPages(_ pdf: String) throws -> [String] {
    try tool("pdftotext", [pdf, "-"]).stdout.components(separatedBy: "\u{0C}").dropLast().map(normaliseSpace)
}

/// What readers of packs about other authorities than Liverpool, and of the method notes, are
/// told: read back from real builds (pdftotext, pdfinfo, CSV), each check one a reviewer's
/// finding made fail before it was fixed.
@Suite(.serialized) struct ReaderWording {
    /// (name, latest inspection as the outcomes file gives it, its provider page on Ofsted's site)
    static let officialOnly = [("Knowsley", "the November 2024 inspection of Knowsley (overall inadequate; report published 20 January 2025)", "44/340"),
                               ("Rutland", "the April 2024 inspection of Rutland (overall good; report published 12 July 2024)", "44/857"),
                               ("Birmingham", "the February 2023 inspection of Birmingham (overall good; report published 18 April 2023)", "44/330")]

    /// A pack from the outcomes file alone holds no report: its areas-for-improvement and findings
    /// pages say so, name the inspection and say where the report is, never "none are recorded";
    /// no heading stands with nothing under it.
    @Test func officialOnlyPacksSayTheReportIsNotHeld() throws {
        for (name, inspection, provider) in Self.officialOnly {
            let (r, out) = try Briefing.build(["--authority", name, "--pack", "scrutiny"])
            #expect(r.status == 0, "\(r.stderr)")
            let text = try pdfPages("\(out)/\(name.lowercased())-scrutiny.pdf").joined(separator: " ")
            #expect(!text.contains("No areas for improvement are recorded"), "\(name)")
            #expect(text.contains("Areas for improvement The areas for improvement set at \(inspection) are not in this pack"), "\(name)")
            #expect(text.contains("https://reports.ofsted.gov.uk/provider/\(provider)"), "\(name): where the report can be read")
            #expect(text.contains("Key findings and quotes No findings or quotes are shown because this pack holds no report, letter or article on \(name)"), "\(name)")
        }
    }

    /// Sefton's newest overall grade (February 2022) is inadequate and its only later publication
    /// is a monitoring visit letter: the count of days runs on, to the outcomes file's "as at",
    /// never "to the next report" of a visit that gives no grade. With one graded inspection the
    /// journey page says there is no journey to draw, and no empty chart or table is written.
    @Test func anInadequateGradeStillStandingIsCountedOnAndOneInspectionDrawsNoJourney() throws {
        let (r, out) = try Briefing.build(["--authority", "Sefton", "--pack", "scrutiny", "--formats", "pdf,csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try pdfPages("\(out)/sefton-scrutiny.pdf").joined(separator: " ")
        #expect(text.contains("days rated inadequate overall, from the report of 9 May 2022 and counting: Ofsted’s outcomes file as at 31 Mar 2025 still gives inadequate as its newest overall grade"), "\(text.prefix(3000))")
        #expect(!text.contains("to the next graded report"))
        #expect(text.contains("one monitoring visit on record (Ofsted’s outcomes file lists visits only from 1 April 2024 to 31 March 2025)"), "a one-year window, said")
        #expect(text.contains("Judgement journey Only one graded inspection of Sefton is in the data held (February 2022), so there is no journey"))
        #expect(!FileManager.default.fileExists(atPath: "\(out)/sefton-scrutiny-judgement-journey.csv"), "no empty journey table")
        #expect(text.contains("Days rated inadequate overall (“At a glance”) are counted by this tool"), "the sources page says how the count is made")
        #expect(!text.contains(") (continued)"), "a continued part says '(columns …, continued)'")
        // Dated by Ofsted's report on Liverpool, and told where that report is used.
        #expect(text.contains("Inspection of Liverpool local authority children's services” (used in “National picture”)"), "\(text.prefix(800))")
    }

    /// A journey's title states its finding whichever way the grades went (Knowsley's fell), and
    /// its key explains only the breaks it draws: no word of the 2026 framework in a chart
    /// without a 2026 inspection.
    @Test func journeyTitlesDeclinesAndExplainsOnlyItsBreaks() throws {
        let (r, out) = try Briefing.build(["--authority", "Knowsley", "--pack", "scrutiny", "--formats", "pdf"])
        #expect(r.status == 0, "\(r.stderr)")
        let page = try #require(try pdfPages("\(out)/knowsley-scrutiny.pdf").first { $0.contains("OFFICIAL Judgement journey ") })
        #expect(page.contains("Knowsley: of the four areas judged at both of the last two inspections, three declined; overall effectiveness fell one grade, from requires improvement to be good to inadequate"), "\(page)")
        #expect(page.contains("A line breaks where an area was not judged on its own: care leavers (October 2021: judged with children in care)."), "\(page)")
        #expect(!page.contains("2026 framework"), "\(page)")
    }

    /// The timeline's title names only the lanes drawn; its key describes only marks drawn; an
    /// official-only pack says visits are known only for the in-year table's period.
    @Test func timelineTitleAndKeyDescribeWhatIsDrawn() throws {
        let (r, out) = try Briefing.build(["--authority", "Knowsley", "--authority", "Birmingham", "--pack", "scrutiny"])
        #expect(r.status == 0, "\(r.stderr)")
        let knowsley = try #require(try pdfPages("\(out)/knowsley-scrutiny.pdf").first { $0.contains("OFFICIAL Timeline ") })
        #expect(knowsley.contains("Knowsley: graded inspections, 2021 to 2025"))
        #expect(!knowsley.contains("visits and leadership"))
        for absent in ["Diamonds", "People:", "hatched", "dashed tail"] { #expect(!knowsley.contains(absent), "Knowsley's key: \(absent)") }
        #expect(knowsley.contains("Ofsted visits are known only from the in-year table of Ofsted’s “Local authority inspection outcomes as at 31 March 2025”, which covers 1 April 2024 to 31 March 2025 and lists no visit to Knowsley"))
        let birmingham = try #require(try pdfPages("\(out)/birmingham-scrutiny.pdf").first { $0.contains("OFFICIAL Timeline ") })
        #expect(birmingham.contains("Birmingham: inspections and visits, 2018 to 2024"))
        #expect(birmingham.contains("Diamonds: visits on a known day."))
        #expect(!birmingham.contains("People:") && !birmingham.contains("boxes:"))
        #expect(birmingham.contains("which covers 1 April 2024 to 31 March 2025; before or after that period, an empty stretch does not mean there was no visit"))
    }

    /// Counts in words with no zero filled in, no reason said twice, and data-table rows labelled
    /// by what they are.
    @Test func noTemplatePhrasing() throws {
        let (r, out) = try Briefing.build(["--authority", "Knowsley", "--authority", "Birmingham", "--pack", "scrutiny"])
        #expect(r.status == 0, "\(r.stderr)")
        let birmingham = try pdfPages("\(out)/birmingham-scrutiny.pdf").joined(separator: " ")
        #expect(birmingham.range(of: "[^0-9]0 of 10", options: .regularExpression) == nil, "a zero filled in")
        #expect(birmingham.contains("Birmingham and its statistical neighbours: none of its 10 neighbours is judged better overall than Birmingham’s good (February 2023); 7 are also good"))
        let knowsley = try pdfPages("\(out)/knowsley-scrutiny.pdf").joined(separator: " ")
        #expect(!knowsley.contains("Not judged: not judged"))
        #expect(knowsley.contains("6 of the 9 neighbours with an overall grade are judged better overall than Knowsley’s inadequate (November 2024); 3 are also inadequate"))
        // England's, the region's and the neighbours' rows are labelled by the indicator, not by Knowsley's finding.
        let trends = try String(contentsOfFile: "\(out)/knowsley-scrutiny-indicator-trends.csv", encoding: .utf8)
        #expect(trends.contains("\nRe-referrals within 12 months,England,2025,22.6,"))
        #expect(trends.contains("\nRe-referrals within 12 months,Neighbours,2025,21.3,"))
        #expect(!trends.contains(" in 2025,"), "a row labelled with a finding")
    }

    /// One pack-wide "data as at" (the newest source used), said only by the front sheet, footers
    /// and metadata; chart subtitles give their own sources' dates; the PDF is created on it.
    @Test func dataAsAtIsOneDateAndTheCreationDate() throws {
        let (r, out) = try Briefing.build(["--authority", "Rutland", "--authority", "Knowsley", "--pack", "scrutiny"])
        #expect(r.status == 0, "\(r.stderr)")
        for pdf in ["rutland-scrutiny.pdf", "knowsley-scrutiny.pdf", "comparison.pdf"] {
            let text = try pdfPages("\(out)/\(pdf)").joined(separator: " ")
            let dates = try NSRegularExpression(pattern: "[Dd]ata as at (\\d{1,2} [A-Z][a-z]+ \\d{4})")
            let said = Set(dates.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range(at: 1), in: text)!]) })
            // The footer gives the month short ("7 Jul 2026"), the front sheet long ("7 July 2026").
            let days = Set(said.map { $0.split(separator: " ").prefix(2).map { String($0.prefix(3)) }.joined(separator: " ") + " " + $0.split(separator: " ").last! })
            #expect(days.count == 1, "\(pdf) gives the data two dates: \(said.sorted())")
            let info = try tool("pdfinfo", ["\(out)/\(pdf)"]).stdout
            let created = try #require(info.split(separator: "\n").first { $0.hasPrefix("CreationDate:") })
            let parts = created.split(separator: " ").map(String.init)   // CreationDate: Tue Jul 7 00:00:00 2026 UTC
            let day = try #require(days.first)
            #expect("\(parts[3]) \(parts[2]) \(parts[5])" == day, "\(pdf): created \(created), data as at \(day)")
        }
        #expect(!(try pdfPages("\(out)/rutland-scrutiny.pdf").joined().contains("data as at 25 September 2025")), "a subtitle's own 'data as at'")
    }

    /// The method page says what is computed and from which publication; rates DfE publishes as
    /// whole numbers are shown as published.
    @Test func methodSaysWhatIsComputed() throws {
        let (r, out) = try Briefing.build(["--pack", "scrutiny"])
        #expect(r.status == 0, "\(r.stderr)")
        let pages = try pdfPages("\(out)/scrutiny.pdf")
        let start = try #require(pages.lastIndex { $0.contains("OFFICIAL Sources, licences and method") })
        let method = pages[start...].joined(separator: " ")
        #expect(!method.contains("Nothing is estimated"))
        #expect(method.contains("Referrals, children in need, child protection plans and child protection plans starting per 10,000 children are computed by this tool"))
        #expect(method.contains("the population_estimate column of Department for Education, “Children looked after in England including adoptions: reporting year 2025 (Explore Education Statistics)”, 26 Nov 2025"))
        let text = pages.joined(separator: " ")
        #expect(!text.contains("145.0"), "DfE publishes Liverpool's children-looked-after rate as 145")
        #expect(text.contains("Children looked after per 10,000 children at 145 in 2025"))
    }

    /// A precision the catalogue cannot honour is a located data error, not a silent default.
    @Test func aBadPrecisionIsALocatedError() throws {
        let reports = try TestWorkspace.copy()
        let path = "\(reports.reports)/indicators.yaml"
        try writeFile(path, try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "    decimals: 0\n", with: "    decimals: whole\n"))
        let (r, _) = try Briefing.build(["--pack", "scrutiny"], in: reports)
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.range(of: "\(path):[0-9]+:[0-9]+: .*indicator \"cla-rate\": \"decimals\" should be a whole number from 0 to 3, found \"whole\"",
                               options: .regularExpression) != nil, "\(r.stderr)")
    }

    /// Every figure a summary or question cites is on the page it cites, even when the cited
    /// section runs over two pages.
    @Test func citedPagesHoldTheCitedFigures() throws {
        let (r, out) = try Briefing.build(["--pack", "scrutiny"])
        #expect(r.status == 0, "\(r.stderr)")
        let pages = try pdfPages("\(out)/scrutiny.pdf")
        let cite = try NSRegularExpression(pattern: "\\(see “([^”]+)”, page (\\d+)\\)")
        let figure = try NSRegularExpression(pattern: "\\d[\\d,]*(\\.\\d+)?%|\\d[\\d,]*\\.\\d+(?! times)")
        var checked = 0
        for page in pages where page.contains("OFFICIAL Summary ") || page.contains("OFFICIAL Questions for members ") {
            for message in page.components(separatedBy: "• ").dropFirst() {
                guard let m = cite.firstMatch(in: message, range: NSRange(message.startIndex..., in: message)) else { continue }
                let cited = pages[Int(message[Range(m.range(at: 2), in: message)!])! - 1]
                let words = String(message[..<Range(m.range, in: message)!.lowerBound])
                for f in figure.matches(in: words, range: NSRange(words.startIndex..., in: words)) {
                    let value = String(words[Range(f.range, in: words)!])
                    #expect(cited.contains(value), "“\(message.prefix(60))…” cites a page without \(value)")
                    checked += 1
                }
            }
        }
        #expect(checked >= 8, "figures checked: \(checked)")
    }

    /// Two packs with the same "since" date list the same new things, and the summary names
    /// what it counts.
    @Test func sinceListsAgreeBetweenPacks() throws {
        let (r, out) = try Briefing.build(["--pack", "scrutiny", "--pack", "monitoring-update"])
        #expect(r.status == 0, "\(r.stderr)")
        func since(_ pdf: String) throws -> (page: [String], summary: String) {
            let pages = try pdfPages("\(out)/\(pdf)")
            // The section, over as many pages as it takes, without the running header and footer.
            let start = try #require(pages.firstIndex { $0.contains("OFFICIAL Since the last meeting Published on or after") })
            let text = pages[start...].joined(separator: " ")
                .replacingOccurrences(of: "Liverpool City Council · data as at [0-9A-Za-z ]+ Page [0-9]+ of [0-9]+( Liverpool children's services: [a-z ]+ OFFICIAL)?",
                                      with: "", options: .regularExpression)
            let section = text.components(separatedBy: "Questions for members Generated")[0]
            let items = section.components(separatedBy: "• ").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
            let summary = try #require(pages.first { $0.contains("OFFICIAL Summary ") })
            let message = try #require(summary.components(separatedBy: "• ").first { $0.hasPrefix("Since 1 January 2025:") })
            return (items, message.components(separatedBy: " (see ")[0])
        }
        let scrutiny = try since("scrutiny.pdf"), update = try since("monitoring-update.pdf")
        #expect(scrutiny.page == update.page, "the two packs' since-lists differ")
        #expect(scrutiny.summary == update.summary)
        #expect(scrutiny.page.contains { $0.contains("New official data: Department for Education") })
        // Counted from the live record, which gains quotes as sources are read.
        let quotes = try TestWorkspace.repository.liverpool().quotes.filter { $0.date.earliest >= DayDate(year: 2025, month: 1, day: 1) }.count
        let words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
        #expect(scrutiny.summary.hasSuffix("also four official statistics releases and \(quotes < words.count ? words[quotes] : String(quotes)) quote\(quotes == 1 ? "" : "s")."), "\(scrutiny.summary)")
        #expect(scrutiny.summary.range(of: "and [a-z]+ more\\.", options: .regularExpression) == nil)
    }
}
