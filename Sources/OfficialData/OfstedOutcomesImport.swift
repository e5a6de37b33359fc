import Diagnostics
import Foundation
import Judgements

/// One row of Ofsted's "Local authority inspection outcomes": an inspection or visit of one
/// authority, with whatever the edition gives.
public struct OutcomeRow: Sendable, Hashable {
    public enum Sheet: String, Sendable, Codable, CaseIterable {
        /// Each authority's latest graded inspection.
        case latest = "Inspections_as_at_31_March"
        /// Inspections and visits in the year to 31 March, with visit themes.
        case inYear = "In-year_inspections"
        /// Every graded ILACS inspection since 2018.
        case history = "ILACS_inspection_history"

        /// In words, for messages and summaries.
        public var title: String {
            switch self {
            case .latest: return "latest judgements"
            case .inYear: return "in-year inspections and visits"
            case .history: return "ILACS inspection history"
            }
        }
    }

    public var sheet: Sheet
    public var onsCode: String?
    public var name: String
    public var status: String?
    public var region: String?
    public var date: DayDate
    public var published: DayDate?
    /// As written: "ILACS Standard Inspection", "LA Monitoring visit", … (nil on the latest sheet).
    public var type: String?
    public var grades: [JudgementArea: Grade]
    public var theme: String?
    public var link: String?
    /// Where the row was read (file and row), for messages; never written to the compact file.
    public var origin: SourceLocation?

    /// The event kind the type names, when it is one the record format knows.
    public var kind: EventKind? {
        guard let t = type?.lowercased() else { return sheet == .inYear ? nil : .ilacsStandardInspection }
        if t.contains("standard") { return .ilacsStandardInspection }
        if t.contains("short") { return .ilacsShortInspection }
        if t.contains("focused") { return .focusedVisit }
        if t.contains("monitoring") { return .monitoringVisit }
        if t.contains("jtai") || t.contains("joint targeted") { return .jtai }
        return nil
    }

    /// The row without where it was read, to compare what two rows say.
    public var facts: OutcomeRow { var r = self; r.origin = nil; return r }
}

/// Reads Ofsted's outcomes publication as released: the ODS natively, or a CSV export of one sheet.
public enum OfstedOutcomesImport {
    /// Every outcomes table of the ODS, found by its header row rather than its sheet's name
    /// (the 2024 edition's sheets carry their year: `Inspections_31_March_2024`), and told apart
    /// by the sheet's name and title. All three tables must be there, once each.
    public static func readODS(path: String) throws(InputError) -> [OutcomeRow] {
        let book = try Spreadsheet.readODS(path: path)
        var rows: [OutcomeRow] = []
        var found: [OutcomeRow.Sheet: String] = [:]
        let log = DiagnosticLog()
        for sheet in book.sheets {
            guard let header = OutcomeTable.headerIndex(sheet.rows) else { continue }   // cover, contents, notes
            let title = sheet.rows[..<header].flatMap { $0.cells.map(\.text) }.joined(separator: " ")
            let fields = Set(sheet.rows[header].cells.compactMap { OutcomeField.match($0.text) })
            let file = "\(path) [\(sheet.name)]"
            guard let kind = OutcomeTable.kind(name: sheet.name, title: title, fields: fields) else {
                log.error(SourceLocation(file: file, line: sheet.rows[header].number, column: 1),
                          "this sheet holds an outcomes table, but neither its name nor its title says whether it is the latest judgements, the in-year inspections or the inspection history")
                continue
            }
            if let other = found[kind] {
                log.error(SourceLocation(file: file), "both \"\(other)\" and \"\(sheet.name)\" look like the \(kind.title) table; an edition has one")
                continue
            }
            found[kind] = sheet.name
            rows += OutcomeTable.parse(sheet.rows, sheet: kind, file: file, log: log)
        }
        for kind in OutcomeRow.Sheet.allCases where found[kind] == nil {
            log.error(SourceLocation(file: path), "no \(kind.title) table (a sheet such as \"\(kind.rawValue)\" with a header row naming the local authority and the inspection date); sheets found: \(book.sheets.map(\.name).joined(separator: ", "))")
        }
        try log.throwIfErrors()
        return rows
    }

