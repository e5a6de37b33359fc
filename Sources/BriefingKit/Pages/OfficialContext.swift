import Diagnostics
import Foundation
import Judgements
import OfficialData
import Rendering
import YAMLFiles

extension Source {
    /// Sources compare by what a reader would look up, not by the id each file gives them.
    func samePublication(_ b: Source) -> Bool { publisher == b.publisher && title == b.title && date == b.date }
}

/// The compact official data and its sources, loaded once per run, and the figures drawn from it.
public struct OfficialContext: Sendable {
    public var store: OfficialDataStore
    public var indicators: [IndicatorDefinition]
    public var outcomesSource: Source
    public var neighbourSource: Source
    /// Each authority's newest known judgements, from the official file and every record.
    public var judgements: JudgementIndex

    public var indicatorSources: [Source] {
        var out: [Source] = []
        for i in indicators where !out.contains(where: { $0.id == i.source.id }) { out.append(i.source) }
        return out
    }

    /// Every record that loaded without error, by the path it was read from, checked against
    /// `indicators` as a pack's own load checks it: a pack on one of them need not read it again.
    public var records: [String: AuthorityRecord] = [:]

    /// Every file the load read (the indicator catalogue, the compact data, its sources, the
    /// frameworks, every record and the listing of their folder): inputs of every pack built on
    /// this context, since any record can feed a neighbours grid or the national picture.
    public var files: [String] = []

    public static func load(_ workspace: Workspace) throws(InputError) -> OfficialContext {
        var (context, files) = try ReadLog.recording { () throws(InputError) -> OfficialContext in try read(workspace) }
        context.files = files
        return context
    }

    static func read(_ workspace: Workspace) throws(InputError) -> OfficialContext {
        let indicators = try IndicatorCatalogue.load(path: workspace.indicatorsPath, yaml: .files)
        let ids = indicators.map(\.id)
        // The figures on one thread while the sources, frameworks and records are read on another.
        let (store, (sources, frameworks, records)) = try ReadLog.both({ () throws(InputError) in
            try OfficialDataStore.load(folder: workspace.dataFolder).withDerived(indicators)
        }, { () throws(InputError) in
            let sources = try readSources(workspace)
            // Every hand-written record may hold an inspection newer than the official file's.
            let frameworks = try FrameworkLoader.load(path: workspace.frameworksPath, yaml: .files)
            var records: [AuthorityRecord] = [], checked: [String: AuthorityRecord] = [:]
            // A broken record fails its own packs with located errors; it must not take down every
            // other pack. One that cites an unknown indicator still gives its judgements to others.
            for path in workspace.recordPaths() {
                if let r = try? RecordLoader.load(path: path, frameworksPath: workspace.frameworksPath, indicators: ids, yaml: .files) {
                    records.append(r); checked[path] = r
                } else if let r = try? RecordLoader.load(path: path, frameworksPath: workspace.frameworksPath, yaml: .files) {
                    records.append(r)
                }
            }
            return (sources, frameworks, (records, checked))
        })
        let outcomes = sources["ofsted-outcomes"]!
        var context = OfficialContext(store: store, indicators: indicators, outcomesSource: outcomes, neighbourSource: sources["dfe-sn-model"]!,
                                      judgements: JudgementIndex(store: store, eras: frameworks.eras, records: records.0, outcomesSource: outcomes))
        context.records = records.1
        return context
    }

    /// The publications of `Reports/data/sources.yaml` by id; the outcomes file's and the
    /// neighbour model's must be there.
    static func readSources(_ workspace: Workspace) throws(InputError) -> [String: Source] {
        let doc = try YAMLDocument.load(path: workspace.dataSourcesPath)
        let log = DiagnosticLog()
        var sources: [String: Source] = [:]
        if let root = doc.root.requireMapping(log, as: "the data sources file") {
            for item in root.list("sources", log, in: "the data sources file", required: true) {
                if let s = Source.read(item, log) { sources[s.id] = s }
            }
            for id in ["ofsted-outcomes", "dfe-sn-model"] where sources[id] == nil {
                log.error(root.location, "the data sources file has no \"\(id)\" source")
            }
        }
        try log.throwIfErrors()
        return sources
    }

    /// The authority and its neighbours, each by its newest known inspection.
    func neighbourJudgements(_ entry: AuthorityEntry) -> [(entry: AuthorityEntry, judgements: KnownJudgements?)] {
        ([entry] + store.neighbours(of: entry)).map { ($0, judgements.latest($0)) }
    }

    /// The sources behind a set of judgements: the outcomes file, any report a record adds and,
    /// when the set is an authority's statistical neighbours, the model that names them.
    func sources(of shown: [KnownJudgements], neighbours: Bool = true) -> [Source] {
        var out = [outcomesSource]
        for k in shown where !out.contains(where: { $0.samePublication(k.source) }) { out.append(k.source) }
        return out + (neighbours ? [neighbourSource] : [])
    }

