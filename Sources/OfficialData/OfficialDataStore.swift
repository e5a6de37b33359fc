import Diagnostics
import Foundation
import Judgements

/// The project's own compact copies of the official data, in `Reports/data/`: small enough to
/// commit, written by `briefing import` and read by every build, so packs need no download.
public struct OfficialDataStore: Sendable {
    public var outcomes: [OutcomeRow]
    public var observations: [Observation]
    public var neighbourGroups: [NeighbourGroup]
    public var directory: [AuthorityEntry]
    /// Observations by indicator and place, so a pack's series are looked up, not searched for.
    let index: [String: [Observation]]
    /// Codes of England ("National") and of each region ("Regional|North West").
    let placeCodes: [String: String]

    static func key(_ indicator: String, _ code: String) -> String { indicator + "|" + code }

    public static let outcomesFile = "ofsted-outcomes.csv"
    public static let indicatorsFile = "indicators.csv"
    public static let neighboursFile = "statistical-neighbours.csv"
    public static let directoryFile = "authorities.csv"

    public init(outcomes: [OutcomeRow], observations: [Observation], neighbourGroups: [NeighbourGroup], directory: [AuthorityEntry]) {
        self.outcomes = outcomes; self.observations = observations
        self.neighbourGroups = neighbourGroups; self.directory = directory
        self.index = Dictionary(grouping: observations) { Self.key($0.indicator, $0.code) }
        var places: [String: String] = [:]
        for o in observations {
            switch o.level {
            case .national: places["National"] = o.code
            case .regional: places["Regional|" + o.name] = o.code
            case .localAuthority: break
            }
        }
        self.placeCodes = places
    }

    /// The figure of `indicator` for the place with ONS `code` in `period`.
    public func value(_ indicator: String, code: String, period: String) -> IndicatorValue? {
        index[Self.key(indicator, code)]?.first { $0.period == period }?.value
    }

    /// Reads the compact files in `folder` (missing ones are an error naming them).
    public static func load(folder: String) throws(InputError) -> OfficialDataStore {
        let outcomes = try OfstedOutcomesImport.readCSV(path: "\(folder)/\(outcomesFile)")
        let neighbours = try StatisticalNeighbours.read(path: "\(folder)/\(neighboursFile)")
        let directory = try readDirectory("\(folder)/\(directoryFile)")
        let observations = try readObservations("\(folder)/\(indicatorsFile)")
        return OfficialDataStore(outcomes: outcomes, observations: observations, neighbourGroups: neighbours, directory: directory)
    }

    // MARK: looking authorities up

    /// Finds an authority by name, DfE code or ONS code; an unknown one suggests the closest names.
    public func authority(_ query: String) throws(InputError) -> AuthorityEntry {
        let q = query.trimmingCharacters(in: .whitespaces)
        if let n = Int(q), let e = directory.first(where: { $0.dfeCode == n }) { return e }
        if let e = directory.first(where: { $0.onsCode?.lowercased() == q.lowercased() }) { return e }
        // A current ONS code that the directory (from older files) lacks: Ofsted's file has it.
        if let n = outcomes.first(where: { $0.onsCode?.lowercased() == q.lowercased() })?.name.lowercased(),
           let e = directory.first(where: { $0.name.lowercased() == n }) { return e }
        if let e = directory.first(where: { $0.name.lowercased() == q.lowercased() }) { return e }
        let close = Suggestion.ranked(q, in: directory.map(\.name), limit: 3)
        throw InputError(SourceLocation(file: "--authority"),
                         "no authority called \"\(q)\" (give a name, a DfE code such as 340 or an ONS code such as E08000011); closest: \(close.joined(separator: ", "))")
    }

    public func entry(dfeCode: Int) -> AuthorityEntry? { directory.first { $0.dfeCode == dfeCode } }

    public func neighbours(of a: AuthorityEntry) -> [AuthorityEntry] {
        (neighbourGroups.first { $0.dfeCode == a.dfeCode }?.neighbours ?? []).compactMap(entry(dfeCode:))
    }

