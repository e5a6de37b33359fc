import Diagnostics
import Foundation
import OfficialData
import Testing
import BriefingTestSupport

/// The three-sheet fixture's content.xml, with one edit.
func fixtureContent(_ edit: (String) -> String = { $0 }) -> Data {
    let sheets: [(name: String, rows: [[String]])] = [
        ("Inspections_as_at_31_March", [latestHeader, ["x", "E08000011", "Knowsley", "North West", "date:2024-11-04", "date:2025-01-20",
                                                        "Inadequate", "Inadequate", "Inadequate", "Requires improvement to be good", "Inadequate"]]),
        ("In-year_inspections", [inYearHeader, ["x", "E06000002", "Middlesbrough", "North East", "date:2024-07-31",
                                                "date:2024-09-02", "ILACS Focused Visit", "", "", "", "", "", "Care leavers"]]),
        ("ILACS_inspection_history", [historyHeader]),
    ]
    return Data(edit(contentXML(sheets)).utf8)
}

@Suite struct HardenedODSReader {
    static let badCounts: [(attribute: String, value: String)] = [
        ("table:number-columns-repeated", "-3"), ("table:number-columns-repeated", "0"),
        ("table:number-columns-repeated", "99999999999"), ("table:number-rows-repeated", "-1"),
        ("table:number-rows-repeated", "0"), ("table:number-rows-repeated", "5000000"),
        ("text:c", "-5"), ("text:c", "99999999999"), ("text:c", "many"),
    ]

    /// Once a trap (SIGILL) that killed the process; now an error at the attribute's line and column.
    @Test(arguments: badCounts) func aBadRepeatCountIsALocatedError(attribute: String, value: String) throws {
        let content = fixtureContent { xml in
            switch attribute {
            case "text:c": return xml.replacingOccurrences(of: "<text:p>Knowsley", with: "<text:p><text:s text:c=\"\(value)\"/>Knowsley")
            case "table:number-rows-repeated": return xml.replacingOccurrences(of: "table:number-rows-repeated=\"1\"", with: "table:number-rows-repeated=\"\(value)\"")
            default: return xml.replacingOccurrences(of: "<table:table-cell table:number-columns-repeated=\"16384\"/>", with: "<table:table-cell table:number-columns-repeated=\"\(value)\"/>")
            }
        }
        let path = try writeODS(content: content)
        let r = try Briefing.run(["import", "ofsted", "--reports", try makeTemporaryFolder(), path], timeout: 60)
        #expect(r.status == 65, "\(r.status): \(r.stderr)")
        #expect(r.stderr.contains("(content.xml):1:"), "line and column: \(r.stderr)")
        #expect(r.stderr.contains("\(attribute)=\"\(value)\" should be a whole number from 1 to"), "\(r.stderr)")
    }

    @Test func aFolderNamedODSIsRefusedUpFront() throws {
        let folder = try makeTemporaryFolder() + "/x.ods"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let r = try Briefing.run(["import", "ofsted", "--reports", try makeTemporaryFolder(), folder], timeout: 60)
        #expect(r.status == 66, "\(r.status): \(r.stderr)")
        #expect(r.stderr.contains("\(folder): error: this is a folder, not a file"), "\(r.stderr)")
    }

    @Test func aTruncatedContentXMLSaysTruncatedWithLineAndColumn() throws {
        let content = fixtureContent()
        let path = try writeODS(content: content.prefix(content.count * 2 / 3))
        do {
            _ = try OfstedOutcomesImport.readODS(path: path)
            Issue.record("a truncated content.xml should be refused")
        } catch {
            let d = try #require(error.diagnostics.first)
            #expect(d.message.contains("the spreadsheet is truncated"), "\(d)")
            #expect(d.location.line >= 1 && d.location.column > 1, "\(d)")
        }
    }

    @Test func aDamagedContentXMLSaysDamagedWithLineAndColumn() throws {
        let content = fixtureContent { $0.replacingOccurrences(of: "<text:p>Middlesbrough</text:p>", with: "<text:p>Middlesbrough</text:q>") }
        let path = try writeODS(content: content)
        do {
            _ = try OfstedOutcomesImport.readODS(path: path)
            Issue.record("a damaged content.xml should be refused")
        } catch {
            let d = try #require(error.diagnostics.first)
            #expect(d.message.contains("the spreadsheet is damaged"), "\(d)")
            #expect(d.location.line == 1 && d.location.column > 1, "\(d)")
        }
    }

    /// libxml2's default limits called a valid 40 MB content.xml "malformed".
    @Test func aValid40MBContentXMLReads() throws {
        let note = String(repeating: "A long note about the statistics. ", count: 1_300_000)
        let content = fixtureContent { xml in
            xml.replacingCharacters(in: xml.range(of: "<text:p>Title</text:p>")!, with: "<text:p>\(note)</text:p>")
        }
        #expect(content.count > 40_000_000 && content.count < 50_000_000)
        let rows = try OfstedOutcomesImport.readODS(path: try writeODS(content: content))
        #expect(rows.map(\.name).sorted() == ["Knowsley", "Middlesbrough"])
    }

    /// Random bytes that start like a ZIP were searched byte by byte for a directory (45 s).
    @Test func largeRandomBytesAreRefusedAtOnce() throws {
        let path = try makeTemporaryFolder() + "/random.ods"
        FileManager.default.createFile(atPath: path, contents: Data([0x50, 0x4B, 0x03, 0x04]))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        var generator = SystemRandomNumberGenerator()
        let block = Data((0..<1_000_000).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try handle.seekToEnd()
        for _ in 0..<200 { handle.write(block) }
        try handle.close()
        let r = try Briefing.run(["import", "ofsted", "--reports", try makeTemporaryFolder(), path], timeout: 30)
        #expect(r.status == 65, "\(r.status): \(r.stderr)")
        #expect(r.stderr.contains("the ZIP container is damaged or truncated"), "\(r.stderr)")
        try FileManager.default.removeItem(atPath: path)
    }

    @Test func aDocumentTypeDeclarationIsRefused() throws {
        let content = fixtureContent { $0.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", with: "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">]>") }
        #expect(throws: InputError.self) { try OfstedOutcomesImport.readODS(path: try writeODS(content: content)) }
    }
}
