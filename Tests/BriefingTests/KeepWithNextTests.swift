import Foundation
import Testing
import BriefingTestSupport

/// Headings stranded at the foot of a page, read from a built PDF's structure tree (its leaves in
/// reading order, each with its page): a heading that is the last thing on its page, or a
/// heading whose table starts overleaf with only a label ("Part 1 of 2: …") left under it.
func strandedHeadings(pdf: String) throws -> [String] {
    let s = try PDFStructure(path: pdf)
    let leaves = s.roots.flatMap(\.all).filter { !$0.mcids.isEmpty && $0.page != nil }
    func isHeading(_ i: Int) -> Bool { leaves[i].type == "H1" || leaves[i].type == "H2" }
    var problems: [String] = []
    var last: [Int: Int] = [:]
    for i in leaves.indices { last[leaves[i].page!] = i }
    for (page, i) in last.sorted(by: { $0.key < $1.key }) where isHeading(i) {
        problems.append("page \(page) ends with a heading (\(leaves[i].type))")
    }
    for i in leaves.indices where isHeading(i) {
        var j = i + 1
        while j < leaves.count && leaves[j].type == "P" { j += 1 }
        if j < leaves.count, leaves[j].type == "TH", leaves[j].page != leaves[i].page {
            problems.append("page \(leaves[i].page!): a \(leaves[i].type) heading whose table starts on page \(leaves[j].page!)")
        }
    }
    return problems
}

@Suite(.serialized) struct KeepWithNext {
    /// The small authorities (long data tables, few figures) in the default and large-print styles:
    /// every heading shares its page with what it introduces.
    @Test(arguments: ["default", "large-print"])
    func headingsKeepWithWhatTheyIntroduce(style: String) throws {
        let (r, out) = try Briefing.build(["--style", style, "--pack", "scrutiny", "--quiet", "--formats", "pdf",
                                               "--authority", "Rutland", "--authority", "Isles of Scilly", "--authority", "Liverpool"])
        #expect(r.status == 0, "\(r.stderr)")
        for pdf in try FileManager.default.contentsOfDirectory(atPath: out).filter({ $0.hasSuffix(".pdf") }).sorted() {
            let problems = try strandedHeadings(pdf: "\(out)/\(pdf)")
            #expect(problems.isEmpty, "\(style)/\(pdf): \(problems.prefix(5).joined(separator: "; "))")
        }
    }
}
