import Diagnostics
import Foundation
import Judgements
@testable import OfficialData
import Testing
import BriefingTestSupport

/// The in-year table in canonical wordings, one column per field, and a row with a value in each.
let canonical: [(field: OutcomeField, header: String, value: String)] = [
    (.webLink, "Web link", "https://reports.ofsted.gov.uk/provider/44/340"), (.onsCode, "Local authority area code", "E08000011"),
    (.name, "Local authority name", "Knowsley"), (.status, "Local authority status", "Current"), (.region, "Ofsted region", "North West"),
    (.date, "Inspection date", "18/11/2024"), (.published, "Publication date", "20/01/2025"), (.type, "Inspection type", "ILACS Standard Inspection"),
    (.theme, "Visit theme", "Care leavers"), (.overall, "Overall effectiveness", "Inadequate"), (.leaders, "Impact of leaders", "Good"),
    (.helpAndProtection, "Help and protection", "Outstanding"), (.childrenInCare, "Children in care", "Requires improvement to be good"),
    (.careLeavers, "Care leavers", "Inadequate"),
]

@Suite struct EveryEdition {
    /// One case per wording in the table: a CSV whose column for that field is worded so reads
    /// the value into that field.
    @Test(arguments: OutcomeField.wordings.map { $0.wording })
    func aWordingMapsToItsField(wording: String) throws {
        let field = OutcomeField.wordings.first { $0.wording == wording }!.field
        var columns = canonical
        switch field {
        case .unused, .sheet, .childrenInCareAndCareLeavers:
            let value = field == .sheet ? "In-year_inspections" : field == .unused ? "whatever" : "Good"
            if field == .childrenInCareAndCareLeavers { columns.removeAll { $0.field == .childrenInCare || $0.field == .careLeavers } }
            columns.append((field, wording, value))
        default:
            let i = columns.firstIndex { $0.field == field }!
            columns[i].header = wording
        }
        let table = try CSVTable.parse(columns.map { "\"\($0.header)\"" }.joined(separator: ",") + "\n" + columns.map { "\"\($0.value)\"" }.joined(separator: ",") + "\n", path: "e.csv")
        let cells = { (texts: [String]) in texts.map { SheetCell(text: $0, dateValue: nil, link: nil) } }
        let log = DiagnosticLog()
        let rows = OutcomeTable.parse([(1, cells(table.header)), (2, cells(table.rows[0].fields))], sheet: .history, file: "e.csv", log: log)
        #expect(!log.hasErrors, "\(log.sorted)")
        let r = try #require(rows.first)
        switch field {
        case .sheet: #expect(r.sheet == .inYear)
        case .webLink: #expect(r.link == "https://reports.ofsted.gov.uk/provider/44/340")
        case .onsCode: #expect(r.onsCode == "E08000011")
        case .name: #expect(r.name == "Knowsley")
        case .status: #expect(r.status == "Current")
        case .region: #expect(r.region == "North West")
        case .date: #expect(r.date.iso == "2024-11-18")
        case .published: #expect(r.published?.iso == "2025-01-20")
        case .type: #expect(r.type == "ILACS Standard Inspection")
        case .theme: #expect(r.theme == "Care leavers")
        case .overall: #expect(r.grades[.overallEffectiveness] == .inadequate)
        case .leaders: #expect(r.grades[.leaders] == .good)
        case .helpAndProtection: #expect(r.grades[.helpAndProtection] == .outstanding)
        case .childrenInCare: #expect(r.grades[.childrenInCare] == .requiresImprovement)
        case .careLeavers: #expect(r.grades[.careLeavers] == .inadequate)
        case .childrenInCareAndCareLeavers: #expect(r.grades[.childrenInCareAndCareLeavers] == .good)
        case .unused: #expect(r.name == "Knowsley" && r.grades.count == 5)
        }
    }