    /// A CSV export of one sheet (which sheet: `sheet`, unless the CSV has a "Sheet" column).
    public static func readCSV(path: String, sheet: OutcomeRow.Sheet = .history) throws(InputError) -> [OutcomeRow] {
        let table = try CSVTable.read(path: path)
        let log = DiagnosticLog()
        let rows = [(number: 1, cells: table.header.map { SheetCell(text: $0, dateValue: nil, link: nil) })] +
            table.rows.map { (number: $0.line, cells: $0.fields.map { SheetCell(text: $0, dateValue: nil, link: nil) }) }
        let out = OutcomeTable.parse(rows, sheet: sheet, file: path, log: log)
        try log.throwIfErrors()
        return out
    }

    /// A date cell's value, or text as `13/03/2023`, `2023-03-13` or `2023-03-13T00:00:00`.
    static func parseDate(_ cell: SheetCell) -> DayDate? {
        if let v = cell.dateValue, let d = isoDate(v) { return d }
        let t = cell.text.trimmingCharacters(in: .whitespaces)
        let parts = t.split(separator: "/")
        if parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), parts[2].count == 4,
           let p = PartialDate.parse(String(format: "%04d-%02d-%02d", y, m, d)), p.precision == .day {
            return p.earliest
        }
        return isoDate(t)
    }

    /// `2023-07-10`, or a date-time as pandas and many exports write it (`2023-07-10T00:00:00`,
    /// `2023-07-10 00:00:00.000`, with or without a zone): the day as written.
    static func isoDate(_ t: String) -> DayDate? {
        let day = String(t.prefix(10)), rest = t.dropFirst(10)
        guard rest.isEmpty || TextPattern.isTime(Array(rest.unicodeScalars)), TextPattern.isDay(Array(day.unicodeScalars)),
              let p = PartialDate.parse(day), p.precision == .day else { return nil }
        return p.earliest
    }
}

/// The few fixed patterns the outcomes file's cells are checked against, matched by hand: each
/// as the regular expression in its comment would (`\d` any decimal digit, `$` also before a
/// final line break), without compiling and running an expression for each of the file's
/// thousands of cells, which took most of the time the file took to read.
enum TextPattern {
    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.properties.generalCategory == .decimalNumber }

    /// Where `$` may match: at the end, or before a line break that ends the text.
    static func isEnd(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        if i == s.count { return true }
        if i == s.count - 2 { return s[i] == "\r" && s[i + 1] == "\n" }
        return i == s.count - 1 && ["\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"].contains(s[i])
    }

    /// `n` digits from `i`.
    static func digits(_ s: [Unicode.Scalar], _ i: Int, _ n: Int) -> Bool { i + n <= s.count && s[i..<(i + n)].allSatisfy(isDigit) }

    /// `^\d{4}-\d{2}-\d{2}$`
    static func isDay(_ s: [Unicode.Scalar]) -> Bool {
        digits(s, 0, 4) && s.count > 4 && s[4] == "-" && digits(s, 5, 2) && s.count > 7 && s[7] == "-" && digits(s, 8, 2) && isEnd(s, 10)
    }

    /// `^[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$`
    static func isTime(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count >= 6, s[0] == "T" || s[0] == " ", digits(s, 1, 2), s[3] == ":", digits(s, 4, 2) else { return false }
        var i = 6
        if i < s.count, s[i] == ":", digits(s, i + 1, 2) {
            i += 3
            if i + 1 < s.count, s[i] == ".", isDigit(s[i + 1]) {
                i += 1
                while i < s.count && isDigit(s[i]) { i += 1 }
            }
        }
        if isEnd(s, i) { return true }
        if s[i] == "Z" { return isEnd(s, i + 1) }
        guard s[i] == "+" || s[i] == "-", digits(s, i + 1, 2) else { return false }
        i += 3
        if i < s.count, s[i] == ":" { i += 1 }
        return digits(s, i, 2) && isEnd(s, i + 2)
    }

    /// `^E\d{8}$`
    static func isAreaCode(_ s: [Unicode.Scalar]) -> Bool { s.first == "E" && digits(s, 1, 8) && isEnd(s, 9) }
}
