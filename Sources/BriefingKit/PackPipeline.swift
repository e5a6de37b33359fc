import Diagnostics
import Foundation
import Judgements
import OfficialData
import Rendering

/// One output file of a pack, in memory until it is written.
public struct OutputFile: Sendable {
    public var path: String
    public var data: Data
}

/// The steps from a pack definition to its files, named so a failure says where it happened:
/// load → validate → aggregate → lay out → draw. Writing is the caller's last step.
public struct PackPipeline: Sendable {
    public var workspace: Workspace
    public var dpi: Double
    /// From `SOURCE_DATE_EPOCH` when set; otherwise the pack's "data as at" date is used.
    public var sourceDateEpoch: Int?
    public var styleOverride: String?
    /// The official data, loaded once per run and shared by every pack (nil: loaded when needed).
    public var official: OfficialContext?
    /// Where the time goes, for `make bench`.
    public var clock: PhaseClock?
    /// `--meeting` and `--since`, over the pack definition's own.
    public var meetingOverride: PartialDate?
    public var sinceOverride: PartialDate?
    /// Which files `draw` makes (default: every kind).
    public var formats: Set<OutputFormat>

    public init(workspace: Workspace, dpi: Double = 150, sourceDateEpoch: Int? = nil, styleOverride: String? = nil,
                official: OfficialContext? = nil, clock: PhaseClock? = nil, formats: Set<OutputFormat> = Set(OutputFormat.allCases)) {
        self.workspace = workspace; self.dpi = dpi; self.sourceDateEpoch = sourceDateEpoch; self.styleOverride = styleOverride
        self.official = official; self.clock = clock; self.formats = formats
    }

    func timed<T>(_ phase: String, _ body: () throws -> T) rethrows -> T {
        if let clock { return try clock.time(phase, body) }
        return try body()
    }

    func officialContext() throws -> OfficialContext {
        if let official { return official }
        return try OfficialContext.load(workspace)
    }

    /// A pack laid out but not yet drawn: what tests inspect and what `draw` turns into files.
    public struct ComposedPack {
        public var pack: PackDefinition
        public var style: Style
        public var record: AuthorityRecord
        public var document: Document
        public var figures: [Figure]
        public var renderer: DocumentRenderer
        /// The newest source the pack uses: its "data as at", workbook date and creation date.
        public var asAt: PartialDate
    }

    public func run(packID: String) throws -> [OutputFile] {
        try draw(compose(packID: packID))
    }

    /// load → aggregate → lay out, for a pack defined in `Reports/packs`.
    public func compose(packID: String) throws -> ComposedPack {
        try compose(pack: PackDefinition.load(path: workspace.packPath(packID)))
    }

    /// load → aggregate → lay out, for a pack definition already read.
    public func compose(pack: PackDefinition) throws -> ComposedPack {
        let (record, official) = try timed("load") { () throws -> (AuthorityRecord, OfficialContext?) in
            guard let recordPath = pack.recordPath else {
                throw InputError(SourceLocation(file: pack.definitionPath), "the pack names no authority record")
            }
            let record = try RecordLoader.load(path: workspace.recordPath(recordPath), frameworksPath: workspace.frameworksPath)
            let official = pack.needsOfficialData ? try officialContext() : nil
            return (record, official)
        }
        return try compose(pack, record: record, official: official)
    }

    /// A pack for any authority from the official data alone (`briefing build --authority`):
    /// the default authority pack, or `template`'s pages under `<slug>-<template id>`.
    public func compose(authority query: String, template: PackDefinition? = nil) throws -> ComposedPack {
        let (pack, record, official) = try timed("load") { () throws -> (PackDefinition, AuthorityRecord, OfficialContext) in
            let official = try officialContext()
            let entry = try official.store.authority(query)
            let frameworks = try FrameworkLoader.load(path: workspace.frameworksPath)
            // An authority with a hand-written record (Liverpool) is drawn from it, not from the official file alone.
            let record = official.judgements.records[entry.dfeCode]
                ?? OfficialRecord.make(for: entry, store: official.store, frameworks: frameworks, outcomesSource: official.outcomesSource)
            return (PackDefinition.forAuthority(entry.name, template: template, query: query), record, official)
        }
        return try compose(pack, record: record, official: official)
    }