    /// The publications an indicator's figures come from: its own file's and, for a rate
    /// computed here, those of the two figures it is computed from (referrals per 10,000 children
    /// rests on the population estimate of the children looked after file too); with the model
    /// that names the neighbours when their average is drawn beside it.
    func sources(of indicator: IndicatorDefinition, neighbours: Bool) -> [Source] {
        let parts = [indicator.numerator, indicator.denominator].compactMap { id in indicators.first { $0.id == id } }
        return ordered([indicator.source] + parts.map(\.source) + (neighbours ? [neighbourSource] : []))
    }

    /// `sources` each once, in the order the indicator catalogue names them, the neighbour model last.
    func ordered(_ sources: [Source]) -> [Source] {
        (indicatorSources + [neighbourSource]).filter { s in sources.contains { $0.samePublication(s) } }
    }

    /// The key-indicator table, whole (for the files) and in page-sized pieces (for the PDF).
    /// Places are compared by rates and percentages only, each beside England and the neighbours
    /// in words and a symbol, judged by the indicator's better direction.
    func indicatorTable(_ entry: AuthorityEntry, asAt: String) -> IndicatorTable {
        let comparisons = store.comparisons(for: entry, indicators: indicators)
        let rows = comparisons.map { c -> IndicatorTable.Row in
            let d = c.indicator
            let better = c.indicator.better == .neither ? "" : " \u{00B7} \(c.indicator.better.rawValue) is better"
            let average = c.neighbourAverage.map { "\(Self.format($0, d)) (\(c.neighboursWithValue) of \(c.neighbourCount))" }
                ?? "no neighbour figures (0 of \(c.neighbourCount))"
            // "None recorded" (a share of 0 out of many) is shown as published and not compared.
            let uncompared = c.noneRecorded == nil ? "no comparison" : Self.notCompared
            let withEngland = Comparison(c.comparable, c.england?.number, c.indicator)?.words ?? uncompared
            let withNeighbours = Comparison(c.comparable, c.neighbourAverage, c.indicator)?.words ?? uncompared
            // A figure resting on few children or social workers is marked in its cell and said in words under its title.
            let few = c.authority.number == nil ? nil : store.few(c.indicator, of: entry, period: c.period, indicators: indicators)
            let basis = few.map { " \u{00B7} few: \($0.onlyNumber)" } ?? c.noneRecorded.map { " \u{00B7} \($0.words)" + ($0.history.map { "; \($0)" } ?? "") } ?? ""
            // A latest figure that broke from the year before says so under its title; the note says how far.
            let broke = latestBreak(c.indicator, entry, period: c.period).map { " \u{00B7} a break: \(Self.format($0.from, d)) in \($0.fromPeriod)" } ?? ""
            return IndicatorTable.Row(title: c.indicator.title, detail: "\(c.period), \(c.indicator.period)\(better)" + basis + broke,
                                      values: [Self.format(c.authority, d) + Self.mark(few: few, none: c.noneRecorded),
                                               c.england.map { Self.format($0, d) } ?? "not published",
                                               withEngland,
                                               c.region.map { Self.format($0, d) } ?? "not published",
                                               average, withNeighbours], id: d.id)
        }
        let sources = indicatorSources.map(\.citation).joined(separator: "; ")
        var note = "Rates per 10,000 children and percentages, so places of different size compare fairly; counts appear only in \(entry.name)\u{2019}s own trend. \u{25B2} higher, \u{25BC} lower, \u{2248} similar (within 5%, or no further apart than the figures\u{2019} rounding); \u{201C}worse\u{201D} or \u{201C}better\u{201D} where one direction is better. Neighbours\u{2019} average: the mean of the DfE statistical neighbours with a published figure (how many, of how many, in brackets). Suppressed or unpublished figures are shown with their reason and left out of averages."
        if rows.contains(where: { $0.values.first?.hasSuffix(Self.fewMark) == true }) { note += " " + Self.fewKey }
        if rows.contains(where: { $0.values.first?.hasSuffix(Self.noneMark) == true }) { note += " " + Self.noneKey }
        let missing = comparisons.compactMap { c in c.missingText.map { "\(c.indicator.title): \($0)" } }
        if !missing.isEmpty { note += " Neighbours without a figure \u{2014} " + missing.joined(separator: "; ") + "." }
        return IndicatorTable(subject: entry.name, region: entry.region, rows: rows, sourceLine: "Source: \(sources).", note: note, asAt: asAt)
    }

