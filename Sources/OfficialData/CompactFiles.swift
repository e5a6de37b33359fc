import CSVText
import Diagnostics
import Foundation
import Judgements

/// The compact files in `Reports/data`: read by every build, written by `briefing import`.
/// Indicators are one row per place and period with a column per indicator (about a fifth of
/// the size of one row per figure): an empty cell is a figure no file gave; a suppressed or
/// unpublished one keeps its code (`c`, `x`, `z`, `k`, `u`, `low`, `blank` for a published blank).
extension OfficialDataStore {
    static let placeHeader = ["time_period", "geographic_level", "code", "dfe_code", "name"]
    static let directoryHeader = ["dfe_code", "ons_code", "name", "region", "former_ons_codes", "note"]

    static func readDirectory(_ path: String) throws(InputError) -> [AuthorityEntry] {
        let t = try CSVTable.read(path: path)
        guard Array(t.header.prefix(4)) == Array(directoryHeader.prefix(4)) else {
            throw InputError(SourceLocation(file: path, line: 1, column: 1), "expected columns \(directoryHeader.joined(separator: ", "))")
        }
        let former = t.column("former_ons_codes"), note = t.column("note")
        var out: [AuthorityEntry] = []
        for row in t.rows {
            let f = row.fields
            guard f.count == t.header.count, let code = Int(f[0]) else {
                throw InputError(SourceLocation(file: path, line: row.line, column: 1), "expected \(t.header.count) fields with a numeric dfe_code")
            }
            out.append(AuthorityEntry(dfeCode: code, onsCode: f[1].isEmpty ? nil : f[1], name: f[2], region: f[3],
                                      formerCodes: former.map { f[$0].split(separator: " ").map(String.init) } ?? [],
                                      note: note.flatMap { f[$0].isEmpty ? nil : f[$0] }))
        }
        return out
    }

    static func readObservations(_ path: String) throws(InputError) -> [Observation] {
        let t = try CSVTable.read(path: path)
        if t.header == longHeader { return try readLong(t) }
        guard Array(t.header.prefix(5)) == placeHeader, t.header.count > 5 else {
            throw InputError(SourceLocation(file: path, line: 1, column: 1), "expected the header \(placeHeader.joined(separator: ",")) then one column per indicator")
        }
        let ids = Array(t.header.dropFirst(5))
        var out: [Observation] = []
        out.reserveCapacity(t.rows.count * ids.count)
        for row in t.rows {
            let f = row.fields
            guard f.count == t.header.count, let level = GeographicLevel(rawValue: f[1]) else {
                throw InputError(SourceLocation(file: path, line: row.line, column: 1), "expected \(t.header.count) fields and a geographic level")
            }
            for (k, id) in ids.enumerated() {
                let raw = f[5 + k]
                if raw.isEmpty { continue }
                let value: IndicatorValue
                if let v = Double(raw) { value = .value(v) } else if raw == "blank" { value = .missing(.blank) } else if let r = MissingReason.code(raw) { value = .missing(r) } else {
                    throw InputError(SourceLocation(file: path, line: row.line, column: 6 + k), "\"\(raw)\" is neither a number nor a suppression code")
                }
                out.append(Observation(indicator: id, period: f[0], level: level, code: f[2], dfeCode: Int(f[3]), name: f[4], value: value))
            }
        }
        return out
    }

    /// The earlier layout, one row per figure, still read so a store written before can be re-imported.
    static let longHeader = ["indicator", "time_period", "geographic_level", "code", "dfe_code", "name", "value"]

    static func readLong(_ t: CSVTable) throws(InputError) -> [Observation] {
        var out: [Observation] = []
        for row in t.rows {
            let f = row.fields
            guard f.count == 7, let level = GeographicLevel(rawValue: f[2]) else {
                throw InputError(SourceLocation(file: t.path, line: row.line, column: 1), "expected 7 fields and a geographic level")
            }
            let value: IndicatorValue
            if let v = Double(f[6]) { value = .value(v) } else if let r = MissingReason.code(f[6]) { value = .missing(r) } else {
                throw InputError(SourceLocation(file: t.path, line: row.line, column: 7), "\"\(f[6])\" is neither a number nor a suppression code")
            }
            out.append(Observation(indicator: f[0], period: f[1], level: level, code: f[3], dfeCode: Int(f[4]), name: f[5], value: value))
        }
        return out
    }

    /// The compact files' bytes, for `briefing import` to write atomically. Sorted, so the same
    /// inputs give the same files.
    public func compactFiles() -> [(name: String, data: Data)] {
        func csv(_ rows: [[String]]) -> Data {
            CSVText.data(rows, lineEnd: .lf)
        }
        let outcomeHeader = ["Sheet", "Web link", "Local authority area code", "Local authority name", "Local authority status",
                             "Ofsted region", "Inspection date", "Publication date", "Inspection/Visit type",
                             "Overall effectiveness", "The impact of leaders on social work practice with children and families",
                             "The experiences and progress of children who need help and protection",
                             "The experiences and progress of children in care", "The experiences and progress of care leavers",
                             "The experiences and progress of children in care and care leavers", "Visit Theme"]
        let areas: [JudgementArea] = [.overallEffectiveness, .leaders, .helpAndProtection, .childrenInCare, .careLeavers, .childrenInCareAndCareLeavers]
        let outcomeRows = outcomes.map { r -> [String] in
            [r.sheet.rawValue, r.link ?? "", r.onsCode ?? "", r.name, r.status ?? "", r.region ?? "", r.date.iso, r.published?.iso ?? "",
             r.type ?? ""] + areas.map { r.grades[$0]?.wording ?? "" } + [r.theme ?? ""]
        }.sorted { ($0[3], $0[0], $0[6], $0[8]) < ($1[3], $1[0], $1[6], $1[8]) }
        // One row per place and period; indicators as columns in name order.
        let ids = Array(Set(observations.map(\.indicator))).sorted()
        let column = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        var places: [[String]: [String]] = [:]
        for o in observations {
            let key = [o.period, o.level.rawValue, o.code, o.dfeCode.map(String.init) ?? "", o.name]
            var values = places[key] ?? Array(repeating: "", count: ids.count)
            values[column[o.indicator]!] = o.value == .missing(.blank) ? "blank" : o.value.field
            places[key] = values
        }
        let obsRows = places.map { $0.key + $0.value }.sorted { $0.lexicographicallyPrecedes($1) }
        let snRows = neighbourGroups.sorted { $0.dfeCode < $1.dfeCode }.map { g in
            [String(g.dfeCode), g.name, g.region] + g.neighbours.map(String.init) + g.closeness.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let dirRows = directory.sorted { $0.dfeCode < $1.dfeCode }.map {
            [String($0.dfeCode), $0.onsCode ?? "", $0.name, $0.region, $0.formerCodes.joined(separator: " "), $0.note ?? ""]
        }
        return [
            (Self.outcomesFile, csv([outcomeHeader] + outcomeRows)),
            (Self.indicatorsFile, csv([Self.placeHeader + ids] + obsRows)),
            (Self.neighboursFile, csv([["dfe_code", "name", "region"] + (1...10).map { "neighbour_\($0)" } + (1...10).map { "closeness_\($0)" }] + snRows)),
            (Self.directoryFile, csv([Self.directoryHeader] + dirRows)),
        ]
    }
}
