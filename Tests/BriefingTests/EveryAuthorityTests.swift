import Foundation
import Testing
import BriefingTestSupport

/// One word `pdftotext -bbox` found, with its page and box (points, top-left origin).
struct WordBox {
    var page: Int, text: String, x0: Double, y0: Double, x1: Double, y1: Double
}

/// Every word of every page of `pdf`, from `pdftotext -bbox`.
func wordBoxes(_ pdf: String) throws -> [WordBox] {
    let xml = try tool("pdftotext", ["-bbox", pdf, "-"]).stdout
    var out: [WordBox] = [], page = 0
    for line in xml.split(separator: "\n") {
        if line.contains("<page ") { page += 1; continue }
        guard line.contains("<word ") else { continue }
        func attr(_ name: String) -> Double {
            guard let r = line.range(of: "\(name)=\"") else { return 0 }
            return Double(line[r.upperBound...].prefix { $0 != "\"" }) ?? 0
        }
        let text = line.split(separator: ">", maxSplits: 1).last.map { String($0.prefix { $0 != "<" }) } ?? ""
        out.append(WordBox(page: page, text: text, x0: attr("xMin"), y0: attr("yMin"), x1: attr("xMax"), y1: attr("yMax")))
    }
    return out
}

/// Pairs of words on the same page whose boxes overlap (by more than half a point each way,
/// so words that merely touch are not counted): text drawn on top of other text.
func overlappingWords(_ pdf: String) throws -> [String] {
    overlaps(in: try wordBoxes(pdf)).map { "\(URL(fileURLWithPath: pdf).lastPathComponent) \($0)" }
}

func overlaps(in words: [WordBox]) -> [String] {
    var problems: [String] = []
    for (page, onPage) in Dictionary(grouping: words, by: \.page).sorted(by: { $0.key < $1.key }) {
        let sorted = onPage.sorted { $0.x0 < $1.x0 }
        for i in sorted.indices {
            var j = i + 1
            while j < sorted.count && sorted[j].x0 < sorted[i].x1 - 0.5 {
                let a = sorted[i], b = sorted[j]
                if min(a.x1, b.x1) - max(a.x0, b.x0) > 0.5 && min(a.y1, b.y1) - max(a.y0, b.y0) > 0.5 {
                    problems.append("page \(page): \"\(a.text)\" overlaps \"\(b.text)\"")
                }
                j += 1
            }
        }
    }
    return problems
}

/// The rows of a tidy CSV the build wrote (byte-order mark dropped; quoted fields kept whole).
func csvRows(_ path: String) throws -> [[String]] {
    let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)).dropFirst(3), as: UTF8.self)
    return text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { line in
        var f: [String] = [], field = "", quoted = false
        for ch in line {
            if ch == "\"" { quoted.toggle() } else if ch == "," && !quoted { f.append(field); field = "" } else { field.append(ch) }
        }
        return f + [field]
    }
}

/// Each authority's newest graded inspection in the committed Ofsted table, by its name in the
/// DfE directory (joined on ONS code, current or former, as Ofsted's names differ: "Herefordshire"
/// against "Herefordshire, County of"): (month and year, overall effectiveness), read from the
/// data rather than written into the test.
func latestInOutcomesFile() throws -> [String: (when: String, overall: String)] {
    var names: [String: String] = [:]
    for row in try read(Repo.path("Reports/data/authorities.csv")).split(separator: "\n").dropFirst() {
        var f: [String] = [], field = "", quoted = false
        for ch in row {
            if ch == "\"" { quoted.toggle() } else if ch == "," && !quoted { f.append(field); field = "" } else { field.append(ch) }
        }
        f.append(field)
        for code in [f[1]] + f[4].split(separator: " ").map(String.init) { names[code] = f[2] }
    }
    let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    var out: [String: (when: String, overall: String)] = [:]
    for line in try read(Repo.path("Reports/data/ofsted-outcomes.csv")).split(separator: "\n") where line.hasPrefix("Inspections_as_at_31_March,") {
        var f: [String] = [], field = "", quoted = false
        for ch in line {
            if ch == "\"" { quoted.toggle() } else if ch == "," && !quoted { f.append(field); field = "" } else { field.append(ch) }
        }
        f.append(field)
        let date = f[6].split(separator: "-").compactMap { Int($0) }
        out[names[f[2]] ?? f[3]] = ("\(months[date[1] - 1]) \(date[0])", f[9])
    }
    return out
}

/// The five authorities the issue names: a small unitary, a county-sized unitary, a metropolitan
/// city, a new 2023 unitary (old ONS code) and a metropolitan borough.
let fiveShapes = ["Rutland", "Cornwall", "Birmingham", "North Yorkshire", "Knowsley"]

