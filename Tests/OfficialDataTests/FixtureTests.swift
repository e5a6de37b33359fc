import BriefingTestSupport
import Diagnostics
import Foundation
import Judgements
import OfficialData
import Testing
import YAMLFiles
import ZIPFoundation

/// A minimal ODS `content.xml` with the given sheets, each a header in row 3 and data rows.
func contentXML(_ sheets: [(name: String, rows: [[String]])]) -> String {
    func cell(_ v: String) -> String {
        if v.hasPrefix("date:") {
            let d = String(v.dropFirst(5))
            return "<table:table-cell office:value-type=\"date\" office:date-value=\"\(d)T00:00:00\"><text:p>\(d)</text:p></table:table-cell>"
        }
        let escaped = v.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        return v.isEmpty ? "<table:table-cell/>" : "<table:table-cell office:value-type=\"string\"><text:p>\(escaped)</text:p></table:table-cell>"
    }
    let body = sheets.map { s in
        "<table:table table:name=\"\(s.name)\">" +
            "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>Title</text:p></table:table-cell></table:table-row>" +
            "<table:table-row table:number-rows-repeated=\"1\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>" +
            s.rows.map { "<table:table-row>" + $0.map(cell).joined() + "<table:table-cell table:number-columns-repeated=\"16000\"/></table:table-row>" }.joined() +
            "<table:table-row table:number-rows-repeated=\"1048000\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>" +
            "</table:table>"
    }.joined()
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:spreadsheet>\(body)</office:spreadsheet></office:body></office:document-content>"
}

func writeODS(_ sheets: [(name: String, rows: [[String]])]) throws -> String {
    try writeODS(content: Data(contentXML(sheets).utf8))
}

/// An ODS holding exactly these `content.xml` bytes.
func writeODS(content: Data, name: String = "outcomes.ods") throws -> String {
    let path = try makeTemporaryFolder() + "/" + name
    let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
    for (name, data) in [("mimetype", Data("application/vnd.oasis.opendocument.spreadsheet".utf8)), ("content.xml", content)] {
        try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: name == "mimetype" ? .none : .deflate) { pos, size in
            data.subdata(in: Int(pos)..<Int(pos) + size)
        }
    }
    return path
}

let historyHeader = ["Web link", "Local authority area code", "Local authority name", "Local authority status", "Ofsted region",
                     "Inspection date", "Publication date", "Inspection type", "Overall effectiveness",
                     "The impact of leaders on social work practice with children and families",
                     "The experiences and progress of children who need help and protection",
                     "The experiences and progress of children in care", "The experiences and progress of care leavers"]
let latestHeader = ["Web link", "Local authority area code", "Local authority name", "Ofsted region", "Inspection date", "Publication date",
                    "Overall effectiveness", "The impact of leaders on social work practice with children and families",
                    "The experiences and progress of children who need help and protection",
                    "The experiences and progress of children in care", "The experiences and progress of care leavers"]
let inYearHeader = ["Web link", "Local authority area code", "Local authority name", "Region", "Inspection/Visit date", "Publication date",
                    "Inspection/Visit type", "Overall effectiveness", "Impact of leaders", "Help and protection", "Children in care",
                    "Care leavers", "Visit Theme"]

@Suite struct OfstedFixtures {
    func threeSheets(history: [[String]] = []) -> [(name: String, rows: [[String]])] {
        [("Inspections_as_at_31_March", [latestHeader, ["x", "E08000011", "Knowsley", "North West", "date:2024-11-04", "date:2025-01-20",
                                                          "Inadequate", "Inadequate", "Inadequate", "Requires improvement to be good", "Inadequate"]]),
         ("In-year_inspections", [inYearHeader, ["x", "E06000002", "Middlesbrough", "North East, Yorkshire and the Humber", "date:2024-07-31",
                                                 "date:2024-09-02", "ILACS Focused Visit", "", "", "", "", "", "Care leavers"]]),
         ("ILACS_inspection_history", [historyHeader] + history)]
    }

    @Test func readsTheODSWithRepeatedRowsAndCells() throws {
        let path = try writeODS(threeSheets(history: [["x", "E08000011", "Knowsley", "Current", "North West", "date:2021-10-11", "date:2021-12-03",
                                                       "ILACS Standard Inspection", "Requires improvement to be good", "Requires improvement to be good",
                                                       "Requires improvement to be good", "Requires improvement to be good", ""]]))
        let rows = try OfstedOutcomesImport.readODS(path: path)
        #expect(rows.count == 3)
        let visit = try #require(rows.first { $0.sheet == .inYear })
        #expect(visit.region == "North East, Yorkshire and the Humber")
        #expect(visit.theme == "Care leavers")
        #expect(visit.kind == .focusedVisit)
        #expect(visit.grades.isEmpty)
        let hist = try #require(rows.first { $0.sheet == .history })
        #expect(hist.date.iso == "2021-10-11" && hist.published?.iso == "2021-12-03")
        #expect(hist.grades[.careLeavers] == nil, "a blank care-leavers cell before 2023 is not judged, not a grade")
        #expect(hist.grades[.childrenInCare] == .requiresImprovement)
    }

    @Test func aSecondEditionsHeadersMapByMeaning() throws {
        let csv = "Local authority name,Region,Inspection/Visit date,Publication date,Inspection/Visit type,Overall effectiveness,Impact of leaders,Help and protection,Children in care,Care leavers,Visit Theme\n" +
            "Redcar and Cleveland,\"North East, Yorkshire and the Humber\",15/06/2022,01/08/2022,ILACS Standard Inspection,Requires improvement,Requires improvement,Requires improvement,Requires improvement,,\n"
        let path = try makeTemporaryFolder() + "/edition.csv"
        try writeFile(path, csv)
        let rows = try OfstedOutcomesImport.readCSV(path: path)
        let r = try #require(rows.first)
        #expect(r.name == "Redcar and Cleveland")
        #expect(r.region == "North East, Yorkshire and the Humber")
        #expect(r.onsCode == nil)
        #expect(r.date.iso == "2022-06-15")
        #expect(r.grades[.leaders] == .requiresImprovement)
        #expect(r.kind == .ilacsStandardInspection)
    }

