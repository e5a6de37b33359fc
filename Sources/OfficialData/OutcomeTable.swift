import Diagnostics
import Foundation
import Judgements

/// One outcomes table: its header row mapped by meaning, then every row below it. Two layouts:
/// one row per inspection (every edition's latest and in-year sheets, and the 2025 history), or
/// one row per authority with a group of columns per inspection, each group starting at its
/// date column (a history laid out across).
enum OutcomeTable {
    typealias Row = (number: Int, cells: [SheetCell])

    /// The header row: the first of the first ten rows naming a local authority and a date.
    static func headerIndex(_ rows: [Row]) -> Int? {
        rows.prefix(10).firstIndex { row in
            let fields = row.cells.compactMap { OutcomeField.match($0.text) }
            return fields.contains(.name) && fields.contains(.date)
        }
    }

    /// Which table a sheet holds, from its name and title, else from its columns.
    static func kind(name: String, title: String, fields: Set<OutcomeField>) -> OutcomeRow.Sheet? {
        let words = (name + " " + title).lowercased().replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        if words.contains("history") { return .history }
        if words.contains("in year") || words.contains("inyear") { return .inYear }
        if fields.contains(.theme) { return .inYear }
        if !fields.contains(.type) { return .latest }
        return nil
    }

    /// The judgement columns every table has; without them every grade would silently be blank.
    static let requiredJudgements: [OutcomeField] = [.overall, .leaders, .helpAndProtection]

    static func parse(_ rows: [Row], sheet: OutcomeRow.Sheet, file: String, log: DiagnosticLog) -> [OutcomeRow] {
        guard let headerIndex = headerIndex(rows) else {
            let first = rows.first.map { $0.cells.map(\.text).filter { !$0.isEmpty }.joined(separator: " | ") } ?? "(empty)"
            log.error(SourceLocation(file: file, line: rows.first?.number ?? 1, column: 1),
                      "no header row with a local authority name and an inspection date column in the first 10 rows (first row: \(first.prefix(200)))")
            return []
        }
        let header = rows[headerIndex]
        guard let layout = Layout(header, file: file, log: log) else { return [] }
        var out: [OutcomeRow] = []
        for row in rows[(headerIndex + 1)...] {
            for group in layout.groups {
                if layout.wide, group.values.allSatisfy({ $0 >= row.cells.count || row.cells[$0].isEmpty }) { continue }   // fewer inspections
                if let r = read(row, shared: layout.shared, group: group, sheet: sheet, file: file, log: log) { out.append(r) }
            }
        }
        return out
    }

    /// Columns by field: those shared by the row, and one group per inspection.
    struct Layout {
        var shared: [OutcomeField: Int] = [:]
        var groups: [[OutcomeField: Int]] = []
        var wide: Bool { groups.count > 1 }

        init?(_ header: Row, file: String, log: DiagnosticLog) {
            let at = SourceLocation(file: file, line: header.number, column: 1)
            var unknown: [String] = [], twice: [String] = []
            let dates = header.cells.filter { OutcomeField.match($0.text) == .date }.count
            for (i, cell) in header.cells.enumerated() where !cell.text.isEmpty {
                guard let f = OutcomeField.match(cell.text) else { unknown.append("\(CSVTable.letter(i)): \"\(cell.text)\""); continue }
                if f == .unused { continue }
                let perInspection = f == .date || f == .published || f == .type || f == .theme || f.area != nil
                if (dates >= 2 && f == .date) || (dates < 2 && groups.isEmpty) { groups.append([:]) }
                if dates >= 2 && (!perInspection || groups.isEmpty) {
                    if shared[f] != nil { twice.append("\(CSVTable.letter(i)): \"\(cell.text)\"") } else { shared[f] = i }
                } else if dates >= 2 || perInspection {
                    if groups[groups.count - 1][f] != nil { twice.append("\(CSVTable.letter(i)): \"\(cell.text)\"") } else { groups[groups.count - 1][f] = i }
                } else if shared[f] != nil { twice.append("\(CSVTable.letter(i)): \"\(cell.text)\"") } else { shared[f] = i }
            }
            if !unknown.isEmpty {
                log.error(at, "this edition has headers that cannot be mapped: \(unknown.joined(separator: ", ")). Known headers include: \"Local authority name\", \"Inspection date\", \"Publication date\", \"Overall effectiveness\", \"Impact of leaders\", \"Visit Theme\"")
                return nil
            }
            if !twice.isEmpty {
                log.error(at, "these columns repeat a column before them: \(twice.joined(separator: ", "))")
                return nil
            }
            let present = Set(groups.flatMap(\.keys))
            var missing = Self.missing(present)
            if !missing.isEmpty {
                if missing.count > 1 { missing[missing.count - 1] = "and " + missing[missing.count - 1] }
                log.error(at, "the judgement column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: missing.count > 2 ? ", " : " ")) \(missing.count > 1 ? "are" : "is") missing: every edition has them, and without them every grade would be blank")
                return nil
            }
        }

