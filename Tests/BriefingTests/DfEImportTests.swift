import Foundation
import Testing
import BriefingTestSupport

/// An Explore Education Statistics CSV of the referral indicators, made from the stored figures
/// (England, the North West, Liverpool and its neighbours), with `edit` applied to each row.
func referralsEES(_ ws: TestWorkspace, edit: ([String]) -> [String] = { $0 }) throws -> String {
    let lines = try read("\(ws)/Reports/data/indicators.csv").split(separator: "\n").map(String.init)
    // time_period,geographic_level,code,dfe_code,name,<one column per indicator> (names may be quoted)
    let header = lines[0].components(separatedBy: ",")
    var byPlace: [String: [String: String]] = [:], places: [String: [String]] = [:]
    for line in lines.dropFirst() {
        var f: [String] = [], field = "", quoted = false
        for ch in line {
            if ch == "\"" { quoted.toggle() } else if ch == "," && !quoted { f.append(field); field = "" } else { field.append(ch) }
        }
        f.append(field)
        let key = "\(f[0])|\(f[2])"
        places[key] = [f[0], f[1], f[2], f[3], f[4]]
        for (i, id) in header.enumerated().dropFirst(5) where !f[i].isEmpty { byPlace[key, default: [:]][id] = f[i] }
    }
    var out = ["time_period,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,referral_count,rereferral_percent,no_further_action_percent"]
    for key in places.keys.sorted() {
        let p = places[key]!, v = byPlace[key]
        guard let v, let r = v["referrals"], let rr = v["rereferrals-percent"], let nfa = v["nfa-percent"] else { continue }
        let q = "\"\(p[4])\""
        let geo: [String]
        switch p[1] {
        case "National": geo = [p[2], q, "", "", "", "", ""]
        case "Regional": geo = ["E92000001", "England", p[2], q, "", "", ""]
        default: geo = ["E92000001", "England", "", "", p[3], p[2], q]
        }
        out.append(edit([p[0], p[1]] + geo + [r, rr, nfa]).joined(separator: ","))
    }
    return out.joined(separator: "\n") + "\n"
}

@Suite struct DfEImportTransactions {
    @Test func aFileReplacesOnlyTheIndicatorsItHolds() throws {
        let ws = try TestWorkspace.copy()
        // Named unlike any DfE file: recognised by its columns.
        try writeFile("\(ws)/my-download.csv", try referralsEES(ws) { row in
            row[0] == "2025" && row[7] == "E08000012" ? Array(row[..<9]) + ["8500"] + Array(row[10...]) : row
        })
        let before = try read("\(ws)/Reports/data/indicators.csv").split(separator: "\n")
        let neighbours = try Data(contentsOf: URL(fileURLWithPath: "\(ws)/Reports/data/statistical-neighbours.csv"))
        let r = try Briefing.run(["import", "dfe", "\(ws)/my-download.csv"], in: ws, timeout: 120)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("referrals: 173 places, 2013–2025; periods added: none; 1 figures changed"), "\(r.stdout)")
        let after = try read("\(ws)/Reports/data/indicators.csv").split(separator: "\n")
        // Every column but the three in the file stays exactly as it was, row by row.
        let header = before[0].components(separatedBy: ",")
        let inFile = Set(["referrals", "rereferrals-percent", "nfa-percent"].compactMap { header.firstIndex(of: $0) })
        let untouched = { (lines: [Substring]) in lines.map { line in
            line.replacingOccurrences(of: "\"[^\"]*\"", with: "name", options: .regularExpression).components(separatedBy: ",")
                .enumerated().filter { !inFile.contains($0.offset) }.map(\.element)
        } }
        let same = untouched(after) == untouched(before)
        #expect(same, "indicators not in the file must stay exactly as they were")
        let referrals = try #require(header.firstIndex(of: "referrals"))
        let liverpool = try #require(after.first { $0.hasPrefix("2025,Local authority,E08000012,341,Liverpool,") })
        #expect(liverpool.components(separatedBy: ",")[referrals] == "8500")
        #expect(after.count == before.count)
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(ws)/Reports/data/statistical-neighbours.csv")) == neighbours,
                "the stored neighbour model stays when no new one is given")
    }

    @Test func anUnrecognisedFileNamesItsColumns() throws {
        let ws = try TestWorkspace.copy()
        try writeFile("\(ws)/c1_children_in_need_referrals_2026.csv", "year,area,count\n2025,England,1\n")
        let before = try read("\(ws)/Reports/data/indicators.csv")
        let r = try Briefing.run(["import", "dfe", "\(ws)/c1_children_in_need_referrals_2026.csv"], in: ws, timeout: 120)
        #expect(r.status == 65)
        #expect(r.stderr.contains("holds none of the indicators in indicators.yaml"), "\(r.stderr)")
        #expect(r.stderr.contains("its columns: year, area, count"), "\(r.stderr)")
        #expect(try read("\(ws)/Reports/data/indicators.csv") == before)
    }

    @Test func conflictingFiguresAreRefusedAndIdenticalOnesFolded() throws {
        let ws = try TestWorkspace.copy()
        var lines = try referralsEES(ws).split(separator: "\n").map(String.init)
        let liverpool = try #require(lines.first { $0.hasPrefix("2025,") && $0.contains("E08000012") })
        lines.append(liverpool)
        try writeFile("\(ws)/same.csv", lines.joined(separator: "\n") + "\n")
        var r = try Briefing.run(["import", "dfe", "\(ws)/same.csv"], in: ws, timeout: 120)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("warning: Liverpool 2025: referral_count is given again, identically"), "\(r.stderr)")
        lines.append(liverpool.replacingOccurrences(of: ",8410,", with: ",9000,"))
        try writeFile("\(ws)/conflict.csv", lines.joined(separator: "\n") + "\n")
        let before = try read("\(ws)/Reports/data/indicators.csv")
        r = try Briefing.run(["import", "dfe", "\(ws)/conflict.csv"], in: ws, timeout: 120)
        #expect(r.status == 65)
        #expect(r.stderr.contains("conflict.csv:\(lines.count):10: error: Liverpool 2025: referral_count is \"9000\" here but \"8410\" on line"), "\(r.stderr)")
        #expect(try read("\(ws)/Reports/data/indicators.csv") == before)
    }

    @Test func aFewPlacesNeedAllowFewer() throws {
        let ws = try TestWorkspace.copy()
        let england = try referralsEES(ws).split(separator: "\n").filter { $0.hasPrefix("time_period") || $0.contains(",National,") }
        try writeFile("\(ws)/england.csv", england.joined(separator: "\n") + "\n")
        let r = try Briefing.run(["import", "dfe", "\(ws)/england.csv"], in: ws, timeout: 120)
        #expect(r.status == 65)
        #expect(r.stderr.contains("referrals has figures for 1 places where 173 are stored"), "\(r.stderr)")
    }
}