    @Test func anUnknownHeaderIsListed() throws {
        let path = try makeTemporaryFolder() + "/bad.csv"
        try writeFile(path, "Local authority name,Inspection date,Effectiveness of partnerships,Overall effectiveness\nKnowsley,04/11/2024,Good,Inadequate\n")
        do {
            _ = try OfstedOutcomesImport.readCSV(path: path)
            Issue.record("an unmappable edition should be rejected")
        } catch {
            let e = try #require(error.diagnostics.first)
            #expect(e.message.contains("headers that cannot be mapped: C: \"Effectiveness of partnerships\""))
            #expect(e.location.line == 1)
        }
    }

    @Test func aNonGradeCellIsALocatedError() throws {
        let path = try makeTemporaryFolder() + "/bad.csv"
        try writeFile(path, "Local authority name,Inspection date,Overall effectiveness,Impact of leaders,Help and protection,Children in care\nKnowsley,04/11/2024,Inadequat,,,\nWirral,not a date,Good,,,\n")
        do {
            _ = try OfstedOutcomesImport.readCSV(path: path)
            Issue.record("bad cells should be rejected")
        } catch {
            #expect(error.diagnostics.contains { $0.location.line == 2 && $0.location.column == 3 && $0.message.contains("\"Inadequat\" is not an Ofsted grade — did you mean \"Inadequate\"?") })
            #expect(error.diagnostics.contains { $0.location.line == 3 && $0.location.column == 2 && $0.message.contains("\"not a date\" is not a date") })
        }
    }

    @Test func aMissingSheetIsNamed() throws {
        var sheets = threeSheets()
        sheets.removeLast()
        let path = try writeODS(sheets)
        do {
            _ = try OfstedOutcomesImport.readODS(path: path)
            Issue.record("a missing sheet should be an error")
        } catch {
            #expect(error.diagnostics.first?.message == "no ILACS inspection history table (a sheet such as \"ILACS_inspection_history\" with a header row naming the local authority and the inspection date); sheets found: Inspections_as_at_31_March, In-year_inspections")
        }
    }

    @Test func aTruncatedZIPIsAClearError() throws {
        let path = try writeODS(threeSheets())
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let cut = try makeTemporaryFolder() + "/truncated.ods"
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: cut))
        do {
            _ = try OfstedOutcomesImport.readODS(path: cut)
            Issue.record("a truncated file should be an error")
        } catch {
            let m = try #require(error.diagnostics.first).message
            #expect(m.contains("damaged or truncated"), "\(m)")
        }
    }
}

@Suite struct EESFixtures {
    let header = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,referral_count,rereferral_count,rereferral_percent,no_further_action_count,no_further_action_percent\n"

    func indicators() throws -> [IndicatorDefinition] {
        try IndicatorCatalogue.load(path: Repo.path("Reports/indicators.yaml"), yaml: .files)
    }

    func write(_ body: String) throws -> String {
        let path = try makeTemporaryFolder() + "/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"
        try writeFile(path, header + body)
        return path
    }

    @Test func suppressedValuesStayMissingWithTheirReason() throws {
        let path = try write("2025,Reporting year,Local authority,E92000001,England,E12000001,\"North East, Yorkshire and the Humber\",805,E06000001,Hartlepool,Referrals,c,x,z,k,low\n" +
                             "2025,Reporting year,National,E92000001,England,,,,,,Referrals,632830,1,22.6,2,6.5\n")
        let obs = try EESImport.read(path: path, indicators: try indicators())
        let hartlepool = obs.filter { $0.name == "Hartlepool" }
        #expect(hartlepool.first { $0.indicator == "referrals" }?.value == .missing(.suppressed))
        #expect(hartlepool.first { $0.indicator == "rereferrals-percent" }?.value == .missing(.notApplicable))
        #expect(hartlepool.first { $0.indicator == "nfa-percent" }?.value == .missing(.low))
        #expect(hartlepool.allSatisfy { $0.value.number == nil }, "a suppressed figure is never a number, least of all zero")
        #expect(hartlepool.first?.dfeCode == 805)
        #expect(obs.first { $0.level == .national && $0.indicator == "referrals" }?.value == .value(632830))
    }

    @Test func aNonNumericCellIsALocatedError() throws {
        let path = try write("2025,Reporting year,Local authority,E92000001,England,E12000002,North West,341,E08000012,Liverpool,Referrals,8410,2569,thirty,1136,13.5\n")
        let defs = try indicators()
        do {
            _ = try EESImport.read(path: path, indicators: defs)
            Issue.record("a non-numeric cell should be rejected")
        } catch {
            let e = try #require(error.diagnostics.first)
            #expect(e.location.line == 2 && e.location.column == 14)
            #expect(e.message.contains("\"thirty\" in rereferral_percent is neither a number nor a known suppression code"))
        }
    }

    @Test func aMissingColumnIsNamed() throws {
        let path = try makeTemporaryFolder() + "/c1_children_in_need_referrals_and_rereferrals_2026.csv"
        try writeFile(path, "time_period,geographic_level,referal_count\n2025,National,1\n")
        let defs = try indicators()
        do {
            _ = try EESImport.read(path: path, indicators: defs)
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.contains { $0.message.contains("no \"referral_count\" column — did you mean \"referal_count\"?") })
        }
    }
}
