import CSV
import Diagnostics
import Foundation

/// A CSV file read into rows of fields with their line numbers, quoted fields (commas inside,
/// doubled quotes) handled by CSV.swift. A byte-order mark before the header is dropped.
public struct CSVTable: Sendable {
    public var path: String
    public var header: [String]
    public var rows: [(line: Int, fields: [String])]

    /// EES extracts of every authority and year run to tens of megabytes: this bound refuses only a
    /// wrong file, before reading it could take more than a gigabyte of memory.
    public static let maxBytes: Int64 = 200_000_000

    public static func read(path: String) throws(InputError) -> CSVTable {
        let data = try InputFile.read(path, limit: maxBytes, what: "a CSV file")
        guard var text = String(data: data, encoding: .utf8) else {
            throw InputError(SourceLocation(file: path), "the file is not UTF-8 text")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws(InputError) -> CSVTable {
        guard let all = RegularCSV.records(text) else { return try parseIrregular(text, path: path) }
        return try table(all, path: path)
    }

    /// Text the byte scanner of `RegularCSV` leaves alone (a quote inside an unquoted field, a
    /// lone carriage return, an unclosed quote) is read by CSV.swift, whose messages and edge
    /// cases it keeps.
    static func parseIrregular(_ text: String, path: String) throws(InputError) -> CSVTable {
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false)
        } catch {
            throw InputError(SourceLocation(file: path, line: 1, column: 1), "cannot read CSV: \(error)")
        }
        var all: [(Int, [String])] = []
        var line = 1
        while let fields = reader.next() {
            all.append((line, fields))
            // A quoted field may span lines: count the line breaks it held.
            line += 1 + fields.reduce(0) { $0 + $1.filter { $0 == "\n" }.count }
        }
        if let error = reader.error {
            throw InputError(SourceLocation(file: path, line: line, column: 1), "the CSV is malformed: \(error)")
        }
        return try table(all, path: path)
    }

    /// Records numbered by the line each starts on: the first is the header; blank lines are dropped.
    static func table(_ all: [(Int, [String])], path: String) throws(InputError) -> CSVTable {
        guard let first = all.first else { throw InputError(SourceLocation(file: path, line: 1, column: 1), "the file is empty") }
        return CSVTable(path: path, header: first.1.map { $0.trimmingCharacters(in: .whitespaces) },
                        rows: all.dropFirst().filter { !($0.1.count == 1 && $0.1[0].isEmpty) }.map { (line: $0.0, fields: $0.1) })
    }

    public func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// The spreadsheet-style column letter of a 0-based index, for messages ("column K").
    public static func letter(_ index: Int) -> String {
        var n = index + 1, s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }
}
