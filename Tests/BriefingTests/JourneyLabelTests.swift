import Foundation
import Testing
import BriefingTestSupport

/// The judgement journey's labels, read back from the PDF with `pdftotext -bbox` in every style:
/// each word inside the page's text block, no two words on the page overlapping, and the label of
/// a line that stops before the last inspection (overall effectiveness, not judged in May 2026)
/// set where that line stops, not beside the May 2026 column where it has no point.
@Suite struct JourneyLabels {
    struct Word { var text: String; var x0, y0, x1, y1: Double }

    func words(_ bbox: String) -> [Word] {
        func number(_ s: Substring, _ key: String) -> Double? {
            guard let r = s.range(of: "\(key)=\"") else { return nil }
            return Double(s[r.upperBound...].prefix { $0 != "\"" })
        }
        return bbox.components(separatedBy: "<word ").dropFirst().compactMap { chunk -> Word? in
            let s = Substring(chunk)
            guard let x0 = number(s, "xMin"), let y0 = number(s, "yMin"), let x1 = number(s, "xMax"), let y1 = number(s, "yMax"),
                  let open = s.firstIndex(of: ">"), let close = s.range(of: "</word>") else { return nil }
            return Word(text: String(s[s.index(after: open)..<close.lowerBound]), x0: x0, y0: y0, x1: x1, y1: y1)
        }
    }

    @Test(arguments: ["default", "greyscale", "large-print", "rag"])
    func labelsSitInsideAndApart(style: String) throws {
        let ws = try TestWorkspace.fixture()
        let (r, out) = try Briefing.build(["--pack", "scrutiny", "--style", style, "--formats", "pdf"], in: ws)
        #expect(r.status == 0, "\(r.stderr)")
        let pdf = "\(out)/scrutiny.pdf"
        let count = try #require(Int(try tool("pdfinfo", [pdf]).stdout.components(separatedBy: "\n").first { $0.hasPrefix("Pages:") }?
            .split(separator: " ").last ?? ""))
        let page = try #require((1...count).first { n in (try? tool("pdftotext", ["-f", "\(n)", "-l", "\(n)", pdf, "-"]).stdout.contains("A line breaks where an area")) == true })
        let all = words(try tool("pdftotext", ["-bbox", "-f", "\(page)", "-l", "\(page)", pdf, "-"]).stdout)
        // The text block's right edge is the running header's: "OFFICIAL" is set flush right.
        let right = try #require(all.first { $0.text == "OFFICIAL" }).x1
        let left = try #require(all.map(\.x0).min())
        for w in all { #expect(w.x1 <= right + 0.5 && w.x0 >= left - 0.5, "\(style): \"\(w.text)\" at \(w.x0)–\(w.x1) is outside \(left)–\(right)") }
        for (i, a) in all.enumerated() {
            for b in all[(i + 1)...] where min(a.x1, b.x1) - max(a.x0, b.x0) > 0.5 && min(a.y1, b.y1) - max(a.y0, b.y0) > 0.5 {
                Issue.record("\(style): \"\(a.text)\" and \"\(b.text)\" overlap")
            }
        }
        // The plot lies between the column headings ("May 2018 March 2023 May 2026") and the key
        // ("A line breaks where …"); the "Overall" in it is the line's label.
        func at(_ i: Int, _ texts: [String]) -> Bool { i + texts.count <= all.count && zip(all[i...], texts).allSatisfy { $0.text == $1 } }
        let k = try #require(all.indices.first { at($0, ["A", "line", "breaks"]) }), key = all[k].y0
        let m = try #require(all.indices.first { at($0, ["March", "2023"]) })
        let heading = try #require(all.indices.first { $0 > m && at($0, ["May", "2026"]) && abs(all[$0].y0 - all[m].y0) < 1 }.map { all[$0] })
        let label = try #require(all.first { $0.text == "Overall" && $0.y0 > heading.y1 && $0.y1 < key }, "\(style): the line's label")
        #expect(label.x0 < heading.x0, "\(style): the overall effectiveness label (at \(label.x0)) sits where its line stops, left of the May 2026 column (\(heading.x0))")
    }
}
