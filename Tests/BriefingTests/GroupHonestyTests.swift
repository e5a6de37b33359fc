import Foundation
import Testing
import BriefingTestSupport

/// The set an analyst reviewed: `briefing build --authorities` over eight authorities, built
/// once (a pack per authority and `set-comparison`) for every test below.
enum ReviewedSet {
    static let names = ["Liverpool", "Knowsley", "Birmingham", "Rutland", "Manchester", "Sefton", "Wirral", "Cornwall"]
    static let built: Result<String, any Error> = Result {
        let dir = try makeTemporaryFolder()
        try writeFile("\(dir)/set.txt", names.joined(separator: "\n") + "\n")
        let (r, out) = try Briefing.build(["--authorities", "\(dir)/set.txt", "--formats", "pdf,csv"])
        guard r.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: r.stderr]) }
        return out
    }
    static func folder() throws -> String { try built.get() }

    /// Each page of a PDF, spaces normalised.
    static func pages(_ pdf: String) throws -> [String] {
        try tool("pdftotext", [pdf, "-"]).stdout.components(separatedBy: "\u{0C}").map(normaliseSpace)
    }
}

@Suite(.serialized) struct GroupHonesty {
    /// "Liverpool highest at 73.2" when Knowsley has 72.4 and Sefton 71.6 is a claim the packs'
    /// own rule (similar within 5% or the rounding) does not support. Every table title names a
    /// single highest or lowest only when it stands clear of every other ranked figure by that
    /// rule, checked against the CSV beside the PDF; and never names a figure marked few or none recorded.
    @Test func aHighestOrLowestStandsClearOfTheNext() throws {
        let out = try ReviewedSet.folder()
        let text = try ReviewedSet.pages("\(out)/set-comparison.pdf").joined(separator: " ")
        #expect(!text.contains("Liverpool highest at 73.2"), "73.2 is within 5% of Knowsley's 72.4 and Sefton's 71.6")
        #expect(text.contains("Child protection plans per 10,000 children: Liverpool, Knowsley and Sefton highest, too close to separate (within 5%), at 73.2, 72.4 and 71.6; Cornwall lowest at 32.2"))
        var checked = 0
        for k in 1...4 {
            let path = "\(out)/set-comparison-group-rates-\(k).csv"
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let rows = try csvRows(path).dropFirst().filter { $0[0] != "England" }
            let indicator = rows[0][2]
            let title = indicator.replacingOccurrences(of: #" \(\d{4}\)$"#, with: "", options: .regularExpression)
            let figures = rows.filter { $0[2] == indicator }
            let ranked = figures.filter { $0[5].isEmpty }.compactMap { r in Double(r[3]).map { (r[0], $0) } }
            let claim = try #require(text.range(of: "\(title): [^·]*? Key indicators side by side", options: .regularExpression)
                .map { String(text[$0]) }, "table \(k)'s title")
            for (word, sign) in [("highest", 1.0), ("lowest", -1.0)] {
                // "X highest at v" (one name): every other ranked figure is further than 5% and the rounding away.
                guard let m = claim.range(of: #"(: |; )([A-Z][A-Za-z ]+) \#(word)( of the figures ranked)? at"#, options: .regularExpression) else { continue }
                let name = String(claim[m]).dropFirst(2).components(separatedBy: " \(word)").first!
                let mine = try #require(ranked.first { $0.0 == name }, "\(name) named \(word) in \"\(claim)\" is a ranked figure")
                for (other, v) in ranked where other != name {
                    #expect(sign * (mine.1 - v) > max(abs(mine.1) * 0.05, 0.1), "\(claim): \(other) at \(v) is not clear of \(name) at \(mine.1)")
                }
                for r in figures where !r[5].isEmpty { #expect(!claim.contains(r[0] + " " + word), "\(claim) names a figure marked \(r[5])") }
                checked += 1
            }
        }
        #expect(checked >= 4, "the titles name some single highest and lowest")
    }

    /// DfE publishes children looked after per 10,000 as whole numbers and the single packs print
    /// "145"; the comparison pack prints every figure at its indicator's precision, in the table
    /// and its CSV.
    @Test func figuresKeepTheirPublishedPrecision() throws {
        let out = try ReviewedSet.folder()
        let text = try ReviewedSet.pages("\(out)/set-comparison.pdf").joined(separator: " ")
        // pdftotext gives the table's figures row by row: England's, then Liverpool's, then Knowsley's.
        #expect(text.contains("40.6 50.8 24.5% 67 73.2 102.7 16.0% 145 72.4"))
        #expect(!text.contains("145.0") && !text.contains("67.0"))
        // One decimal place stays one decimal place: Sefton's children in need rate is 471.0.
        #expect(text.contains(" 471.0"))
        let cla = try csvRows("\(out)/set-comparison-group-rates-2.csv").filter { $0[2].hasPrefix("Children looked after per 10,000") }
        #expect(cla.count == 9 && cla.allSatisfy { Int($0[3]) != nil }, "\(cla)")
    }

    /// The authorities compared are not one another's statistical neighbours: the comparison pack
    /// neither speaks of neighbours nor cites DfE's neighbour model, which the single packs (which
    /// do show neighbours) still cite.
    @Test func theSetIsNotCalledNeighbours() throws {
        let out = try ReviewedSet.folder()
        let pages = try ReviewedSet.pages("\(out)/set-comparison.pdf")
        let text = pages.joined(separator: " ")
        #expect(!text.contains("Neighbours’"))
        #expect(!text.localizedCaseInsensitiveContains("statistical neighbour"))
        #expect(text.contains("Every other authority’s grades are as old as its newest inspection in that file (month in brackets)"))
        #expect(try ReviewedSet.pages("\(out)/liverpool.pdf").joined().contains("statistical neighbour model 2025"))
    }

    /// Cornwall recorded 0 of 7,923 referrals as ending in no further action in 2025 (and none
    /// since 2023, after 163 in 2022). A zero out of thousands is not "few": it is shown as
    /// published, marked "none recorded", not compared with England or the neighbours, and no
    /// pack writes "only 0".
    @Test func aZeroOutOfThousandsIsNoneRecordedNotFew() throws {
        let out = try ReviewedSet.folder()
        let cornwall = try ReviewedSet.pages("\(out)/cornwall.pdf").joined(separator: " ")
        #expect(cornwall.contains("0.0% (none recorded)"))
        #expect(!cornwall.contains("0.0% (few)"))
        #expect(cornwall.contains("none recorded: 0 of 7,923 referrals; none since 2023, after 163 in 2022; may reflect recording"))
        let row = try #require(try csvRows("\(out)/cornwall-indicator-table.csv").first { $0[0] == "Referrals ending in no further action" && $0[4] == "Cornwall" })
        #expect(row[2] == "not compared (none recorded)" && row[3] == "not compared (none recorded)", "\(row)")
        #expect(row[5] == "0" && row[7] == "none recorded", "\(row)")
        let set = try ReviewedSet.pages("\(out)/set-comparison.pdf").joined(separator: " ")
        #expect(set.contains("0.0% (none recorded)"))
        let group = try csvRows("\(out)/set-comparison-group-rates-1.csv").first { $0[0] == "Cornwall" && $0[2].hasPrefix("Referrals ending") }
        #expect(group?[5] == "none recorded", "\(group ?? [])")
        for name in ReviewedSet.names.map({ $0.lowercased() }) + ["set-comparison"] {
            #expect(!(try ReviewedSet.pages("\(out)/\(name).pdf").joined().contains("only 0")), "\(name).pdf")
        }
    }

    /// A zero out of few stays "few" (chance among few children), worded without "only 0".
    @Test func aZeroOutOfFewIsStillFew() throws {
        let ws = try TestWorkspace.copy()
        try setFigures(ws.folder, lastYear: 2025, [("Rutland", 2025, "nfa-count", "0"), ("Rutland", 2025, "nfa-percent", "0"),
                                                  ("Rutland", 2025, "referrals", "40")])
        let (r, out) = try Briefing.build(["--authority", "Rutland", "--formats", "pdf,csv"], in: ws)
        #expect(r.status == 0, "\(r.stderr)")
        let row = try #require(try csvRows("\(out)/rutland-indicator-table.csv").first { $0[0] == "Referrals ending in no further action" && $0[4] == "Rutland" })
        #expect(row[1].hasSuffix("few: no referrals ending in no further action") && row[7] == "few", "\(row)")
        #expect(!(try ReviewedSet.pages("\(out)/rutland.pdf").joined().contains("only 0")))
    }
}