@Suite(.serialized) struct EveryAuthority {
    /// The check itself can fail: two words drawn over each other are found; touching ones are not.
    @Test func theOverlapCheckFindsStackedWords() {
        let heading = WordBox(page: 1, text: "Referrals", x0: 48, y0: 100, x1: 90, y1: 110)
        #expect(overlaps(in: [heading, WordBox(page: 1, text: "Caseload", x0: 60, y0: 104, x1: 100, y1: 114)]).count == 1)
        #expect(overlaps(in: [heading, WordBox(page: 1, text: "per", x0: 90, y0: 100, x1: 100, y1: 110)]).isEmpty)
        #expect(overlaps(in: [heading, WordBox(page: 2, text: "Caseload", x0: 60, y0: 104, x1: 100, y1: 114)]).isEmpty)
    }

    @Test func fivePacksHaveFiguresNoOverlapsAndTheRightNeighbours() throws {
        let (r, out) = try Briefing.build(fiveShapes.flatMap { ["--authority", $0] })
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("6 packs: 6 built"), "five packs and one comparison pack: \(r.stdout)")
        let latest = try latestInOutcomesFile()
        let liverpoolNewest = try #require(try TestWorkspace.repository.liverpool().gradedInspections.last).start.monthYear
        for name in fiveShapes {
            let slug = name.lowercased().replacingOccurrences(of: " ", with: "-")
            // Key indicators: a row per indicator, the authority's figure a number.
            let table = try csvRows("\(out)/\(slug)-indicator-table.csv")
            let mine = table.filter { $0.count > 5 && $0[4] == name && Double($0[5]) != nil }
            #expect(mine.count >= 10, "\(name): key-indicator rows with numbers: \(mine.count)")
            #expect(table.contains { $0.count > 7 && $0[4] == "Neighbours’ average" && $0[7].hasSuffix("of 10") }, "\(name): how many neighbours had a figure")
            // Every neighbour's newest judgement is the data's (Liverpool's from its own, newer record).
            // One row per authority and judgement, keyed by authority, newest inspection and its source.
            let grid = try csvRows("\(out)/\(slug)-neighbour-comparison.csv")
            #expect(grid.first?.prefix(4) == ["\u{FEFF}Authority", "Newest inspection", "From", "Judgement"] || grid.first?.prefix(4) == ["Authority", "Newest inspection", "From", "Judgement"], "\(grid.first ?? [])")
            let inspected = grid.dropFirst().filter { $0.count > 4 && $0[3] == "Overall effectiveness" }.map { [$0[0], "Newest inspection", $0[1]] }
            #expect(inspected.count == 11, "\(name) and ten neighbours")
            for row in inspected where row[0] != "Liverpool" {
                let expected = try #require(latest[row[0]], "\(row[0]) in the outcomes file")
                #expect(row[2] == expected.when, "\(name)'s page: \(row[0]) inspected \(row[2]), the data says \(expected.when)")
                let overall = grid.first { $0[0] == row[0] && $0.count > 4 && $0[3] == "Overall effectiveness" }?[4]
                #expect(overall == expected.overall, "\(row[0]) overall")
            }
            if let liverpool = inspected.first(where: { $0[0] == "Liverpool" }) { #expect(liverpool[2] == liverpoolNewest, "from Liverpool's own record") }
            let overlaps = try overlappingWords("\(out)/\(slug).pdf")
            #expect(overlaps.isEmpty, "\(overlaps.prefix(5))")
        }
        // North Yorkshire finds its July 2023 Outstanding although the directory once held its old code.
        let ny = normaliseSpace(try tool("pdftotext", ["\(out)/north-yorkshire.pdf", "-"]).stdout)
        #expect(ny.contains("North Yorkshire (July 2023)"))
        #expect(ny.contains("Outstanding"))
        #expect(!ny.contains("North Yorkshire has no inspection on record"))
        // The comparison pack: every authority in the grid, indicators as rates.
        let group = normaliseSpace(try tool("pdftotext", ["\(out)/comparison.pdf", "-"]).stdout)
        for name in fiveShapes { #expect(group.contains(name)) }
        #expect(group.contains("Referrals per 10,000 children"))
        #expect(try overlappingWords("\(out)/comparison.pdf").isEmpty)
    }

    @Test func currentAndFormerCodesResolve() throws {
        for code in ["E06000065", "E10000023"] {
            let (r, out) = try Briefing.build(["--authority", code])
            #expect(r.status == 0, "\(code): \(r.stderr)")
            #expect(FileManager.default.fileExists(atPath: "\(out)/north-yorkshire.pdf"), "\(code)")
            if code == "E10000023" { #expect(r.stderr.contains("former ONS code; its current code is E06000065"), "\(r.stderr)") }
        }
    }

    @Test func anAuthorityAndAPackBuildExactlyThatPack() throws {
        let (r, out) = try Briefing.build(["--authority", "Knowsley", "--pack", "scrutiny"])
        #expect(r.status == 0, "\(r.stderr)")
        let pdfs = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".pdf") }
        #expect(pdfs == ["knowsley-scrutiny.pdf"], "\(pdfs)")
    }