    /// What the rows marked "a break: 17.3% in 2024" mean, said once after the table (each page of
    /// the table repeats its own key, which leaves no room for it in large print).
    @_optimize(none) func breaksNote(_ entry: AuthorityEntry) -> String? {
        let said = store.comparisons(for: entry, indicators: indicators).compactMap { c in
            latestBreak(c.indicator, entry, period: c.period).map { Self.breakWords($0, c.indicator, place: entry.name) }
        }
        return said.isEmpty ? nil : "A break (a change of more than half in a year) comes before the latest figure of \(said.count == 1 ? "one indicator" : "\(said.count) indicators") \u{2014} " + said.joined(separator: " ")
    }

    /// The neighbours' published zeros, said once after the table: they are real figures (DfE
    /// codes a suppressed one, which is left out), so the average keeps them, and the reader is
    /// told which they are and, for a share, that nothing was recorded out of how many.
    @_optimize(none) func zerosNote(_ entry: AuthorityEntry) -> String? {
        let said = store.comparisons(for: entry, indicators: indicators).filter { !$0.zeroNeighbours.isEmpty }.map { c in
            "\(c.indicator.title), \(c.period): " + c.zeroNeighbours.map { n in
                n.name + (store.noneRecorded(c.indicator, of: n, period: c.period, indicators: indicators).map { " (\($0.words))" } ?? "")
            }.joined(separator: ", ")
        }
        return said.isEmpty ? nil : "Zeros in the neighbours\u{2019} averages are DfE\u{2019}s published figures, not missing ones, and are counted as published \u{2014} " + said.joined(separator: "; ") + "."
    }

    /// The break into `period` from the year before, if the authority's series has one there.
    func latestBreak(_ d: IndicatorDefinition, _ entry: AuthorityEntry, period: String) -> SeriesBreak? {
        store.breaks(d, of: entry, indicators: indicators).last { $0.toPeriod == period }
    }

    /// "Referrals: Liverpool's figure changed from 4,158 to 8,050 between 2023 and 2024; the source
    /// gives no reason; compare years either side with care."
    static func breakWords(_ b: SeriesBreak, _ d: IndicatorDefinition, place: String) -> String {
        // A rate computed here from a count and a population is not the source's figure: its
        // change may come from either, and no source was asked for a reason.
        let why = d.isDerived ? "computed from DfE\u{2019}s counts and population estimates, which give no reason" : "the source gives no reason"
        return "\(d.title): \(place)\u{2019}s figure changed from \(format(b.from, d)) to \(format(b.to, d)) between \(b.fromPeriod) and \(b.toPeriod); \(why); compare years either side with care."
    }

    /// The mark of a figure resting on few children or social workers, in words (a note in
    /// brackets, which the tidy CSV keeps beside the number), and its key.
    static let fewMark = "(few)"
    static let fewKey = "\u{201C}(few)\u{201D}: based on fewer than \(Int(SmallNumbers.threshold)) children or social workers (how many is given under the indicator); a record, a change or a gap may be chance, so read with care."

    /// The mark of a share of 0 out of many, its key, and the words in place of a comparison.
    static let noneMark = "(none recorded)"
    static let noneKey = "\u{201C}(none recorded)\u{201D}: the count is 0 out of so many that, at England\u{2019}s share, \(Int(SmallNumbers.threshold)) or more would be expected; shown as published but not compared, since a zero after years with a figure may reflect recording rather than practice."
    static let notCompared = "not compared (none recorded)"

    /// " (few)", " (none recorded)" or nothing, after a figure.
    static func mark(few: FewCount?, none: NoneRecorded?) -> String {
        few != nil ? " \(fewMark)" : none != nil ? " \(noneMark)" : ""
    }

    static func format(_ v: IndicatorValue, unit: String, places: Int? = nil) -> String {
        switch v {
        case let .value(x): return format(x, unit: unit, places: places)
        case let .missing(r): return "\(r.meaning) (\(r.rawValue.isEmpty ? "blank" : r.rawValue))"
        }
    }

    /// A figure of `d` at its source's precision ("145", as DfE publishes the rate, not "145.0").
    static func format(_ v: IndicatorValue, _ d: IndicatorDefinition) -> String { format(v, unit: d.unit, places: d.places) }
    static func format(_ x: Double, _ d: IndicatorDefinition) -> String { format(x, unit: d.unit, places: d.places) }

    /// Numbers as British readers expect them (`DecimalText`): `places` decimals (default: counts
    /// whole, everything else to one place), a per cent sign after a percentage.
    static func format(_ x: Double, unit: String, places: Int? = nil) -> String {
        let s = DecimalText.format(x, places: places ?? (unit == "count" ? 0 : 1))
        return unit == "percent" ? s + "%" : s
    }
}