    @Test func footnotesAndNumberedHeadersMap() {
        #expect(OutcomeField.match("Publication date [note 2]") == .published)
        #expect(OutcomeField.match("Overall effectiveness (2)") == .overall)
        #expect(OutcomeField.match("Second inspection date") == .date)
        #expect(OutcomeField.match("Impact of leaders - latest inspection") == .leaders)
        #expect(OutcomeField.match("Effectiveness of partnerships") == nil)
    }

    @Test func datesInEveryForm() {
        func d(_ text: String, _ value: String? = nil) -> String? {
            OfstedOutcomesImport.parseDate(SheetCell(text: text, dateValue: value, link: nil))?.iso
        }
        #expect(d("10/07/2023 shown", "2023-07-10T00:00:00") == "2023-07-10")
        #expect(d("10/07/2023") == "2023-07-10")
        #expect(d("2023-07-10") == "2023-07-10")
        #expect(d("2023-07-10T00:00:00") == "2023-07-10")
        #expect(d("2023-07-10 00:00:00.000") == "2023-07-10")
        #expect(d("2023-07-10T00:00:00Z") == "2023-07-10")
        #expect(d("2023-07-10T00:00:00+01:00") == "2023-07-10")
        for bad in ["31/02/2023", "2023-02-30", "2023-07-10Tnoon", "10 July 2023", "2023-07"] { #expect(d(bad) == nil, "\(bad)") }
    }

    /// The March 2024 edition, as SOURCES.md describes it: sheets named with their year, headers
    /// worded differently, and a history laid out across (a group of columns per inspection).
    /// (No copy of that edition is held; this fixture follows the description.)
    @Test func theMarch2024EditionReads() throws {
        let hist = ["Web link", "Local authority area code", "Local authority name", "Ofsted region",
                    "First inspection date", "First publication date", "First overall effectiveness", "First impact of leaders",
                    "First help and protection", "First children in care and care leavers",
                    "Second inspection date", "Second publication date", "Second overall effectiveness", "Second impact of leaders",
                    "Second help and protection", "Second children in care", "Second care leavers"]
        let ri = "Requires improvement to be good"
        let path = try writeODS([
            ("Cover", [["Local authority inspection outcomes as at 31 March 2024"]]),
            ("Inspections_31_March_2024", [["Web link", "Local authority area code", "Local authority name", "Ofsted region", "Inspection start date",
                                            "Date of publication [note 2]", "Overall effectiveness", "Impact of leaders", "Help and protection",
                                            "Children in care", "Care leavers"],
                                           ["x", "E08000011", "Knowsley", "North West", "date:2021-10-11", "date:2021-12-03", ri, ri, ri, ri, ""]]),
            ("In-year_inspections_2023-24", [inYearHeader, ["x", "E08000012", "Liverpool", "North West", "date:2024-03-19", "date:2024-04-30",
                                                            "LA Monitoring visit", "", "", "", "", "", "Children in need/subject to a plan"]]),
            ("ILACS_history_2018-2024", [hist,
                                         ["x", "E08000011", "Knowsley", "North West", "date:2019-01-14", "date:2019-03-01", ri, ri, ri, "Good",
                                          "date:2021-10-11", "date:2021-12-03", ri, ri, ri, ri, ""],
                                         ["x", "E08000012", "Liverpool", "North West", "date:2018-05-14", "date:2018-07-02", ri, ri, ri, ri]]),
        ])
        let rows = try OfstedOutcomesImport.readODS(path: path)
        let history = rows.filter { $0.sheet == .history }.sorted { ($0.name, $0.date) < ($1.name, $1.date) }
        #expect(history.map { "\($0.name) \($0.date.iso)" } == ["Knowsley 2019-01-14", "Knowsley 2021-10-11", "Liverpool 2018-05-14"])
        #expect(history[0].grades[.childrenInCareAndCareLeavers] == .good)
        #expect(history[1].published?.iso == "2021-12-03" && history[1].grades[.childrenInCare] == .requiresImprovement)
        #expect(rows.first { $0.sheet == .latest }?.published?.iso == "2021-12-03")
        #expect(rows.first { $0.sheet == .inYear }?.theme == "Children in need/subject to a plan")
    }
}
