import BriefingKit
import Foundation
import Judgements
import Rendering
import Testing
import BriefingTestSupport

/// Tenures whose dates are known only to the year, inferred, or known only from a last sighting,
/// drawn and worded as the sources give them. The tenures are a fixture written into a copy of
/// the record (as Liverpool's record gives them today), so a new source in the live record
/// changes nothing here.
@Suite(.serialized) struct UncertainTenures {
    static let fixture = """
    leadership:
      - role: director-of-childrens-services
        person: Steve Reddy
        end: 2023
        end_inferred: true
        note: Left earlier in 2023, before the inspection of 13 March 2023.
        sources: [ofsted-ilacs-liverpool-2023, echo-2023-extraordinary-council]

      - role: director-of-childrens-services
        person: Jenny Turnross
        start: 2023
        start_inferred: true
        known_until: 2025
        note: Would join "next month" (an article of 2023); named as director in a 2025 article.
        sources: [echo-2023-extraordinary-council, news-2025-renewed-focus]

      - role: chief-executive
        person: Andrew Lewis
        known_from: 2024
        source: birkenhead-2024-green-shoots

      - role: lead-member
        person: Cllr Liz Parsons
        start: 2023-05
        start_inferred: true
        known_until: 2025
        note: Introduced in May 2023 as a new lead; cabinet member in the 2025 article.
        sources: [echo-2023-extraordinary-council, news-2025-renewed-focus]


    """