@Suite struct ImportExitCodes {
    @Test func aMissingInputIs66() throws {
        let ws = try TestWorkspace.copy()
        let r = try Briefing.run(["import", "ofsted", "\(ws)/no-such.ods"], in: ws, timeout: 120)
        #expect(r.status == 66)
        #expect(r.stderr.contains("no-such.ods: error: file not found (No such file or directory)"), "\(r.stderr)")
        #expect(try Briefing.run(["import", "dfe", "\(ws)/no-such.csv"], in: ws, timeout: 120).status == 66)
    }

    @Test func anOutputThatCannotBeCreatedIs73WithTheReason() throws {
        let ws = try TestWorkspace.copy()
        try writeFile("\(ws)/latest.csv", try exportOf(ws, sheet: "Inspections_as_at_31_March").joined(separator: "\n") + "\n")
        try FileManager.default.removeItem(atPath: "\(ws)/Reports/data")
        try writeFile("\(ws)/Reports/data", "a file where the data folder should be\n")
        let r = try Briefing.run(["import", "ofsted", "--sheet", "latest", "\(ws)/latest.csv"], in: ws, timeout: 120)
        #expect(r.status == 73, "\(r.status): \(r.stderr)")
        #expect(r.stderr.contains("cannot create: \(ws)/Reports/data is a file, not a folder"), "\(r.stderr)")
        #expect(!r.stderr.contains("NSError") && !r.stderr.contains("Domain="))
    }

    /// A write that fails part-way under a file-size limit (`ulimit -f`: EFBIG, "File too large") is
    /// 74 with that reason. A real full disk (ENOSPC) is `FullDisk`'s, on a tmpfs.
    @Test func aWriteThatFailsPartWayIs74WithTheReason() throws {
        let ws = try TestWorkspace.copy()
        let latest = try exportOf(ws, sheet: "Inspections_as_at_31_March").map { $0.replacingOccurrences(of: "2025-01-20", with: "2025-01-21") }
        try writeFile("\(ws)/latest.csv", latest.joined(separator: "\n") + "\n")
        let before = try read("\(ws)/\(outcomesFile)")
        let r = try Briefing.run(["import", "ofsted", "--sheet", "latest", "\(ws)/latest.csv"], in: ws, limits: ["-f 16"])
        #expect(r.status == 74, "\(r.status): \(r.stderr)")
        #expect(r.stderr.contains("cannot write: File too large"), "\(r.stderr)")
        #expect(try read("\(ws)/\(outcomesFile)") == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(ws)/Reports/data").filter { $0.hasSuffix(".tmp") }.isEmpty)
    }
}