    @Test func aListFileBuildsTheSetAndItsComparison() throws {
        let dir = try makeTemporaryFolder()
        try writeFile("\(dir)/alliance.txt", "# a regional alliance\nLiverpool\n340\n\nE08000013\n")
        let (r, out) = try Briefing.build(["--authorities", "\(dir)/alliance.txt"])
        #expect(r.status == 0, "\(r.stderr)")
        let pdfs = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".pdf") }.sorted()
        #expect(pdfs == ["alliance-comparison.pdf", "knowsley.pdf", "liverpool.pdf", "st-helens.pdf"], "\(pdfs)")
    }

    /// Rutland's figures taken out of a copy of the data: each chart says so in one sentence, on
    /// the page and in its alt text, and nothing is drawn on top of anything else.
    @Test func aChartWithNoDataSaysSo() throws {
        let ws = try TestWorkspace.copy()
        let path = "\(ws)/Reports/data/indicators.csv"
        try writeFile(path, try read(path).split(separator: "\n").filter { !$0.contains(",857,Rutland,") }.joined(separator: "\n") + "\n")
        let (r, out) = try Briefing.build(["--authority", "Rutland"], in: ws)
        #expect(r.status == 0, "\(r.stderr)")
        let text = normaliseSpace(try tool("pdftotext", ["\(out)/rutland.pdf", "-"]).stdout)
        #expect(text.contains("No figures for Rutland are published for this indicator, so there is nothing to draw."))
        #expect(text.contains("No published figures for Rutland on any key indicator are held, so there is nothing to compare."))
        #expect(try read("\(out)/rutland-indicator-trends.txt").contains("No figures for Rutland are published for this indicator"))
        #expect(try read("\(out)/rutland-indicator-table.txt").contains("No published figures for Rutland"))
        let overlaps = try overlappingWords("\(out)/rutland.pdf")
        #expect(overlaps.isEmpty, "\(overlaps.prefix(5))")
    }

    /// Each trend panel's title is its finding, computed from the data: here Liverpool's latest
    /// re-referral rate against England's, both read from the committed data.
    @Test func trendTitlesStateTheirFinding() throws {
        let lines = try read(Repo.path("Reports/data/indicators.csv")).split(separator: "\n").map { $0.components(separatedBy: ",") }
        let column = try #require(lines[0].firstIndex(of: "rereferrals-percent"))
        let latest = try #require(lines.filter { $0.count > column && $0[3] == "341" }.map(\.[0]).max())
        let mine = try #require(lines.first { $0[0] == latest && $0[3] == "341" }?[column])
        let england = try #require(lines.first { $0[0] == latest && $0[1] == "National" }?[column])
        let (r, out) = try Briefing.build(["--pack", "national-context"])
        #expect(r.status == 0, "\(r.stderr)")
        let text = normaliseSpace(try tool("pdftotext", ["\(out)/national-context.pdf", "-"]).stdout)
        // Within 5% of England's, or no more than one rounding step (0.1) apart, is about the same.
        let gap = Double(mine)! - Double(england)!, similar = abs(gap) <= max(Double(england)! * 0.05, 0.1 + 1e-9)
        let word = similar ? "about the same as" : gap > 0 ? "above" : "below"
        let fmt = { (s: String) in String(format: "%.1f%%", Double(s)!) }
        #expect(text.contains("Re-referrals within 12 months at \(fmt(mine)) in \(latest)"), "finding title")
        #expect(text.contains("\(word) England’s \(fmt(england))"))
        // Counts are the authority's own trend only; comparisons use rates, in words and symbols.
        #expect(text.contains("Compared with England") && text.contains("Compared with neighbours"))
        #expect(text.contains("▲ higher (worse)") || text.contains("▼ lower (better)"))
    }

    /// A sample of 20 authorities (every eighth in DfE code order, so counties, unitaries, London
    /// and metropolitan boroughs all appear) built with the scrutiny template: no overlapping words.
    @Test func aSampleOfTwentyHasNoOverlappingText() throws {
        let directory = try read(Repo.path("Reports/data/authorities.csv")).split(separator: "\n").dropFirst()
        let codes = directory.enumerated().filter { $0.offset % 8 == 0 }.map { String($0.element.prefix { $0 != "," }) }.prefix(20)
        #expect(codes.count == 20)
        let (r, out) = try Briefing.build(["--pack", "scrutiny", "--quiet"] + codes.flatMap { ["--authority", $0] })
        #expect(r.status == 0, "\(r.stderr)")
        let pdfs = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".pdf") }
        #expect(pdfs.count == 21, "twenty packs and the comparison pack")
        var problems: [String] = []
        for pdf in pdfs { problems += try overlappingWords("\(out)/\(pdf)") }
        #expect(problems.isEmpty, "\(problems.count) overlaps: \(problems.prefix(8))")
    }
}
