import Foundation
import Testing
import BriefingTestSupport

/// Headings stranded at the foot of a page, read from a built PDF's structure tree (its leaves in
/// reading order, each with its page): a heading that is the last thing on its page, or a
/// heading whose table starts overleaf with only a label ("Part 1 of 2: …") left under it, or a
/// heading and its opening paragraph left at the foot of a page while its section goes on overleaf.
func strandedHeadings(pdf: String) throws -> [String] {
    let s = try PDFStructure(path: pdf)
    let leaves = s.roots.flatMap(\.all).filter { !$0.mcids.isEmpty && $0.page != nil }
    func isHeading(_ i: Int) -> Bool { leaves[i].type == "H1" || leaves[i].type == "H2" }
    var problems: [String] = []
    var last: [Int: Int] = [:]
    for i in leaves.indices { last[leaves[i].page!] = i }
    for (page, i) in last.sorted(by: { $0.key < $1.key }) {
        if isHeading(i) { problems.append("page \(page) ends with a heading (\(leaves[i].type))"); continue }
        // A heading and its opening paragraphs alone at the foot of a page, the section going on
        // overleaf (the data tables' introduction was left so, its first table on the next page).
        var h = i
        while h >= 0 && leaves[h].type == "P" && leaves[h].page == page { h -= 1 }
        if h >= 0, h < i, isHeading(h), leaves[h].page == page, i + 1 < leaves.count,
           (leaves[h].type == "H1" ? ["H2", "TH", "Figure"] : ["TH", "Figure"]).contains(leaves[i + 1].type) {
            problems.append("page \(page) ends with a \(leaves[h].type) heading and the paragraph opening it, what it introduces (\(leaves[i + 1].type)) overleaf")
        }
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

/// Lists whose last item stands alone at the top of a page, the rest of the list on the page
/// before: read as a list of one (the scrutiny pack's page 9 once held one bullet and a note).
func loneLastItems(pdf: String) throws -> [String] {
    let s = try PDFStructure(path: pdf)
    var problems: [String] = []
    for list in s.roots.flatMap(\.all) where list.type == "L" {
        let pages = list.kids.filter { $0.type == "LI" }.compactMap { item in item.all.first { $0.type == "LBody" }?.page }
        guard pages.count >= 2, let last = pages.last, pages[pages.count - 2] != last else { continue }
        problems.append("page \(last): the last of a list's \(pages.count) items alone, the others on page \(pages[pages.count - 2])")
    }
    return problems
}

@Suite(.serialized) struct KeepWithNext {
    /// The small authorities (long data tables, few figures) in the default and large-print styles:
    /// every heading shares its page with what it introduces, and no list's last item stands alone.
    @Test(arguments: ["default", "large-print"])
    func headingsKeepWithWhatTheyIntroduce(style: String) throws {
        let (r, out) = try Briefing.build(["--style", style, "--pack", "scrutiny", "--quiet", "--formats", "pdf",
                                               "--authority", "Rutland", "--authority", "Isles of Scilly", "--authority", "Liverpool"])
        #expect(r.status == 0, "\(r.stderr)")
        // Liverpool's monitoring update too: its data tables open with a paragraph.
        #expect(try Briefing.build(["--style", style, "--pack", "monitoring-update", "--quiet", "--formats", "pdf"], out: out).result.status == 0)
        for pdf in try FileManager.default.contentsOfDirectory(atPath: out).filter({ $0.hasSuffix(".pdf") }).sorted() {
            let problems = try strandedHeadings(pdf: "\(out)/\(pdf)")
            #expect(problems.isEmpty, "\(style)/\(pdf): \(problems.prefix(5).joined(separator: "; "))")
            let lone = try loneLastItems(pdf: "\(out)/\(pdf)")
            #expect(lone.isEmpty, "\(style)/\(pdf): \(lone.prefix(5).joined(separator: "; "))")
        }
    }
}
