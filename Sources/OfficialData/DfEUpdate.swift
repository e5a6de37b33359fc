import Diagnostics
import Foundation

/// A DfE import as a transaction, merged by indicator: each given file is recognised by its
/// columns; the indicators it holds replace those stored, every other stored indicator stays, and
/// the stored neighbour model and directory stay unless a new model is given. Every file is read
/// and checked before anything is merged; nothing here writes.
public struct DfEUpdate {
    /// What `Reports/data` holds now (empty where a file is not there yet).
    public struct Stored: Sendable {
        public var observations: [Observation] = []
        public var neighbours: [NeighbourGroup] = []
        public var directory: [AuthorityEntry] = []

        public init() {}

        public static func load(folder: String) throws(InputError) -> Stored {
            var s = Stored()
            let fm = FileManager.default
            let ind = "\(folder)/\(OfficialDataStore.indicatorsFile)", sn = "\(folder)/\(OfficialDataStore.neighboursFile)"
            let dir = "\(folder)/\(OfficialDataStore.directoryFile)"
            if fm.fileExists(atPath: ind) { s.observations = try OfficialDataStore.readObservations(ind) }
            if fm.fileExists(atPath: sn) { s.neighbours = try StatisticalNeighbours.read(path: sn) }
            if fm.fileExists(atPath: dir) { s.directory = try OfficialDataStore.readDirectory(dir) }
            return s
        }
    }

    public var store: OfficialDataStore
    public var summary: [String] = []
    public var warnings: [Diagnostic] = []

    /// An indicator (or the model) keeps at least this share of the places stored, unless
    /// `allowFewer`: a file cut to a few rows would otherwise erase the rest.
    static func floor(_ stored: Int) -> Int { stored * 9 / 10 }

    public init(paths: [String], indicators: [IndicatorDefinition], home: Int?, stored: Stored, allowFewer: Bool) throws(InputError) {
        let log = DiagnosticLog(), notes = DiagnosticLog()
        var observations: [Observation] = [], model: [NeighbourGroup]?, holder: [String: String] = [:]
        for path in paths {
            do {
                let table = try CSVTable.read(path: path)
                if StatisticalNeighbours.isModel(table) {
                    if model != nil { log.error(SourceLocation(file: path), "a second statistical neighbour model; give one") }
                    model = try StatisticalNeighbours.read(table)
                    continue
                }
                for ind in EESImport.held(by: table, of: indicators) {
                    if let other = holder[ind.id] { log.error(SourceLocation(file: path), "\(ind.id) is also in \(other); give one file per indicator") }
                    holder[ind.id] = path
                }
                observations += try EESImport.read(table, indicators: indicators, warnings: notes)
            } catch {
                log.append(contentsOf: error.diagnostics)
                if error.kind != .data { throw InputError(log.sorted, kind: error.kind) }
            }
        }
        try log.throwIfErrors()
        let place = SourceLocation(file: paths.first ?? "import dfe")
        let neighbours = model ?? stored.neighbours
        if let model, model.isEmpty || (!allowFewer && model.count < Self.floor(stored.neighbours.count)) {
            log.error(place, "the statistical neighbour model names \(model.count) authorities where \(stored.neighbours.count) are stored; to import a deliberate subset, give --allow-fewer")
        }
        // With a home authority, keep England, its region, it and its neighbours.
        var kept = observations
        if let home {
            guard let group = neighbours.first(where: { $0.dfeCode == home }) else {
                throw InputError(SourceLocation(file: "--home"), neighbours.isEmpty
                    ? "no statistical neighbour model is stored or given, so the home authority's neighbours are unknown: give sn_model_*.csv too"
                    : "authority \(home) is not in the statistical neighbour model")
            }
            let keep = Set([home] + group.neighbours)
            kept = observations.filter { o in
                switch o.level {
                case .national: return true
                case .regional: return o.name == group.region
                case .localAuthority: return o.dfeCode.map(keep.contains) ?? false
                }
            }
        }
        let replaced = Set(holder.keys)
        for id in replaced.sorted() {
            let before = Set(stored.observations.filter { $0.indicator == id }.map(\.code))
            let after = Set(kept.filter { $0.indicator == id }.map(\.code))
            if after.isEmpty {
                log.error(SourceLocation(file: holder[id]!), "the file holds no figures for \(id) (for the places kept); \(before.count) places are stored")
            } else if !allowFewer && after.count < Self.floor(before.count) {
                log.error(SourceLocation(file: holder[id]!), "\(id) has figures for \(after.count) places where \(before.count) are stored; to import a deliberate subset, give --allow-fewer")
            }
        }
        try log.throwIfErrors()
        warnings = notes.diagnostics
        let merged = stored.observations.filter { !replaced.contains($0.indicator) } + kept
        // The directory: every authority in the model, with its current ONS code (the newest
        // period's) and any former ones, joined to the indicators by DfE code.
        var directory = stored.directory
        if let model {
            directory = Self.directory(model: model, observations: merged, stored: stored.directory)
            summary.append(Self.describeModel(before: stored.neighbours, after: model))
        }
        summary += Self.unjoined(directory: directory, observations: kept, everyAuthority: home == nil)
        store = OfficialDataStore(outcomes: [], observations: merged, neighbourGroups: neighbours, directory: directory)
        for id in replaced.sorted() {
            summary.append(Self.describe(id, before: stored.observations.filter { $0.indicator == id }, after: kept.filter { $0.indicator == id }))
        }
    }

