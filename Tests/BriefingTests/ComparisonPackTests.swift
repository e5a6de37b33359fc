import Foundation
import Testing
import BriefingTestSupport
import ZIPFoundation

/// Dates written "7 Jul 2026" or "7 July 2026" in `text`, as (year, month, day).
func writtenDates(_ text: String) -> [[Int]] {
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    let regex = try! NSRegularExpression(pattern: #"\b(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* (\d{4})\b"#)
    return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { m in
        let part = { (i: Int) in String(text[Range(m.range(at: i), in: text)!]) }
        return [Int(part(3))!, months.firstIndex(of: part(2))! + 1, Int(part(1))!]
    }
}

@Suite(.serialized) struct ComparisonPack {
    /// The comparison pack opens with a front sheet like every other pack: a title naming the set,
    /// the authorities listed, and one "data as at" (the newest source the pack uses) that the
    /// front sheet, every page's footer, the PDF's subject and the workbook all give.
    @Test(arguments: [(["Liverpool", "Knowsley", "St Helens", "Sefton", "Wirral", "Halton"], "Six authorities compared"),
                      (["Knowsley", "Rutland", "Cornwall"], "Three authorities compared")])
    func aFrontSheetNamesTheSetAndOneDataAsAt(names: [String], title: String) throws {
        let dir = try makeTemporaryFolder()
        try writeFile("\(dir)/set.txt", names.joined(separator: "\n") + "\n")
        let (r, out) = try Briefing.build(["--authorities", "\(dir)/set.txt", "--formats", "pdf,xlsx"])
        #expect(r.status == 0, "\(r.stderr)")
        let pdf = "\(out)/set-comparison.pdf"
        let pages = Int(try tool("pdfinfo", [pdf]).stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }!.split(separator: " ").last!)!
        func page(_ n: Int) throws -> String { normaliseSpace(try tool("pdftotext", ["-f", "\(n)", "-l", "\(n)", pdf, "-"]).stdout) }

        let cover = try page(1)
        #expect(cover.contains("\(title): children’s services judgements and key indicators Front sheet"), "\(cover)")
        #expect(cover.contains("Authorities " + names.dropLast().joined(separator: ", ") + " and " + names.last!), "\(cover)")
        let asAt = try #require(cover.range(of: #"Data as at \d{1,2} [A-Z][a-z]+ \d{4}, when the newest source this pack uses was published"#, options: .regularExpression)
            .map { String(cover[$0]) }, "\(cover)")
        let date = try #require(writtenDates(asAt).first)

        // Each chart gives its own sources' publication dates ("sources published 30 October 2025
        // to 19 March 2026"); the pack's "data as at" is the newest of them, and a publication the
        // sources page lists.
        var charts: [[Int]] = []
        for n in 2...pages {
            for part in try page(n).components(separatedBy: " published ").dropFirst() {
                let clause = part.components(separatedBy: " · ").first!.prefix(60)
                if let newest = writtenDates(String(clause)).max(by: { $0.lexicographicallyPrecedes($1) }) { charts.append(newest) }
            }
        }
        #expect(charts.count >= 2 && charts.max { $0.lexicographicallyPrecedes($1) } == date, "\(asAt); the charts say \(charts)")
        let listed = try page(pages).components(separatedBy: "Sources, licences and method").last!.components(separatedBy: "Judgement frameworks").first!
        #expect(writtenDates(listed).contains(date), "\(asAt) is the date of a source listed: \(listed)")

        // Every page's footer: the set's name and the same date.
        for n in 1...pages {
            let footers = try page(n).components(separatedBy: "\(title) · data as at ").dropFirst()
            #expect(footers.count == 1, "page \(n): one footer naming the set")
            #expect(footers.first.flatMap { writtenDates($0).first } == date, "page \(n): \(footers.first ?? "")")
        }
        let info = try tool("pdfinfo", [pdf]).stdout
        #expect(info.contains("Title:           \(title)"), "\(info)")
        #expect(writtenDates(info.components(separatedBy: "Subject:").last!).first == date, "\(info)")
        #expect(!info.contains("2000"), "the PDF's creation date comes from the data: \(info)")
        let workbook = try zipEntry(try Archive(url: URL(fileURLWithPath: "\(out)/set-comparison.xlsx"), accessMode: .read), "xl/sharedStrings.xml")
        let cell = try #require(workbook.range(of: #"Data as at [^.<]*"#, options: .regularExpression).map { String(workbook[$0]) })
        #expect(writtenDates(cell).first == date, "the workbook says \(cell)")
    }
}
