import BriefingTestSupport
import CSV
import Foundation
@testable import OfficialData
import Testing

/// `RegularCSV` reads the store's CSVs byte by byte where CSV.swift read a character at a time
/// (a third of a single pack's official-data load). Whatever it reads, it must read as CSV.swift
/// does: the same header, rows and line numbers; what it declines, CSV.swift still reads.
@Suite struct CSVReaderAgreement {
    /// Every record CSV.swift gives, as `CSVTable.parse` used to collect them.
    static func reference(_ text: String) throws -> [[String]] {
        let reader = try CSVReader(string: text, hasHeaderRow: false)
        var rows: [[String]] = []
        while let r = reader.next() { rows.append(r) }
        return rows
    }

    /// The same header and rows, and the same line numbers unless `lines` is false.
    static func same(_ a: CSVTable, _ b: CSVTable, lines: Bool = true) -> Bool {
        a.header == b.header && a.rows.count == b.rows.count
            && zip(a.rows, b.rows).allSatisfy { (!lines || $0.line == $1.line) && $0.fields == $1.fields }
    }

    static let regular: [String] = [
        "a,b,c\n1,2,3\n",
        "a,b,c\r\n1,2,3\r\n4,5,6",
        "name,note\n\"Bristol, City of\",\"said \"\"no\"\"\"\n",
        "name,note\n\"two\nlines\",x\n\"three\r\nlines\nhere\",y\nlast,z\n",
        "a,b\n,\n,x\nx,\n",
        "a,b,\n1,2,\n",
        "a\n\n\nb\n",
        "h1,h2\n\"\",\"\"\nend,\"\"",
        "only a header",
        "Neighbours’ average,é ü ß – —,🙂\nx,y,z\n",
        " spaced , fields \n 1 , 2 \n",
        "a,b\n1,2\n\n",
    ]

    @Test func regularTextReadsAsCSVSwiftReadsIt() throws {
        for text in Self.regular {
            let records = try #require(RegularCSV.records(text), "declined: \(text.debugDescription)")
            #expect(records.map(\.1) == (try Self.reference(text)), "\(text.debugDescription)")
            // CSV.swift's path counted a CRLF inside quotes as no line (Swift's "\r\n" is one
            // Character, not "\n"); the byte reader counts it, so its numbers are the file's lines.
            let crlfInQuotes = text.contains("three\r\n")
            #expect(Self.same(try CSVTable.parse(text, path: "t.csv"), try CSVTable.parseIrregular(text, path: "t.csv"), lines: !crlfInQuotes),
                    "\(text.debugDescription)")
        }
    }

    @Test func rowsAreNumberedByTheLineTheyStartOn() throws {
        let table = try CSVTable.parse("name,note\n\"two\nlines\",x\n\"three\r\nlines\nhere\",y\nlast,z\n", path: "t.csv")
        #expect(table.rows.map(\.line) == [2, 4, 7])
    }

    @Test func irregularTextIsLeftToCSVSwift() throws {
        for text in ["a,b\nx\"y,z\n", "a,b\n\"open,z\n", "a,b\n\"q\"x,z\n", "a,b\rc,d\r"] {
            #expect(RegularCSV.records(text) == nil, "\(text.debugDescription)")
        }
        // Still read (or refused) as before: through CSV.swift.
        let lone = try CSVTable.parse("a,b\rc,d\r", path: "t.csv")
        #expect(Self.same(lone, try CSVTable.parseIrregular("a,b\rc,d\r", path: "t.csv")))
    }

    /// The repository's store, and the published DfE files when `../shared/data` is beside it.
    @Test func everyRealFileReadsTheSame() throws {
        var paths = try FileManager.default.contentsOfDirectory(atPath: Repo.path("Reports/data"))
            .filter { $0.hasSuffix(".csv") }.map { Repo.path("Reports/data/\($0)") }
        if let shared = Repo.sharedData {
            paths += try FileManager.default.contentsOfDirectory(atPath: "\(shared)/dfe").filter { $0.hasSuffix(".csv") }.map { "\(shared)/dfe/\($0)" }
        } else {
            print("note: \(sharedAbsent); only the repository's CSVs are compared")
        }
        #expect(paths.count >= 4)
        for path in paths {
            var text = try String(contentsOfFile: path, encoding: .utf8)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            #expect(RegularCSV.records(text) != nil, "\(path) should be regular")
            #expect(Self.same(try CSVTable.parse(text, path: path), try CSVTable.parseIrregular(text, path: path)), "\(path)")
        }
    }
}