        static func missing(_ present: Set<OutcomeField>) -> [String] {
            var out = OutcomeTable.requiredJudgements.filter { !present.contains($0) }.map { "\"\(wording($0))\"" }
            if !present.contains(.childrenInCare) && !present.contains(.childrenInCareAndCareLeavers) {
                out.append("\"\(wording(.childrenInCare))\" (or \"\(wording(.childrenInCareAndCareLeavers))\")")
            }
            return out
        }

        static func wording(_ f: OutcomeField) -> String {
            let w = OutcomeField.wordings.first { $0.field == f }!.wording
            return w.prefix(1).uppercased() + w.dropFirst()
        }
    }

    /// One inspection from one row (nil for a blank group, a note under the table, or an error).
    static func read(_ row: Row, shared: [OutcomeField: Int], group: [OutcomeField: Int], sheet: OutcomeRow.Sheet,
                     file: String, log: DiagnosticLog) -> OutcomeRow? {
        func column(_ f: OutcomeField) -> Int? { group[f] ?? shared[f] }
        func cell(_ f: OutcomeField) -> SheetCell? {
            guard let i = column(f), i < row.cells.count else { return nil }
            return row.cells[i]
        }
        func text(_ f: OutcomeField) -> String? {
            guard let t = cell(f)?.text, !t.isEmpty else { return nil }
            return t
        }
        func at(_ f: OutcomeField) -> SourceLocation { SourceLocation(file: file, line: row.number, column: (column(f) ?? 0) + 1) }
        guard let name = text(.name) else { return nil }   // notes and blank rows under the table
        var rowSheet = sheet
        if let s = text(.sheet) {
            guard let named = OutcomeRow.Sheet(rawValue: s) else {
                log.error(at(.sheet), "unknown sheet \"\(s)\"; expected one of \(OutcomeRow.Sheet.allCases.map(\.rawValue).joined(separator: ", "))")
                return nil
            }
            rowSheet = named
        }
        guard let dateCell = cell(.date), let date = OfstedOutcomesImport.parseDate(dateCell) else {
            log.error(at(.date), "\(name): \"\(cell(.date)?.text ?? "")\" is not a date (expected a date cell, 13/03/2023, 2023-03-13 or 2023-03-13T00:00:00)")
            return nil
        }
        var published: DayDate?
        if let p = cell(.published), !p.isEmpty {
            published = OfstedOutcomesImport.parseDate(p)
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
        let code = text(.onsCode)
        if let code, !TextPattern.isAreaCode(Array(code.unicodeScalars)) {
            log.error(at(.onsCode), "\(name): \"\(code)\" is not an ONS area code such as E08000012")
        }
        return OutcomeRow(sheet: rowSheet, onsCode: code, name: name, status: text(.status),
                          region: text(.region), date: date, published: published, type: text(.type),
                          grades: grades, theme: text(.theme),
                          link: cell(.webLink)?.link ?? text(.webLink).flatMap { $0.hasPrefix("http") ? $0 : nil },
                          origin: SourceLocation(file: file, line: row.number, column: 1))
    }
}