    /// The comparison pack for a set of authorities: their grid and key indicators side by side.
    public func compose(group queries: [String], id: String) throws -> ComposedPack {
        let official = try officialContext()
        var group: [AuthorityEntry] = []
        for q in queries { let e = try official.store.authority(q); if !group.contains(e) { group.append(e) } }
        let frameworks = try FrameworkLoader.load(path: workspace.frameworksPath)
        let cite = Citation(sourceID: official.outcomesSource.id, locator: nil)
        let authority = Authority(name: "\(group.count) authorities", council: "Comparison of \(group.count) authorities", dfeCode: 0, onsCode: "",
                                  ofstedRegion: Array(Set(group.map(\.region))).sorted().joined(separator: ", "), ofstedURN: nil,
                                  statisticalNeighbours: [], source: cite)
        let record = AuthorityRecord(authority: authority, sources: [official.outcomesSource], events: [], eras: frameworks.eras)
        return try compose(PackDefinition.comparison(of: group, id: id), record: record, official: official)
    }

    func compose(_ pack: PackDefinition, record: AuthorityRecord, official: OfficialContext?) throws -> ComposedPack {
        var pack = pack
        if let meetingOverride { pack.frontSheet.meeting = meetingOverride }
        if let sinceOverride { pack.since = sinceOverride }
        let style = try StyleLoader.load(path: workspace.stylePath(styleOverride ?? pack.style))
        // Each thread owns its own Pango handles, so packs can be built in parallel.
        let engine = try TextEngine.forCurrentThread()
        let renderer = DocumentRenderer(style: style, engine: engine, clock: clock)
        var builder = PageBuilder(pack: pack, record: record, official: official,
                                  entry: official?.store.entry(dfeCode: record.authority.dfeCode),
                                  style: style, engine: engine, width: renderer.contentWidth, maxHeight: renderer.figureSpace)
        if pack.pages.contains(where: { $0.kind == .questions }) { builder.questionRules = try QuestionRule.load(path: workspace.questionsPath) }
        // Data tables and sources describe the charts, so they are built after every other page,
        // then put back where the definition placed them.
        // Some pages describe the others (`PageKind.builtLast`), so they are built after them.
        var pages = [[Block]](repeating: [], count: pack.pages.count)
        try timed("aggregate and lay out charts") {
            for (i, page) in pack.pages.enumerated() where !page.kind.builtLast { pages[i] = try builder.blocks(for: page) }
            for (i, page) in pack.pages.enumerated() where page.kind.builtLast { pages[i] = try builder.blocks(for: page) }
        }
        let ordered = pages.flatMap { $0 }
        let asAt = builder.asAt
        let document = Document(
            metadata: DocumentMetadata(title: pack.title, author: record.authority.council,
                                       subject: "\(pack.title) for the \(pack.audience); data as at \(asAt.longDisplay)",
                                       creator: "briefing \(BriefingVersion.string)",
                                       keywords: "Ofsted, ILACS, children's services, \(record.authority.name)",
                                       createDate: creationDate(asAt)),
            headerTitle: pack.title, marking: pack.marking,
            footerLeft: "\(record.authority.council) \u{00B7} data as at \(asAt.display)",
            blocks: ordered)
        return ComposedPack(pack: pack, style: style, record: record, document: document, figures: builder.figures, renderer: renderer, asAt: asAt)
    }

    /// Every file a pack is built from, for its manifest: a defined `pack`, or an authority pack
    /// from the official data (optionally after `template`).
    public func inputs(pack: PackDefinition?, template: PackDefinition?, style: String) -> [String] {
        var paths = [workspace.frameworksPath] + StyleLoader.files(workspace.stylePath(style))
        var needsOfficial = true
        if let pack {
            paths.append(pack.definitionPath)
            if let r = pack.recordPath { paths.append(workspace.recordPath(r)) }
            needsOfficial = pack.needsOfficialData
        }
        if let template { paths.append(template.definitionPath) }
        if (pack ?? template)?.pages.contains(where: { $0.kind == .questions }) ?? false { paths.append(workspace.questionsPath) }
        if needsOfficial {
            paths += [workspace.indicatorsPath, workspace.dataSourcesPath] +
                [OfficialDataStore.outcomesFile, OfficialDataStore.indicatorsFile, OfficialDataStore.neighboursFile, OfficialDataStore.directoryFile]
                .map { "\(workspace.dataFolder)/\($0)" }
        }
        return paths.sorted()
    }

