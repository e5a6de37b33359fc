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
}

/// The columns of the outcomes file, recognised by meaning: yearly editions word them
/// differently ("Impact of leaders" or Ofsted's full wording; "Inspection/Visit date" or
/// "Inspection date"; "Region" or "Ofsted region").
public enum OutcomeField: String, CaseIterable, Sendable {
    case sheet, webLink, onsCode, name, status, region, date, published, type, theme
    case overall, leaders, helpAndProtection, childrenInCare, careLeavers, childrenInCareAndCareLeavers

    static let synonyms: [OutcomeField: [String]] = [
        .sheet: ["sheet"],
        .webLink: ["web link", "link", "report link"],
        .onsCode: ["local authority area code", "ons code", "la code", "local authority code", "area code", "new la code"],
        .name: ["local authority name", "local authority", "la name", "la"],
        .status: ["local authority status", "la status", "status"],
        .region: ["ofsted region", "region", "region name"],
        .date: ["inspection date", "inspection/visit date", "inspection start date", "visit date", "date of inspection", "start date"],
        .published: ["publication date", "published date", "date published", "report publication date"],
        .type: ["inspection/visit type", "inspection type", "visit type", "type", "inspection or visit type"],
        .theme: ["visit theme", "theme"],
        .overall: ["overall effectiveness"],
        .leaders: ["the impact of leaders on social work practice with children and families", "impact of leaders",
                   "the impact of leaders on social work practice", "leaders"],
        .helpAndProtection: ["the experiences and progress of children who need help and protection",
                             "children who need help and protection", "help and protection"],
        .childrenInCare: ["the experiences and progress of children in care", "children in care"],
        .careLeavers: ["the experiences and progress of care leavers", "care leavers"],
        .childrenInCareAndCareLeavers: ["the experiences and progress of children in care and care leavers",
                                        "children in care and care leavers"],
    ]

    var area: JudgementArea? {
        switch self {
        case .overall: return .overallEffectiveness
        case .leaders: return .leaders
        case .helpAndProtection: return .helpAndProtection
        case .childrenInCare: return .childrenInCare
        case .careLeavers: return .careLeavers
        case .childrenInCareAndCareLeavers: return .childrenInCareAndCareLeavers
        default: return nil
        }
    }

    static func normalise(_ header: String) -> String {
        header.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            .trimmingCharacters(in: CharacterSet(charactersIn: " :*"))
    }

    /// The field a header names, if any.
    public static func match(_ header: String) -> OutcomeField? {
        let h = normalise(header)
        return allCases.first { synonyms[$0]!.contains(h) }
    }
}

