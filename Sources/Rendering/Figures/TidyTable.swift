import CSVText
import Foundation

/// A chart's data table as tidy observations for reuse (CSV and spreadsheet): one observation a
/// row, numbers as plain numbers, the unit, any note and the reason a value is missing each in a
/// column of their own. Made from the display table every chart already has, so the words and
/// numbers cannot disagree with the PDF.
public struct TidyTable: Sendable {
    public enum Cell: Sendable, Hashable {
        case text(String)
        case number(Double)
        case empty
    }

    public var columns: [String]
    public var rows: [[Cell]]

    /// How to read one chart's table: the columns that identify a row (kept as they are); every
    /// other column is one observation per row, named in a `variable` column.
    public struct Shape: Sendable {
        public var keys: [String]
        public var variable: String
        public init(keys: [String], variable: String) { self.keys = keys; self.variable = variable }

        /// True when `column` is one of the keys, or a key followed by words in brackets ("Drift
        /// (2 or more visits in a row recording no progress)", whose number is the pack's).
        public func isKey(_ column: String) -> Bool {
            keys.contains { column == $0 || column.hasPrefix($0 + " (") }
        }
    }

    /// `shape` nil: the table is already one observation a row; its cells are only made numeric.
    public init(_ table: DataTable, shape: Shape?) {
        let keyIndices = shape.map { s in table.columns.indices.filter { s.isKey(table.columns[$0]) } } ?? Array(table.columns.indices)
        let valueIndices = table.columns.indices.filter { !keyIndices.contains($0) }
        func cell(_ row: [String], _ i: Int) -> String { i < row.count ? row[i] : "" }
        guard let shape, !valueIndices.isEmpty else {
            columns = table.columns
            rows = table.rows.map { row in table.columns.indices.map { i in
                let v = Self.reading(cell(row, i))
                return v.unit == nil && v.note == nil && v.missing == nil ? v.value : .text(cell(row, i))
            } }
            return
        }
        columns = keyIndices.map { table.columns[$0] } + [shape.variable, "Value", "Unit", "Note", "Missing reason"]
        rows = table.rows.flatMap { row in
            valueIndices.map { i -> [Cell] in
                let v = Self.reading(cell(row, i))
                return keyIndices.map { .text(cell(row, $0)) } + [.text(table.columns[i]), v.value, v.unit.map(Cell.text) ?? .empty,
                                                                  v.note.map(Cell.text) ?? .empty, v.missing.map(Cell.text) ?? .empty]
            }
        }
    }

    static let suppressionCodes: Set<String> = ["c", "x", "z", "k", "u", "low", "blank"]

    /// A display string read back: "8,410" → 8410; "30.5%" → 30.5 per cent; "2,645 (10 of 10)"
    /// → 2645, note "10 of 10"; "suppressed (c)", "Not judged: reason" and "Not judged under …" → missing, with why.
    static func reading(_ s: String) -> (value: Cell, unit: String?, note: String?, missing: String?) {
        let text = isTrimmed(s) ? s : s.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return (.empty, nil, nil, nil) }
        if text == "missing" { return (.empty, nil, nil, "missing") }
        if text.hasPrefix("Not judged") { return (.empty, nil, nil, text) }
        var main = text, note: String?
        if text.hasSuffix(")"), let open = text.range(of: " (", options: .backwards) {
            main = String(text[..<open.lowerBound])
            note = String(text[open.upperBound...].dropLast())
            if let code = note, suppressionCodes.contains(code) { return (.empty, nil, nil, text) }
        }
        var number = String(decoding: main.utf8.filter { $0 != UInt8(ascii: ",") }, as: UTF8.self)
        let percent = number.hasSuffix("%")
        if percent { number.removeLast() }
        guard isPublishedNumber(main), let n = Double(number) else { return (.text(text), nil, nil, nil) }
        return (.number(n), percent ? "per cent" : nil, note, nil)
    }

    /// True when `s` is a number as tables print them: `-?[0-9]{1,3}(,[0-9]{3})*(\.[0-9]+)?%?` or
    /// `-?[0-9]+(\.[0-9]+)?%?`, whole. Checked byte by byte: a regular expression compiled for
    /// every cell of every table was 1 % of the batch's time.
    public static func isPublishedNumber(_ s: String) -> Bool {
        let digit: (UInt8) -> Bool = { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        var b = Array(s.utf8)[...]
        if b.first == UInt8(ascii: "-") { b = b.dropFirst() }
        if b.last == UInt8(ascii: "%") { b = b.dropLast() }
        if let dot = b.firstIndex(of: UInt8(ascii: ".")) {
            let fraction = b[(dot + 1)...]
            guard !fraction.isEmpty, fraction.allSatisfy(digit) else { return false }
            b = b[..<dot]
        }
        guard !b.isEmpty else { return false }
        if b.allSatisfy(digit) { return true }
        let groups = b.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count), first.allSatisfy(digit) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 && $0.allSatisfy(digit) }
    }

    /// True when `s` has no white space to trim at either end (most cells), so trimming is skipped.
    public static func isTrimmed(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return true }
        return !CharacterSet.whitespaces.contains(first) && !CharacterSet.whitespaces.contains(last)
    }

    static func format(_ n: Double) -> String {
        n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
    }

    /// RFC 4180 CSV, UTF-8 with a byte-order mark (so Excel reads "Neighbours’" correctly), CRLF.
    public var csv: Data {
        func field(_ c: Cell) -> String {
            switch c {
            case .empty: return ""
            case let .number(n): return Self.format(n)
            case let .text(s): return s
            }
        }
        return CSVText.data([columns] + rows.map { $0.map(field) }, byteOrderMark: true)
    }

    /// The shapes of the charts' tables, by figure id. Every key must name a column of the chart's
    /// table (a test checks each pack's): a key matching none leaves the tidy rows with nothing to
    /// say which area or authority they belong to.
    public static let shapes: [String: Shape] = [
        "rating-grid": Shape(keys: ["Judgement"], variable: "Inspection"),
        "neighbour-comparison": Shape(keys: ["Authority", "Newest inspection", "From"], variable: "Judgement"),
        "improvement-tracker": Shape(keys: ["Area for improvement", "Ofsted's wording", "Drift"], variable: "Monitoring visit"),
        "indicator-table": Shape(keys: ["Indicator", "Period and direction", "Compared with England", "Compared with neighbours"], variable: "Area"),
        "indicator-trends": Shape(keys: ["Indicator", "Series"], variable: "Year"),
        "group-grid": Shape(keys: ["Authority", "Newest inspection", "From"], variable: "Judgement"),
        "group-rates-1": Shape(keys: ["Authority", "Region"], variable: "Indicator"),
        "group-rates-2": Shape(keys: ["Authority", "Region"], variable: "Indicator"),
        "group-rates-3": Shape(keys: ["Authority", "Region"], variable: "Indicator"),
        "group-rates-4": Shape(keys: ["Authority", "Region"], variable: "Indicator"),
    ]
}