    /// draw: the PDF and the HTML page, and each figure as PNG, SVG, CSV table and alt text, then
    /// the workbook: those of `formats`. The PDF, HTML and images are drawn in parallel, each task
    /// with its own Cairo surface and Pango context; the files come back in a fixed order, so
    /// parallel output is byte-identical to serial.
    public func draw(_ composed: ComposedPack) throws -> [OutputFile] {
        let pack = composed.pack, style = composed.style, document = composed.document, formats = self.formats
        enum Task: Sendable { case pdf(String), html(String), png(Figure, String), svg(Figure, String) }
        /// An output in its place in the list: drawn by a task, or already made.
        enum Slot { case task(Int), ready(OutputFile) }
        var tasks: [Task] = [], slots: [Slot] = []
        func add(_ t: Task) { slots.append(.task(tasks.count)); tasks.append(t) }
        if formats.contains(.pdf) { add(.pdf("\(workspace.out)/\(pack.id).pdf")) }
        if formats.contains(.html) { add(.html("\(workspace.out)/\(pack.id).html")) }
        for f in composed.figures {
            let base = "\(workspace.out)/\(pack.id)-\(f.id)"
            if formats.contains(.png) { add(.png(f, "\(base).png")) }
            if formats.contains(.svg) { add(.svg(f, "\(base).svg")) }
            if formats.contains(.csv) { slots.append(.ready(OutputFile(path: "\(base).csv", data: TidyTable(f.table, shape: TidyTable.shapes[f.id]).csv))) }
            if formats.contains(.txt) { slots.append(.ready(OutputFile(path: "\(base).txt", data: Data((f.altText + "\n").utf8)))) }
        }
        final class Results: @unchecked Sendable {
            var files: [OutputFile?]
            var error: Error?
            let lock = NSLock()
            init(_ n: Int) { files = Array(repeating: nil, count: n) }
        }
        let results = Results(tasks.count)
        // A constant copy: the concurrent closure may not capture a variable.
        let work = tasks
        let dpi = self.dpi, clock = self.clock
        DispatchQueue.concurrentPerform(iterations: tasks.count) { i in
            do {
                // Whichever thread runs a task draws with that thread's own engine.
                let renderer = DocumentRenderer(style: style, engine: try TextEngine.forCurrentThread(), clock: clock)
                let file: OutputFile
                switch work[i] {
                case let .pdf(path): file = OutputFile(path: path, data: try renderer.pdf(document))
                case let .html(path): file = OutputFile(path: path, data: renderer.html(document))
                case let .png(f, path): file = OutputFile(path: path, data: try renderer.png(f, dpi: dpi))
                case let .svg(f, path): file = OutputFile(path: path, data: try renderer.svg(f))
                }
                results.lock.lock(); results.files[i] = file; results.lock.unlock()
            } catch {
                results.lock.lock(); results.error = error; results.lock.unlock()
            }
        }
        if let error = results.error { throw error }
        // PDF, HTML, then per figure: PNG, SVG, CSV, alt text; then the workbook.
        var ordered = slots.map { slot -> OutputFile in
            switch slot {
            case let .task(i): return results.files[i]!
            case let .ready(file): return file
            }
        }
        guard formats.contains(.xlsx) else { return ordered }
        let created = ISO8601DateFormatter().date(from: document.metadata.createDate).map { Int($0.timeIntervalSince1970) } ?? 0
        let workbook = try timed("write workbook") {
            try PackWorkbook.make(pack: pack, metadata: document.metadata, figures: composed.figures,
                                  asOf: composed.asAt.longDisplay, created: created)
        }
        ordered.append(OutputFile(path: "\(workspace.out)/\(pack.id).xlsx", data: workbook))
        return ordered
    }

    /// `SOURCE_DATE_EPOCH` as ISO 8601 when set, else midnight UTC of the pack's "data as at" (the
    /// first day of it, for a month or year): a pack is never dated before the data inside it, and
    /// the same data gives the same bytes.
    func creationDate(_ asAt: PartialDate) -> String {
        if let epoch = sourceDateEpoch {
            let f = ISO8601DateFormatter()
            f.timeZone = TimeZone(identifier: "UTC")
            f.formatOptions = [.withInternetDateTime]
            return f.string(from: Date(timeIntervalSince1970: TimeInterval(epoch)))
        }
        return "\(asAt.earliest.iso)T00:00:00Z"
    }
}