/// Reads Ofsted's outcomes publication as released: the ODS natively, or a CSV export of one sheet.
public enum OfstedOutcomesImport {
    /// All three data sheets of the ODS; a missing sheet is an error naming the sheets found.
    public static func readODS(path: String) throws(InputError) -> [OutcomeRow] {
        let book = try Spreadsheet.readODS(path: path)
        var rows: [OutcomeRow] = []
        let log = DiagnosticLog()
        for sheet in OutcomeRow.Sheet.allCases {
            guard let s = book.sheet(sheet.rawValue) else {
                log.error(SourceLocation(file: path), "the sheet \"\(sheet.rawValue)\" is missing; sheets found: \(book.sheets.map(\.name).joined(separator: ", "))")
                continue
            }
            rows += parse(s.rows, sheet: sheet, file: "\(path) [\(sheet.rawValue)]", log: log)
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
        let out = parse(rows, sheet: sheet, file: path, log: log)
        try log.throwIfErrors()
        return out
    }

    /// Finds the header row (the first with a name and a date column, row 3 in the publication),
    /// maps its columns by meaning and reads every row below it.
    static func parse(_ rows: [(number: Int, cells: [SheetCell])], sheet: OutcomeRow.Sheet, file: String,
                      log: DiagnosticLog) -> [OutcomeRow] {
        guard let headerIndex = rows.prefix(10).firstIndex(where: { row in
            let fields = row.cells.compactMap { OutcomeField.match($0.text) }
            return fields.contains(.name) && fields.contains(.date)
        }) else {
            let first = rows.first.map { $0.cells.map(\.text).filter { !$0.isEmpty }.joined(separator: " | ") } ?? "(empty)"
            log.error(SourceLocation(file: file, line: rows.first?.number ?? 1, column: 1),
                      "no header row with a local authority name and an inspection date column in the first 10 rows (first row: \(first))")
            return []
        }
        let header = rows[headerIndex]
        var columns: [OutcomeField: Int] = [:]
        var unknown: [String] = []
        for (i, cell) in header.cells.enumerated() where !cell.text.isEmpty {
            if let f = OutcomeField.match(cell.text) { columns[f] = i } else { unknown.append("\(CSVTable.letter(i)): \"\(cell.text)\"") }
        }
        if !unknown.isEmpty {
            log.error(SourceLocation(file: file, line: header.number, column: 1),
                      "this edition has headers that cannot be mapped: \(unknown.joined(separator: ", ")). Known headers include: \"Local authority name\", \"Inspection date\", \"Publication date\", \"Overall effectiveness\", \"Impact of leaders\", \"Visit Theme\"")
            return []
        }
        var out: [OutcomeRow] = []
        for row in rows[(headerIndex + 1)...] {
            func cell(_ f: OutcomeField) -> SheetCell? {
                guard let i = columns[f], i < row.cells.count else { return nil }
                return row.cells[i]
            }
            func text(_ f: OutcomeField) -> String? {
                guard let t = cell(f)?.text, !t.isEmpty else { return nil }
                return t
            }
            func at(_ f: OutcomeField) -> SourceLocation {
                SourceLocation(file: file, line: row.number, column: (columns[f] ?? 0) + 1)
            }
            guard let name = text(.name) else { continue }   // notes and blank rows under the table
            var rowSheet = sheet
            if let s = text(.sheet) {
                guard let named = OutcomeRow.Sheet(rawValue: s) else {
                    log.error(at(.sheet), "unknown sheet \"\(s)\"; expected one of \(OutcomeRow.Sheet.allCases.map(\.rawValue).joined(separator: ", "))")
                    continue
                }
                rowSheet = named
            }
            guard let dateCell = cell(.date), let date = parseDate(dateCell) else {
                log.error(at(.date), "\(name): \"\(cell(.date)?.text ?? "")\" is not a date (expected a date cell, 13/03/2023 or 2023-03-13)")
                continue
            }
            var published: DayDate?
            if let p = cell(.published), !p.isEmpty {
                published = parseDate(p)
                if published == nil { log.error(at(.published), "\(name): \"\(p.text)\" is not a date") }
            }
            var grades: [JudgementArea: Grade] = [:]
            for f in OutcomeField.allCases {
                guard let area = f.area, let t = text(f) else { continue }
                guard let g = Grade.parse(t) else {
                    log.error(at(f), "\(name): \"\(t)\" is not an Ofsted grade\(Suggestion.hint(for: t, in: Grade.wordings))")
                    continue
                }
                grades[area] = g
            }
            out.append(OutcomeRow(sheet: rowSheet, onsCode: text(.onsCode), name: name, status: text(.status),
                                  region: text(.region), date: date, published: published, type: text(.type),
                                  grades: grades, theme: text(.theme), link: cell(.webLink)?.link ?? text(.webLink).flatMap { $0.hasPrefix("http") ? $0 : nil }))
        }
        return out
    }

    /// A date cell's value, or text as `13/03/2023` or `2023-03-13`.
    static func parseDate(_ cell: SheetCell) -> DayDate? {
        if let v = cell.dateValue, let d = PartialDate.parse(String(v.prefix(10))), d.precision == .day { return d.earliest }
        let t = cell.text.trimmingCharacters(in: .whitespaces)
        let parts = t.split(separator: "/")
        if parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), parts[2].count == 4,
           let p = PartialDate.parse(String(format: "%04d-%02d-%02d", y, m, d)) {
            return p.earliest
        }
        if let p = PartialDate.parse(t), p.precision == .day { return p.earliest }
        return nil
    }
}
