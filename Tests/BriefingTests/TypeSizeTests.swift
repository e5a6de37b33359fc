import Foundation
import Testing
import BriefingTestSupport

/// Readable type on the printed page: every word's measured height in the real PDF shows its
/// size (Liberation Sans words are about 1.12 times their point size tall in pdftotext's boxes).
@Suite(.serialized) struct ReadableType {
    /// The smallest word height on any page, and the word.
    func smallestWord(_ pdf: String) throws -> (height: Double, word: String) {
        let html = try tool("pdftotext", ["-bbox", pdf, "-"]).stdout
        let pattern = try NSRegularExpression(pattern: #"<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>"#)
        var smallest = (height: Double.infinity, word: "")
        for m in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            let r = { (i: Int) in String(html[Range(m.range(at: i), in: html)!]) }
            let h = Double(r(2))! - Double(r(1))!
            if h < smallest.height { smallest = (h, r(3)) }
        }
        return smallest
    }

    @Test(arguments: [("default", 9.0), ("greyscale", 9.0), ("rag", 9.0), ("large-print", 14.0)])
    func nothingSmallerThanTheStyleAllows(style: String, points: Double) throws {
        let (r, out) = try Briefing.build(["--pack", "scrutiny", "--style", style])
        #expect(r.status == 0, "\(r.stderr)")
        let small = try smallestWord("\(out)/scrutiny.pdf")
        #expect(small.height >= points * 1.1, "\(style): \"\(small.word)\" is \(small.height) pt tall, under \(points) pt type")
    }

    @Test func bodyTextMeetsCommitteeAndClearPrintSizes() throws {
        for (style, body, least) in [("default", 11.0, 9.0), ("large-print", 16.0, 14.0)] {
            let yaml = try String(contentsOfFile: Repo.path("Styles/\(style).yaml"), encoding: .utf8)
            var sizes: [String: Double] = [:]
            var inSizes = false
            for line in yaml.split(separator: "\n") {
                if line.hasPrefix("sizes:") { inSizes = true; continue }
                if inSizes && !line.hasPrefix("  ") { break }
                let parts = line.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
                if inSizes, parts.count == 2, let v = Double(parts[1]) { sizes[parts[0]] = v }
            }
            #expect(sizes["body"] ?? 0 >= body, "\(style) body")
            #expect(sizes.values.min() ?? 0 >= least, "\(style): \(sizes)")
        }
    }
}
