import Diagnostics
import Foundation
import Judgements

/// Reads Explore Education Statistics open-data CSVs: `time_period`, `geographic_level`, the
/// country/region/authority codes and names, then measures. Suppression codes become missing
/// values that keep their reason; a number that will not parse is an error, never a zero.
public enum EESImport {
    static let required = ["time_period", "geographic_level"]

    /// True when the header is an EES file's.
    static func isEES(_ table: CSVTable) -> Bool { required.allSatisfy { table.column($0) != nil } }

    /// The indicators a file holds, recognised by its columns (the measure and any filter's
    /// columns), not by its name: DfE renames files between releases.
    public static func held(by table: CSVTable, of indicators: [IndicatorDefinition]) -> [IndicatorDefinition] {
        guard isEES(table) else { return [] }
        return indicators.filter { ind in !ind.isDerived && table.column(ind.column) != nil && ind.filter.keys.allSatisfy { table.column($0) != nil } }
    }

    /// Every observation of the indicators this CSV holds.
    public static func read(path: String, indicators: [IndicatorDefinition]) throws(InputError) -> [Observation] {
        try read(CSVTable.read(path: path), indicators: indicators)
    }

    static func read(_ table: CSVTable, indicators: [IndicatorDefinition], warnings: DiagnosticLog = DiagnosticLog()) throws(InputError) -> [Observation] {
        let path = table.path
        let headerLocation = SourceLocation(file: path, line: 1, column: 1)
        let wanted = held(by: table, of: indicators)
        guard !wanted.isEmpty else {
            // A file named like an indicator's source but missing its column: say which, with the nearest spelling.
            let log = DiagnosticLog()
            let name = URL(fileURLWithPath: path).lastPathComponent
            for ind in indicators where !ind.isDerived && name.hasPrefix(ind.file) {
                for column in required + [ind.column] + ind.filter.keys.sorted() where table.column(column) == nil {
                    log.error(headerLocation, "the CSV has no \"\(column)\" column\(Suggestion.hint(for: column, in: table.header)); it has: \(table.header.joined(separator: ", "))")
                }
            }
            try log.throwIfErrors()
            throw InputError(headerLocation, "this file holds none of the indicators in indicators.yaml: it is neither an Explore Education Statistics file with one of their columns (\(indicators.filter { !$0.isDerived }.map(\.column).joined(separator: ", "))) nor the statistical neighbour model (old_la_code, SN_1 … SN_10); its columns: \(table.header.prefix(30).joined(separator: ", "))")
        }
        let log = DiagnosticLog()
        let c = { (n: String) in table.column(n) }
        var out: [Observation] = []
        var seen: [String: (line: Int, value: IndicatorValue)] = [:]
        for row in table.rows {
            func field(_ n: String) -> String? {
                guard let i = c(n), i < row.fields.count else { return nil }
                return row.fields[i].trimmingCharacters(in: .whitespaces)
            }
            guard let levelText = field("geographic_level"), let period = field("time_period") else { continue }
            guard let level = GeographicLevel(rawValue: levelText) else { continue }   // e.g. local authority district rows
            let code: String?, place: String?
            switch level {
            case .national: code = field("country_code"); place = field("country_name")
            case .regional: code = field("region_code"); place = field("region_name")
            case .localAuthority: code = field("new_la_code"); place = field("la_name")
            }
            guard let code, let place, !code.isEmpty else {
                log.error(SourceLocation(file: path, line: row.line, column: 1), "a \(levelText.lowercased()) row has no code or name")
                continue
            }
            for ind in wanted {
                if ind.filter.contains(where: { field($0.key) != $0.value }) { continue }
                let raw = field(ind.column) ?? ""
                let value: IndicatorValue
                if let v = Double(raw.replacingOccurrences(of: ",", with: "")), v.isFinite {
                    value = .value(v)
                } else if let reason = MissingReason.code(raw) {
                    value = .missing(reason)
                } else {
                    log.error(SourceLocation(file: path, line: row.line, column: (c(ind.column) ?? 0) + 1),
                              "\(place) \(period): \"\(raw.prefix(60))\" in \(ind.column) is neither a number nor a known suppression code (c, x, z, k, u, low)")
                    continue
                }
                // One figure per indicator, period and place: a second is folded when equal, refused when not.
                let key = "\(ind.id)|\(period)|\(level.rawValue)|\(code)"
                if let first = seen[key] {
                    let at = SourceLocation(file: path, line: row.line, column: (c(ind.column) ?? 0) + 1)
                    if first.value == value {
                        warnings.warning(at, "\(place) \(period): \(ind.column) is given again, identically (first on line \(first.line)); kept once")
                    } else {
                        log.error(at, "\(place) \(period): \(ind.column) is \"\(raw)\" here but \"\(first.value.field)\" on line \(first.line); which is right cannot be guessed: correct the file")
                    }
                    continue
                }
                seen[key] = (row.line, value)
                out.append(Observation(indicator: ind.id, period: period, level: level, code: code,
                                       dfeCode: level == .localAuthority ? field("old_la_code").flatMap { Int($0) } : nil,
                                       name: place, value: value))
            }
        }
        try log.throwIfErrors()
        return out
    }
}