    func build() throws -> (out: String, composed: PackPipeline.ComposedPack) {
        let ws = try TestWorkspace.copy()
        let path = "\(ws)/Reports/authorities/liverpool.yaml"
        let text = try read(path)
        let start = try #require(text.range(of: "leadership:\n")), end = try #require(text.range(of: "quotes:\n"))
        try writeFile(path, text.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: Self.fixture))
        let (r, out) = try Briefing.build(["--pack", "scrutiny", "--formats", "pdf,png,csv,txt"], in: ws)
        #expect(r.status == 0, "\(r.stderr)")
        let composed = try PackPipeline(workspace: Workspace(reports: "\(ws)/Reports", styles: "\(ws)/Styles", out: out)).compose(packID: "scrutiny")
        return (out, composed)
    }

    /// In words, in the data table, the alt text and the chart itself: a year-only start says
    /// "month not known", an inferred one "inferred", a last sighting "last source held".
    @Test func datesAreSaidWithWhatIsNotKnown() throws {
        let (out, _) = try build()
        let rows = try csvRows("\(out)/scrutiny-timeline.csv")
        func row(_ person: String) -> [String]? { rows.first { $0.count == 4 && $0[3].hasPrefix(person) } }
        #expect(row("Jenny Turnross")?[1] == "2023 (month not known, inferred)")
        #expect(row("Jenny Turnross")?[2] == "not known (last known in post in 2025)")
        #expect(row("Jenny Turnross")?[3] == "Jenny Turnross: from 2023 (month not known, inferred); known in post in 2025 (last source held)")
        #expect(row("Cllr Liz Parsons")?[1] == "May 2023 (inferred)")
        #expect(row("Cllr Liz Parsons")?[3] == "Cllr Liz Parsons: from May 2023 (inferred); known in post in 2025 (last source held)")
        #expect(row("Steve Reddy")?[2] == "2023 (month not known, inferred)")
        #expect(row("Andrew Lewis")?[3] == "Andrew Lewis: start not known; in post in 2024 (last source held)")
        let alt = try read("\(out)/scrutiny-timeline.txt")
        #expect(alt.contains("Cllr Liz Parsons: from May 2023 (inferred); known in post in 2025 (last source held)"))
        #expect(alt.contains("Steve Reddy: start not known; left in 2023 (month not known, inferred)"))
        let pdf = normaliseSpace(try tool("pdftotext", ["\(out)/scrutiny.pdf", "-"]).stdout)
        #expect(pdf.contains("Jenny Turnross: from 2023 (month not known, inferred); known in post in 2025 (last source held)"), "the chart's own label")
    }

    /// Who led: days that rest on an inferred start name the person with the inference said;
    /// a year-only last sighting names nobody after 1 January of that year.
    @Test func whoLedSaysWhatIsInferred() throws {
        let (_, composed) = try build()
        let d = { (s: String) in try #require(PartialDate.parse(s)) }
        let mid2024 = composed.record.certainLeaders(on: try d("2024-07-08"))
        #expect(mid2024[.leadMember] == ["Cllr Liz Parsons (start date inferred)"])
        #expect(mid2024[.directorOfChildrensServices] == ["Jenny Turnross (start date inferred)"])
        #expect(mid2024[.chiefExecutive] == ["not known"], "known in post in 2024, on no day the sources give")
        #expect(composed.record.certainLeaders(on: try d("2025-06-01"))[.leadMember] == ["not known"])
        let last = try #require(composed.record.lastNamed(.directorOfChildrensServices, by: try d("2024-01-10")))
        #expect(last.person == "Jenny Turnross", "2023 is not taken as 1 January, before Steve Reddy's year-only 2023 end: \(last)")
    }

    /// In the drawing: nothing solid where a date is inferred or only a year is known. Liz
    /// Parsons's days in post rest on an inferred start, so they are the paler, dotted bar and
    /// not the solid one; her last sighting, known only as 2025, fades out over that year
    /// (sampled from the PNG: darker in January than in December), and nothing follows it but
    /// the dashed tail.
    @Test func theDrawingShowsOnlyWhatTheSourcesSay() throws {
        let (out, composed) = try build()
        let figure = try #require(composed.figures.first { $0.id == "timeline" })
        let style = composed.style
        #expect(figure.box("certain:lead-member:Cllr Liz Parsons") == nil, "no day of hers is certain")
        #expect(figure.box("certain:director-of-childrens-services:Jenny Turnross") == nil)
        let likely = try #require(figure.box("likely:lead-member:Cllr Liz Parsons"))
        let png = try DecodedPNG(path: "\(out)/scrutiny-timeline.png")
        let scale = 150.0 / 72, margin = 12.0
        func sample(_ x: Double, _ y: Double) -> Colour? { png.pixel(Int(((margin + x) * scale).rounded()), Int(((margin + y) * scale).rounded()), as: Colour.init) }
        func year(_ y: Int) throws -> Double { try #require(figure.textMarks.first { $0.id == "year:\(y)" }).frame.x - 2 }
        let midY = likely.rect.y + likely.rect.height / 2
        let solid = style.colours.notJudgedHatch
        let inBar = try #require(sample(likely.rect.x + likely.rect.width / 2, midY))
        #expect(inBar != solid && inBar.luminance > solid.luminance, "the inferred stretch is paler than a certain one: \(inBar)")
        // 2025, known only as a year: fading out, and the bar ends with it.
        let january = try #require(sample(try year(2025) + 4, midY)), december = try #require(sample(try year(2026) - 12, midY))
        #expect(january.luminance < december.luminance, "fades out over 2025: \(january) then \(december)")
        #expect(january.luminance > solid.luminance)
        let after = try #require(sample(try year(2026) + 20, midY))
        #expect(after.luminance >= december.luminance, "nothing drawn after 2025 but the tail: \(after)")
    }
}

/// A bound a source gives ("left before 13 Mar 2023") is said on the page with the sources that
/// give it, in the chart's own label, its alt text and its data table. From the fixture record.
@Suite struct TenureBoundsOnThePage {
    @Test func aBoundIsSaidWithItsSources() throws {
        let ws = try TestWorkspace.fixture()
        let (r, out) = try Briefing.build(["--pack", "scrutiny", "--formats", "pdf,csv,txt"], in: ws)
        #expect(r.status == 0, "\(r.stderr)")
        let said = "Steve Reddy: start not known; left in 2023 (month not known, inferred), before 13 Mar 2023 (source: Ofsted, 25 May 2023; Liverpool Echo, 2023)"
        let pdf = normaliseSpace(try tool("pdftotext", ["\(out)/scrutiny.pdf", "-"]).stdout)
        #expect(pdf.contains(said), "the timeline's label")
        #expect(try read("\(out)/scrutiny-timeline.txt").contains(said), "the alt text")
        let row = try csvRows("\(out)/scrutiny-timeline.csv").first { $0.count == 4 && $0[3].hasPrefix("Steve Reddy") }
        #expect(row?[2] == "2023 (month not known, inferred), before 13 Mar 2023 (source: Ofsted, 25 May 2023; Liverpool Echo, 2023)")
    }

    /// Jenny Turnross's start is known only as the year of an undated article that says she "will
    /// join the authority next month", written after the report of 25 May 2023: the page says the
    /// month is not known, that the date is inferred, and the day she was not yet in post.
    @Test func aStartKnownOnlyToTheYearSaysSo() throws {
        let ws = try TestWorkspace.fixture()
        let (r, out) = try Briefing.build(["--pack", "scrutiny", "--formats", "pdf,csv"], in: ws)
        #expect(r.status == 0, "\(r.stderr)")
        let pdf = normaliseSpace(try tool("pdftotext", ["\(out)/scrutiny.pdf", "-"]).stdout)
        #expect(pdf.contains("Jenny Turnross: from 2023 (month not known, inferred), after 25 May 2023 (inferred; source: Liverpool Echo, 2023); known in post in 2025 (last source held)"))
        let row = try csvRows("\(out)/scrutiny-timeline.csv").first { $0.count == 4 && $0[3].hasPrefix("Jenny Turnross") }
        #expect(row?[1] == "2023 (month not known, inferred), after 25 May 2023 (inferred; source: Liverpool Echo, 2023)")
        // Nothing is drawn for her before the day after the bound.
        let record = try ws.liverpool()
        let item = try #require(record.timelineItems.first { $0.id.hasSuffix(":Jenny Turnross") })
        #expect(item.possible?.lowerBound == DayDate(year: 2023, month: 5, day: 26))
        #expect(!pdf.contains("Jenny Turnross: from 2023;"), "never a bare year")
    }
}
