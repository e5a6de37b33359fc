import Diagnostics
import Foundation

/// An authority in DfE's directory: its codes, name and region. `onsCode` is the current ONS
/// code; codes it had before a reorganisation (North Yorkshire's E10000023) are `formerCodes`,
/// accepted as aliases, with a `note` saying when each was used.
public struct AuthorityEntry: Sendable, Hashable {
    public var dfeCode: Int
    public var onsCode: String?
    public var name: String
    public var region: String
    public var formerCodes: [String] = []
    public var note: String?

    public init(dfeCode: Int, onsCode: String?, name: String, region: String, formerCodes: [String] = [], note: String? = nil) {
        self.dfeCode = dfeCode; self.onsCode = onsCode; self.name = name; self.region = region
        self.formerCodes = formerCodes; self.note = note
    }
}

/// An authority's ten statistical neighbours from DfE's model, closest first.
public struct NeighbourGroup: Sendable, Hashable {
    public var dfeCode: Int
    public var name: String
    public var region: String
    public var neighbours: [Int]
    /// DfE's closeness label for each neighbour ("Very close", "Close", "Somewhat close").
    public var closeness: [String]
}

/// Reads DfE's statistical neighbour model (`sn_model_2025_wide.csv`, or the compact copy).
public enum StatisticalNeighbours {
    public static func read(path: String) throws(InputError) -> [NeighbourGroup] {
        try read(CSVTable.read(path: path))
    }

    /// True when the header is a neighbour model's (DfE's wide file or the compact copy).
    static func isModel(_ table: CSVTable) -> Bool {
        (table.column("old_la_code") ?? table.column("dfe_code")) != nil && (table.column("SN_1") ?? table.column("neighbour_1")) != nil
    }

    static func read(_ table: CSVTable) throws(InputError) -> [NeighbourGroup] {
        let path = table.path
        let log = DiagnosticLog()
        var firstLine: [Int: Int] = [:]
        let codeColumn = table.column("old_la_code") ?? table.column("dfe_code")
        let nameColumn = table.column("la_name") ?? table.column("name")
        let regionColumn = table.column("region_name") ?? table.column("region")
        guard let codeColumn, let nameColumn, let regionColumn else {
            throw InputError(SourceLocation(file: path, line: 1, column: 1),
                             "a statistical neighbour file needs old_la_code, la_name and region_name columns; it has: \(table.header.joined(separator: ", "))")
        }
        let snColumns = (1...10).map { table.column("SN_\($0)") ?? table.column("neighbour_\($0)") }
        let closeColumns = (1...10).map { table.column("SN_\($0)P") ?? table.column("closeness_\($0)") }
        if snColumns.contains(where: { $0 == nil }) {
            throw InputError(SourceLocation(file: path, line: 1, column: 1), "a statistical neighbour file needs columns SN_1 … SN_10")
        }
        var out: [NeighbourGroup] = []
        for row in table.rows {
            func f(_ i: Int?) -> String { i.map { $0 < row.fields.count ? row.fields[$0].trimmingCharacters(in: .whitespaces) : "" } ?? "" }
            guard let code = Int(f(codeColumn)) else {
                log.error(SourceLocation(file: path, line: row.line, column: codeColumn + 1), "\"\(f(codeColumn))\" is not a DfE authority code")
                continue
            }
            if let first = firstLine[code] {
                log.error(SourceLocation(file: path, line: row.line, column: codeColumn + 1), "authority \(code) is given again (first on line \(first)); an authority has one set of neighbours")
                continue
            }
            firstLine[code] = row.line
            var neighbours: [Int] = []
            for (k, c) in snColumns.enumerated() {
                guard let n = Int(f(c)) else {
                    log.error(SourceLocation(file: path, line: row.line, column: c! + 1), "\(f(nameColumn)): neighbour \(k + 1) \"\(f(c))\" is not a DfE authority code")
                    continue
                }
                neighbours.append(n)
            }
            out.append(NeighbourGroup(dfeCode: code, name: f(nameColumn), region: f(regionColumn), neighbours: neighbours,
                                      closeness: closeColumns.map { f($0) }))
        }
        try log.throwIfErrors()
        return out
    }
}
