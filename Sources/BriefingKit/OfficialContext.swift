import Diagnostics
import Foundation
import Judgements
import OfficialData
import Rendering

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

    public static func load(_ workspace: Workspace) throws(InputError) -> OfficialContext {
        let store = try OfficialDataStore.load(folder: workspace.dataFolder)
        let indicators = try IndicatorCatalogue.load(path: workspace.indicatorsPath)
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
        // Every hand-written record may hold an inspection newer than the official file's.
        let frameworks = try FrameworkLoader.load(path: workspace.frameworksPath)
        var records: [AuthorityRecord] = []
        // A broken record fails its own packs with located errors; it must not take down every other pack.
        for path in workspace.recordPaths() { if let r = try? RecordLoader.load(path: path, frameworksPath: workspace.frameworksPath) { records.append(r) } }
        let outcomes = sources["ofsted-outcomes"]!
        return OfficialContext(store: store, indicators: indicators, outcomesSource: outcomes, neighbourSource: sources["dfe-sn-model"]!,
                               judgements: JudgementIndex(store: store, eras: frameworks.eras, records: records, outcomesSource: outcomes))
    }

    /// The authority and its neighbours, each by its newest known inspection.
    func neighbourJudgements(_ entry: AuthorityEntry) -> [(entry: AuthorityEntry, judgements: KnownJudgements?)] {
        ([entry] + store.neighbours(of: entry)).map { ($0, judgements.latest($0)) }
    }

    /// The sources behind a set of judgements: the outcomes file and any report a record adds.
    func sources(of shown: [KnownJudgements]) -> [Source] {
        var out = [outcomesSource]
        for k in shown where !out.contains(where: { $0.samePublication(k.source) }) { out.append(k.source) }
        return out + [neighbourSource]
    }

    /// The key-indicator table, whole (for the files) and in page-sized pieces (for the PDF).
    func indicatorFigures(_ entry: AuthorityEntry, asAt: String, style: Style, engine: TextEngine, width: Double, maxHeight: Double) -> (Figure, [Figure]) {
        let rows = store.comparisons(for: entry, indicators: indicators).map { c -> IndicatorTable.Row in
            let better = c.indicator.better == .neither ? "" : " \u{00B7} \(c.indicator.better.rawValue) is better"
            let average = c.neighbourAverage.map { "\(Self.format($0, unit: c.indicator.unit)) (\(c.neighboursWithValue) of \(c.neighbourCount))" }
                ?? "no neighbour figures"
            return IndicatorTable.Row(title: c.indicator.title, detail: "\(c.period), \(c.indicator.period)\(better)",
                                      values: [Self.format(c.authority, unit: c.indicator.unit),
                                               c.england.map { Self.format($0, unit: c.indicator.unit) } ?? "not published",
                                               c.region.map { Self.format($0, unit: c.indicator.unit) } ?? "not published",
                                               average])
        }
        let sources = indicatorSources.map(\.citation).joined(separator: "; ")
        let note = "Neighbours\u{2019} average: the mean of the DfE statistical neighbours with a published figure (how many, of how many, in brackets). Suppressed or unpublished figures are shown with their reason and left out of averages."
        return (IndicatorTable.figure(subject: entry.name, region: entry.region, rows: rows, sourceLine: "Source: \(sources).", note: note,
                                      asAt: asAt, style: style, text: engine, width: width),
                IndicatorTable.pieces(subject: entry.name, region: entry.region, rows: rows, sourceLine: "Source: \(sources).", note: note,
                                      asAt: asAt, style: style, text: engine, width: width, maxHeight: maxHeight))
    }

    static func format(_ v: IndicatorValue, unit: String) -> String {
        switch v {
        case let .value(x): return format(x, unit: unit)
        case let .missing(r): return "\(r.meaning) (\(r.rawValue.isEmpty ? "blank" : r.rawValue))"
        }
    }

    /// Fixed, locale-free formatting (so output never depends on the machine): thousands
    /// separated by commas; counts whole, everything else to one decimal place.
    static func format(_ x: Double, unit: String) -> String {
        let digits = unit == "count" ? 0 : 1
        let text = String(format: "%.\(digits)f", x)
        let parts = text.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        let negative = whole.hasPrefix("-")
        if negative { whole.removeFirst() }
        var grouped = ""
        for (i, ch) in whole.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { grouped.append(",") }
            grouped.append(ch)
        }
        var s = (negative ? "-" : "") + String(grouped.reversed())
        if parts.count > 1 { s += "." + parts[1] }
        return unit == "percent" ? s + "%" : s
    }
}
