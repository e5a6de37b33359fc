import BriefingKit
import Foundation
import Rendering
import Testing
import BriefingTestSupport
import ZIPFoundation

/// One file out of a ZIP container, as text.
func zipEntry(_ archive: Archive, _ path: String) throws -> String {
    guard let entry = archive[path] else { throw StructureError("\(path) is not in the workbook") }
    var data = Data()
    _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
    return String(decoding: data, as: UTF8.self)
}

@Suite(.serialized) struct PackWorkbooks {
    @Test func aSheetPerChartWithNumbersAsNumbers() throws {
        let (r, out) = try Briefing.build(["--pack", "scrutiny"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\(out)/scrutiny.xlsx"))
        let composed = try composePack("scrutiny")
        let archive = try Archive(url: URL(fileURLWithPath: "\(out)/scrutiny.xlsx"), accessMode: .read)
        let book = try zipEntry(archive, "xl/workbook.xml")
        let names = book.components(separatedBy: "<sheet name=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(names == ["Cover", "Notes"] + composed.figures.map(\.id))
        let shared = try zipEntry(archive, "xl/sharedStrings.xml")
        for f in composed.figures {
            #expect(shared.contains(f.title.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "'", with: "&apos;"))
                    || shared.contains(f.title.replacingOccurrences(of: "&", with: "&amp;")), "\(f.id): title")
        }
        for i in 1...names.count {
            let sheet = try zipEntry(archive, "xl/worksheets/sheet\(i).xml")
            #expect(!sheet.contains("<mergeCell"), "\(names[i - 1]): merged cells")
        }
        // Liverpool's 2025 re-referral rate is a number cell, not the text "30.5%".
        let indicators = try zipEntry(archive, "xl/worksheets/sheet\(2 + (composed.figures.firstIndex { $0.id == "indicator-table" } ?? 0) + 1).xml")
        #expect(indicators.contains("<v>30.5</v>"))
        #expect(!shared.contains("<t>30.5%</t>"))
        #expect(try zipEntry(archive, "docProps/core.xml").contains("<dc:title>\(composed.document.metadata.title)</dc:title>"))
    }
}