    /// Outcome rows for one authority: matched on ONS code or on name. The name matters when
    /// the directory holds an authority's code from before the 2019-2023 reorganisations and
    /// Ofsted's file the new one (North Yorkshire, Buckinghamshire, Somerset).
    public func outcomes(for a: AuthorityEntry) -> [OutcomeRow] {
        outcomes.filter { r in
            if let code = r.onsCode, let mine = a.onsCode, code == mine { return true }
            return r.name.lowercased() == a.name.lowercased()
        }
    }

    // MARK: compact files

    static func readDirectory(_ path: String) throws(InputError) -> [AuthorityEntry] {
        let t = try CSVTable.read(path: path)
        guard let c = t.column("dfe_code"), let o = t.column("ons_code"), let n = t.column("name"), let r = t.column("region") else {
            throw InputError(SourceLocation(file: path, line: 1, column: 1), "expected columns dfe_code, ons_code, name, region")
        }
        var out: [AuthorityEntry] = []
        for row in t.rows {
            guard row.fields.count == t.header.count, let code = Int(row.fields[c]) else {
                throw InputError(SourceLocation(file: path, line: row.line, column: 1), "expected \(t.header.count) fields with a numeric dfe_code")
            }
            out.append(AuthorityEntry(dfeCode: code, onsCode: row.fields[o].isEmpty ? nil : row.fields[o], name: row.fields[n], region: row.fields[r]))
        }
        return out
    }

    static let observationHeader = ["indicator", "time_period", "geographic_level", "code", "dfe_code", "name", "value"]

    static func readObservations(_ path: String) throws(InputError) -> [Observation] {
        let t = try CSVTable.read(path: path)
        guard t.header == observationHeader else {
            throw InputError(SourceLocation(file: path, line: 1, column: 1), "expected the header \(observationHeader.joined(separator: ","))")
        }
        var out: [Observation] = []
        for row in t.rows {
            let f = row.fields
            guard f.count == 7, let level = GeographicLevel(rawValue: f[2]) else {
                throw InputError(SourceLocation(file: path, line: row.line, column: 1), "expected 7 fields and a geographic level")
            }
            let value: IndicatorValue
            if let v = Double(f[6]) { value = .value(v) } else if let r = MissingReason.code(f[6]) { value = .missing(r) } else {
                throw InputError(SourceLocation(file: path, line: row.line, column: 7), "\"\(f[6])\" is neither a number nor a suppression code")
            }
            out.append(Observation(indicator: f[0], period: f[1], level: level, code: f[3], dfeCode: Int(f[4]), name: f[5], value: value))
        }
        return out
    }

    /// The compact files' bytes, for `briefing import` to write atomically. Sorted, so the same
    /// inputs give the same files.
    public func compactFiles() -> [(name: String, data: Data)] {
        func csv(_ rows: [[String]]) -> Data {
            Data(rows.map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\n").appending("\n").utf8)
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
        let obsRows = observations.map { o in
            [o.indicator, o.period, o.level.rawValue, o.code, o.dfeCode.map(String.init) ?? "", o.name, o.value.field]
        }.sorted { $0.lexicographicallyPrecedes($1) }
        let snRows = neighbourGroups.sorted { $0.dfeCode < $1.dfeCode }.map { g in
            [String(g.dfeCode), g.name, g.region] + g.neighbours.map(String.init) + g.closeness.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let dirRows = directory.sorted { $0.dfeCode < $1.dfeCode }.map { [String($0.dfeCode), $0.onsCode ?? "", $0.name, $0.region] }
        return [
            (Self.outcomesFile, csv([outcomeHeader] + outcomeRows)),
            (Self.indicatorsFile, csv([Self.observationHeader] + obsRows)),
            (Self.neighboursFile, csv([["dfe_code", "name", "region"] + (1...10).map { "neighbour_\($0)" } + (1...10).map { "closeness_\($0)" }] + snRows)),
            (Self.directoryFile, csv([["dfe_code", "ons_code", "name", "region"]] + dirRows)),
        ]
    }

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
