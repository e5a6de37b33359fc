import Diagnostics
import Foundation

/// An Ofsted import as a transaction: the new tables are checked on their own and against what
/// is stored, and only then merged. Nothing here writes; the caller writes the merged rows (all
/// at once) only when this returns. It runs once per import on a few hundred rows, so it is not
/// optimised (CONTRIBUTING, "Code the optimiser skips").
public struct OutcomesUpdate: Sendable {
    /// The stored rows of the tables not given, with the new tables' rows.
    public var merged: [OutcomeRow]
    /// One line per table given: authorities added, changed and removed.
    public var summary: [String]
    /// Identical duplicate rows folded into one.
    public var warnings: [Diagnostic]

    /// Below this share of the stored authorities a table is "far fewer" (the in-year table
    /// names whoever was visited that year, so it may shrink by more than the others).
    static func floor(_ sheet: OutcomeRow.Sheet, stored: Int) -> Int {
        sheet == .inYear ? stored / 2 : stored * 9 / 10
    }

    /// `new` holds the tables `sheets`; `stored` is what `Reports/data` holds now.
    @_optimize(none) public init(new: [OutcomeRow], sheets: Set<OutcomeRow.Sheet>, stored: [OutcomeRow], allowFewer: Bool,
                file: String) throws(InputError) {
        let log = DiagnosticLog()
        var kept: [OutcomeRow] = []
        for sheet in OutcomeRow.Sheet.allCases where sheets.contains(sheet) {
            let rows = new.filter { $0.sheet == sheet }
            let before = Set(stored.filter { $0.sheet == sheet }.map(Self.authority))
            guard !rows.isEmpty else {
                log.error(SourceLocation(file: file), "the \(sheet.title) table holds no authorities; \(before.count) are stored, and an empty table would erase them")
                continue
            }
            kept += Self.folded(rows, log: log)
            let after = Set(rows.map(Self.authority))
            if !allowFewer && after.count < Self.floor(sheet, stored: before.count) {
                log.error(SourceLocation(file: file), "the \(sheet.title) table names \(after.count) authorit\(after.count == 1 ? "y" : "ies") where \(before.count) are stored; refusing to drop \(before.subtracting(after).count). To import a deliberate subset, give --allow-fewer")
            }
        }
        try log.throwIfErrors()
        let untouched = stored.filter { !sheets.contains($0.sheet) }
        merged = untouched.map(\.facts) + kept.map(\.facts)
        warnings = log.diagnostics
        summary = OutcomeRow.Sheet.allCases.filter(sheets.contains).map { sheet in
            Self.describe(sheet, before: stored.filter { $0.sheet == sheet }, after: kept.filter { $0.sheet == sheet })
        }
    }

    static func authority(_ r: OutcomeRow) -> String { r.name.lowercased() }

    /// One row per authority in the latest table, one per authority, date and type elsewhere.
    static func key(_ r: OutcomeRow) -> String {
        r.sheet == .latest ? authority(r) : "\(authority(r))|\(r.date.iso)|\(r.type?.lowercased() ?? "")"
    }

    /// Duplicates: identical ones are kept once with a warning; differing ones are an error
    /// naming every row, since which one is right cannot be guessed.
    @_optimize(none) static func folded(_ rows: [OutcomeRow], log: DiagnosticLog) -> [OutcomeRow] {
        var firstOf: [String: Int] = [:], out: [OutcomeRow] = [], copies: [String: [OutcomeRow]] = [:]
        for r in rows {
            let k = key(r)
            if firstOf[k] == nil { firstOf[k] = out.count; out.append(r) } else { copies[k, default: []].append(r) }
        }
        func line(_ r: OutcomeRow) -> String { r.origin.map { "\($0.line)" } ?? "?" }
        for (k, more) in copies.sorted(by: { firstOf[$0.key]! < firstOf[$1.key]! }) {
            let first = out[firstOf[k]!]
            let what = first.sheet == .latest ? first.name : "\(first.name) on \(first.date.iso)\(first.type.map { " (\($0))" } ?? "")"
            let at = more[0].origin ?? SourceLocation(file: "")
            let rowsText = ([first] + more).map(line)
            if more.allSatisfy({ $0.facts == first.facts }) {
                log.warning(at, "\(what) is given \(more.count + 1) times, identically (rows \(rowsText.prefix(5).joined(separator: ", "))\(rowsText.count > 5 ? ", …" : "")); kept once")
            } else {
                log.error(at, "\(what) is given \(more.count + 1) times with different values (rows \(rowsText.prefix(5).joined(separator: ", "))\(rowsText.count > 5 ? ", …" : "")); which is right cannot be guessed: correct the file")
            }
        }
        return out
    }

    @_optimize(none) static func describe(_ sheet: OutcomeRow.Sheet, before: [OutcomeRow], after: [OutcomeRow]) -> String {
        let old = Dictionary(grouping: before.map(\.facts), by: authority).mapValues(Set.init)
        let new = Dictionary(grouping: after.map(\.facts), by: authority).mapValues(Set.init)
        let added = new.keys.filter { old[$0] == nil }.count, removed = old.keys.filter { new[$0] == nil }.count
        let changed = new.filter { old[$0.key] != nil && old[$0.key] != $0.value }.count
        return "\(sheet.title): \(new.count) authorities, \(after.count) rows (\(added) added, \(changed) changed, \(removed) removed)"
    }
}
