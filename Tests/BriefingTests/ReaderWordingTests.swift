import Foundation
import Testing
import TestSupport

/// The pages of a PDF as pdftotext reads them (it ends each page with a form feed), spaces
/// collapsed; index 0 is page 1.
func pdfPages(_ pdf: String) throws -> [String] {
    try tool("pdftotext", [pdf, "-"]).stdout.components(separatedBy: "\u{0C}").dropLast().map(normaliseSpace)
}

/// What readers of packs about other authorities than Liverpool, and of the method notes, are
/// told: read back from real builds (pdftotext, pdfinfo, CSV), each check one a reviewer's
/// finding made fail before it was fixed.
@Suite(.serialized) struct ReaderWording {
    /// One pack-wide "data as at" (the newest source used), said only by the front sheet, footers
    /// and metadata; chart subtitles give their own sources' dates; the PDF is created on it.
    @Test func dataAsAtIsOneDateAndTheCreationDate() throws {
        let (r, out) = try buildPacks(extra: ["--authority", "Rutland", "--authority", "Knowsley", "--pack", "scrutiny"])
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
}
