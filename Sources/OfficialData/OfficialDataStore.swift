import Diagnostics
import Foundation
import Judgements

/// The project's own compact copies of the official data, in `Reports/data/`: small enough to
/// commit, written by `briefing import` and read by every build, so packs need no download.
public struct OfficialDataStore: Sendable {
    public private(set) var outcomes: [OutcomeRow]
    /// Where each ONS code's and each lower-cased name's outcome rows are: every pack asks for
    /// the newest judgements of all 153 authorities, and filtering every row for each took
    /// 80,000 lower-casings a time.
    let outcomeRows: (byCode: [String: [Int]], byName: [String: [Int]])
    public var observations: [Observation]
    public var neighbourGroups: [NeighbourGroup]
    public var directory: [AuthorityEntry]
    /// Observations by indicator and place, so a pack's series are looked up, not searched for.
    var index: [SeriesKey: [Observation]]
    /// Codes of England ("National") and of each region ("Regional|North West").
    let placeCodes: [String: String]

    /// A place in the index: England, a region or an authority without a DfE code by its ONS
    /// code; an authority by its DfE code, as the ONS code of North Yorkshire, Somerset or
    /// Buckinghamshire changed in 2023 while the DfE code stayed, so one series spans both.
    enum Place: Hashable { case ons(String), dfe(Int) }
    /// An indicator at a place. A struct rather than a joined string: every run indexes some
    /// 22,000 figures, and joining strings for each took longer than reading them.
    struct SeriesKey: Hashable { var indicator: String; var place: Place }

    static func key(_ indicator: String, _ code: String) -> SeriesKey { SeriesKey(indicator: indicator, place: .ons(code)) }
    static func key(_ indicator: String, dfe: Int) -> SeriesKey { SeriesKey(indicator: indicator, place: .dfe(dfe)) }
    static func key(_ o: Observation) -> SeriesKey {
        if o.level == .localAuthority, let d = o.dfeCode { return key(o.indicator, dfe: d) }
        return key(o.indicator, o.code)
    }

    public static let outcomesFile = "ofsted-outcomes.csv"
    public static let indicatorsFile = "indicators.csv"
    public static let neighboursFile = "statistical-neighbours.csv"
    public static let directoryFile = "authorities.csv"

    public init(outcomes: [OutcomeRow], observations: [Observation], neighbourGroups: [NeighbourGroup], directory: [AuthorityEntry]) {
        self.init(outcomes: outcomes, observations: observations, neighbourGroups: neighbourGroups, directory: directory,
                  index: Dictionary(grouping: observations) { Self.key($0) })
    }

    /// A store whose index is already made (`withDerived` changes only some indicators' series).
    init(outcomes: [OutcomeRow], observations: [Observation], neighbourGroups: [NeighbourGroup], directory: [AuthorityEntry],
         index: [SeriesKey: [Observation]]) {
        self.outcomes = outcomes; self.observations = observations
        self.neighbourGroups = neighbourGroups; self.directory = directory
        self.index = index
        var byCode: [String: [Int]] = [:], byName: [String: [Int]] = [:]
        for (i, r) in outcomes.enumerated() {
            if let code = r.onsCode { byCode[code, default: []].append(i) }
            byName[r.name.lowercased(), default: []].append(i)
        }
        self.outcomeRows = (byCode, byName)
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

    /// The figure of `indicator` for England or a region (by ONS `code`) in `period`.
    public func value(_ indicator: String, code: String, period: String) -> IndicatorValue? {
        index[Self.key(indicator, code)]?.first { $0.period == period }?.value
    }

    /// The figure of `indicator` for an authority in `period`, by its DfE code.
    public func value(_ indicator: String, of entry: AuthorityEntry, period: String) -> IndicatorValue? {
        index[Self.key(indicator, dfe: entry.dfeCode)]?.first { $0.period == period }?.value
    }

    /// Reads the compact files in `folder` (missing ones are an error naming them).
    public static func load(folder: String) throws(InputError) -> OfficialDataStore {
        // The indicators (the largest file) are read beside the rest, on a second thread.
        let ((outcomes, neighbours, directory), observations) = try ReadLog.both({ () throws(InputError) in
            (try OfstedOutcomesImport.readCSV(path: "\(folder)/\(outcomesFile)"),
             try StatisticalNeighbours.read(path: "\(folder)/\(neighboursFile)"),
             try readDirectory("\(folder)/\(directoryFile)"))
        }, { () throws(InputError) in try readObservations("\(folder)/\(indicatorsFile)") })
        return OfficialDataStore(outcomes: outcomes, observations: observations, neighbourGroups: neighbours, directory: directory)
    }

    // MARK: looking authorities up

    /// Finds an authority by name, DfE code or ONS code; an unknown one suggests the closest names.
    public func authority(_ query: String) throws(InputError) -> AuthorityEntry {
        try resolve(query).entry
    }

    /// The authority a name or code means, and a note when the code is a former one.
    public func resolve(_ query: String) throws(InputError) -> (entry: AuthorityEntry, note: String?) {
        let q = query.trimmingCharacters(in: .whitespaces)
        if let n = Int(q), let e = directory.first(where: { $0.dfeCode == n }) { return (e, nil) }
        if let e = directory.first(where: { $0.onsCode?.lowercased() == q.lowercased() }) { return (e, nil) }
        if let e = directory.first(where: { $0.formerCodes.contains { $0.lowercased() == q.lowercased() } }) {
            return (e, "\(q.uppercased()) is \(e.name)\u{2019}s former ONS code; its current code is \(e.onsCode ?? "not known")" + (e.note.map { " (\($0))" } ?? ""))
        }
        // A current ONS code that the directory (from older files) lacks: Ofsted's file has it.
        if let n = outcomes.first(where: { $0.onsCode?.lowercased() == q.lowercased() })?.name.lowercased(),
           let e = directory.first(where: { $0.name.lowercased() == n }) { return (e, nil) }
        if let e = directory.first(where: { $0.name.lowercased() == q.lowercased() }) { return (e, nil) }
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
        var rows = Set(outcomeRows.byName[a.name.lowercased()] ?? [])
        for code in (a.onsCode.map { [$0] } ?? []) + a.formerCodes { rows.formUnion(outcomeRows.byCode[code] ?? []) }
        return rows.sorted().map { outcomes[$0] }
    }
}
