import Foundation
import Testing
import BriefingTestSupport

/// The stored outcomes of one table as a CSV export of that sheet (no Sheet column).
func exportOf(_ ws: TestWorkspace, sheet: String) throws -> [String] {
    let lines = try read("\(ws)/Reports/data/ofsted-outcomes.csv").split(separator: "\n").map(String.init)
    return [String(lines[0].dropFirst("Sheet,".count))] + lines.filter { $0.hasPrefix(sheet + ",") }.map { String($0.dropFirst(sheet.count + 1)) }
}

let outcomesFile = "Reports/data/ofsted-outcomes.csv"

@Suite struct OfstedImportTransactions {
    /// Every refusal leaves the stored file byte for byte as it was.
    func refused(_ ws: TestWorkspace, _ args: [String], saying words: [String], status: Int32 = 65) throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: "\(ws)/\(outcomesFile)"))
        let r = try Briefing.run(["import"] + args, in: ws, timeout: 120)
        #expect(r.status == status, "\(r.status): \(r.stderr)")
        for w in words { #expect(r.stderr.contains(w), "expected \"\(w)\" in: \(r.stderr)") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(ws)/\(outcomesFile)")) == before, "a refused import changed the stored data")
    }

    @Test func aHeaderOnlyCSVIsRefused() throws {
        let ws = try TestWorkspace.copy()
        try writeFile("\(ws)/empty.csv", try exportOf(ws, sheet: "Inspections_as_at_31_March")[0] + "\n")
        try refused(ws, ["ofsted", "--sheet", "latest", "\(ws)/empty.csv"], saying: ["the latest judgements table holds no authorities; 153 are stored"])
    }

    @Test func aOneSheetCSVReplacesOnlyThatSheet() throws {
        let ws = try TestWorkspace.copy()
        let latest = try exportOf(ws, sheet: "Inspections_as_at_31_March")
        let edited = latest.map { $0.contains(",Knowsley,") ? $0.replacingOccurrences(of: "2025-01-20", with: "2025-01-21") : $0 }
        try writeFile("\(ws)/latest.csv", edited.joined(separator: "\n") + "\n")
        let before = try read("\(ws)/\(outcomesFile)")
        let r = try Briefing.run(["import", "ofsted", "--sheet", "latest", "\(ws)/latest.csv"], in: ws, timeout: 120)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("latest judgements: 153 authorities, 153 rows (0 added, 1 changed, 0 removed)"), "\(r.stdout)")
        let after = try read("\(ws)/\(outcomesFile)")
        let othersBefore = before.components(separatedBy: "\n").filter { !$0.hasPrefix("Inspections_as_at_31_March,") }
        let othersAfter = after.components(separatedBy: "\n").filter { !$0.hasPrefix("Inspections_as_at_31_March,") }
        let same = othersAfter == othersBefore
        #expect(same, "the other sheets' rows must stay exactly as they were")
        #expect(after.contains("ILACS_inspection_history,https://reports.ofsted.gov.uk/provider/44/340,E08000011,Knowsley,Current,North West,2021-10-11"))
        #expect(after.contains("Inspections_as_at_31_March,https://reports.ofsted.gov.uk/provider/44/340,E08000011,Knowsley,,North West,2024-11-18,2025-01-21"))
    }

    @Test func missingJudgementColumnsAreNamed() throws {
        let ws = try TestWorkspace.copy()
        // Keep the first eight columns only: no grades at all.
        let cut = try exportOf(ws, sheet: "ILACS_inspection_history").map { line -> String in
            var fields: [String] = [], field = "", quoted = false
            for ch in line { if ch == "\"" { quoted.toggle() }; if ch == "," && !quoted { fields.append(field); field = "" } else { field.append(ch) } }
            fields.append(field)
            return fields.prefix(8).joined(separator: ",")
        }
        try writeFile("\(ws)/history.csv", cut.joined(separator: "\n") + "\n")
        try refused(ws, ["ofsted", "\(ws)/history.csv"], saying: [
            "history.csv:1:1: error: the judgement columns \"Overall effectiveness\", \"The impact of leaders on social work practice with children and families\", \"The experiences and progress of children who need help and protection\", and \"The experiences and progress of children in care\" (or",
        ])
    }

    @Test func farFewerAuthoritiesNeedAllowFewer() throws {
        let ws = try TestWorkspace.copy()
        let latest = try exportOf(ws, sheet: "Inspections_as_at_31_March")
        try writeFile("\(ws)/three.csv", latest.prefix(4).joined(separator: "\n") + "\n")
        try refused(ws, ["ofsted", "--sheet", "latest", "\(ws)/three.csv"],
                    saying: ["the latest judgements table names 3 authorities where 153 are stored; refusing to drop 150", "--allow-fewer"])
        let r = try Briefing.run(["import", "ofsted", "--sheet", "latest", "--allow-fewer", "\(ws)/three.csv"], in: ws, timeout: 120)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("latest judgements: 3 authorities, 3 rows (0 added, 0 changed, 150 removed)"), "\(r.stdout)")
    }

    @Test func identicalDuplicatesAreFoldedWithAWarning() throws {
        let ws = try TestWorkspace.copy()
        let latest = try exportOf(ws, sheet: "Inspections_as_at_31_March")
        let knowsley = try #require(latest.first { $0.contains(",Knowsley,") })
        try writeFile("\(ws)/copies.csv", (latest + Array(repeating: knowsley, count: 1000)).joined(separator: "\n") + "\n")
        let r = try Briefing.run(["import", "ofsted", "--sheet", "latest", "\(ws)/copies.csv"], in: ws, timeout: 120)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("warning: Knowsley is given 1001 times, identically (rows"), "\(r.stderr)")
        #expect(r.stdout.contains("nothing changed"), "\(r.stdout)")
    }

    @Test func conflictingDuplicatesAreRefusedNamingTheRows() throws {
        let ws = try TestWorkspace.copy()
        var latest = try exportOf(ws, sheet: "Inspections_as_at_31_March")
        let knowsley = try #require(latest.first { $0.contains(",Knowsley,") })
        let row = latest.firstIndex(of: knowsley)! + 1
        latest.append(knowsley.replacingOccurrences(of: "2024-11-18,2025-01-20,,Inadequate", with: "2024-11-18,2025-01-20,,Good"))
        try writeFile("\(ws)/conflict.csv", latest.joined(separator: "\n") + "\n")
        try refused(ws, ["ofsted", "--sheet", "latest", "\(ws)/conflict.csv"],
                    saying: ["conflict.csv:\(latest.count):1: error: Knowsley is given 2 times with different values (rows \(row), \(latest.count))"])
    }

    @Test func isoDateTimesAreDates() throws {
        let ws = try TestWorkspace.copy()
        let latest = try exportOf(ws, sheet: "Inspections_as_at_31_March").map {
            $0.replacingOccurrences(of: #",(\d{4}-\d{2}-\d{2}),"#, with: ",$1T00:00:00,", options: .regularExpression)
        }
        #expect(latest[1].contains("T00:00:00"))
        try writeFile("\(ws)/datetimes.csv", latest.joined(separator: "\n") + "\n")
        let r = try Briefing.run(["import", "ofsted", "--sheet", "latest", "\(ws)/datetimes.csv"], in: ws, timeout: 120)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("nothing changed"), "\(r.stdout)")
    }
}