    /// Each authority of the model with the ONS code of its newest figures, earlier codes as
    /// aliases and a note saying when each was used.
    static func directory(model: [NeighbourGroup], observations: [Observation], stored: [AuthorityEntry]) -> [AuthorityEntry] {
        var spans: [Int: [String: (first: String, last: String)]] = [:]
        for o in observations where o.level == .localAuthority {
            guard let d = o.dfeCode else { continue }
            let s = spans[d]?[o.code]
            spans[d, default: [:]][o.code] = (min(s?.first ?? o.period, o.period), max(s?.last ?? o.period, o.period))
        }
        let old = Dictionary(stored.map { ($0.dfeCode, $0) }) { a, _ in a }
        return model.map { g in
            guard let codes = spans[g.dfeCode], !codes.isEmpty else {
                return AuthorityEntry(dfeCode: g.dfeCode, onsCode: old[g.dfeCode]?.onsCode, name: g.name, region: g.region)
            }
            let ordered = codes.sorted { ($0.value.last, $0.key) < ($1.value.last, $1.key) }
            let current = ordered.last!
            let former = ordered.dropLast()
            let note = former.isEmpty ? nil : "DfE files use " + (former.map { "\($0.key) for \($0.value.first)\u{2013}\($0.value.last)" } +
                ["\(current.key) for \(current.value.first) onwards"]).joined(separator: " and ")
            return AuthorityEntry(dfeCode: g.dfeCode, onsCode: current.key, name: g.name, region: g.region,
                                  formerCodes: former.map(\.key), note: note)
        }
    }

    /// The authorities in the indicator files that cannot be joined to the directory by DfE code,
    /// and the directory's authorities the files give no figures for, by name and code.
    static func unjoined(directory: [AuthorityEntry], observations: [Observation], everyAuthority: Bool) -> [String] {
        guard !directory.isEmpty, !observations.isEmpty else { return [] }
        let known = Set(directory.map(\.dfeCode))
        var places: [Int: (name: String, code: String, last: String)] = [:]
        for o in observations where o.level == .localAuthority {
            guard let d = o.dfeCode else { continue }
            if let p = places[d], p.last >= o.period { continue }
            places[d] = (o.name, o.code, o.period)
        }
        var out: [String] = []
        for (d, p) in places.sorted(by: { $0.key < $1.key }) where !known.contains(d) {
            out.append("not joined: \(p.name) (DfE \(d), ONS \(p.code)) has figures to \(p.last) but is not in the neighbour model's directory (a former authority?); its figures are kept, unused")
        }
        for e in directory.sorted(by: { $0.dfeCode < $1.dfeCode }) where everyAuthority && places[e.dfeCode] == nil {
            out.append("not joined: \(e.name) (DfE \(e.dfeCode), ONS \(e.onsCode ?? "none")) has no figures in the files given")
        }
        return out
    }

    @_optimize(none) static func describe(_ id: String, before: [Observation], after: [Observation]) -> String {
        let oldPeriods = Set(before.map(\.period)), newPeriods = Set(after.map(\.period))
        let added = newPeriods.subtracting(oldPeriods).sorted()
        let old = Dictionary(before.map { ("\($0.period)|\($0.code)", $0.value) }) { a, _ in a }
        let changed = after.filter { o in old["\(o.period)|\(o.code)"].map { $0 != o.value } ?? false }.count
        let span = newPeriods.sorted()
        return "\(id): \(Set(after.map(\.code)).count) places, \(span.first ?? "")–\(span.last ?? ""); periods added: \(added.isEmpty ? "none" : added.joined(separator: ", ")); \(changed) figures changed"
    }

    @_optimize(none) static func describeModel(before: [NeighbourGroup], after: [NeighbourGroup]) -> String {
        let old = Dictionary(before.map { ($0.dfeCode, $0) }) { a, _ in a }
        let added = after.filter { old[$0.dfeCode] == nil }.count
        let changed = after.filter { g in old[g.dfeCode].map { $0 != g } ?? false }.count
        let removed = Set(before.map(\.dfeCode)).subtracting(after.map(\.dfeCode)).count
        return "statistical neighbours: \(after.count) authorities (\(added) added, \(changed) changed, \(removed) removed)"
    }
}
