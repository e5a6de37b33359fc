import Diagnostics
import Foundation
import Synchronization
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
    /// Build a pack's chart pages on every core at once (`PageBuilder.buildApart`): for a run of
    /// one pack, whose second core is otherwise idle while they are laid out. Packs built side by
    /// side already keep the cores busy, and their text engines would only trade layouts.
    public var buildChartsApart = false

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
        /// The newest source any page used: the cover's, every footer's and the workbook's "data as at".
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
    public func compose(pack: PackDefinition) throws -> ComposedPack { try compose(load(pack: pack)) }

    /// A pack for any authority from the official data (`briefing build --authority`):
    /// the default authority pack, or `template`'s pages under `<slug>-<template id>`.
    public func compose(authority query: String, template: PackDefinition? = nil) throws -> ComposedPack {
        try compose(load(authority: query, template: template))
    }

    /// The comparison pack for a set of authorities: their grid and key indicators side by side.
    public func compose(group queries: [String], id: String) throws -> ComposedPack { try compose(load(group: queries, id: id)) }

    /// aggregate → lay out, for a pack whose files the load step has read.
    public func compose(_ loaded: LoadedPack) throws -> ComposedPack {
        let pack = loaded.pack, record = loaded.record, official = loaded.official, style = loaded.style
        // Each thread owns its own Pango handles, so packs can be built in parallel.
        let engine = try TextEngine.forCurrentThread()
        engine.begin(pack: "\(workspace.out)/\(pack.id)")
        let renderer = DocumentRenderer(style: style, engine: engine, clock: clock)
        var builder = PageBuilder(pack: pack, record: record, official: official,
                                  entry: official?.store.entry(dfeCode: record.authority.dfeCode),
                                  style: style, engine: engine, width: renderer.contentWidth, maxHeight: renderer.figureSpace)
        builder.questionRules = loaded.questionRules
        // Data tables and sources describe the charts, so they are built after every other page,
        // then put back where the definition placed them.
        // Some pages describe the others (`PageKind.builtLast`), so they are built after them.
        var pages = [[Block]](repeating: [], count: pack.pages.count)
        try timed("aggregate and lay out charts") {
            // Chart pages built apart on both cores when this is the run's only pack, then joined
            // in page order; the other pages are built in that order between them.
            let apart = buildChartsApart ? builder.buildApart(pack.pages, pack: "\(workspace.out)/\(pack.id)") : [:]
            for (i, page) in pack.pages.enumerated() where !page.kind.builtLast {
                if let built = apart[i] {
                    let (blocks, copy) = try built.get()
                    pages[i] = blocks
                    builder.join(copy)
                } else {
                    pages[i] = try builder.blocks(for: page)
                }
            }
            for (i, page) in pack.pages.enumerated() where page.kind.builtLast && page.kind != .cover { pages[i] = try builder.blocks(for: page) }
            // The cover last of all: its "data as at" is the footer's, the newest source any page used.
            for (i, page) in pack.pages.enumerated() where page.kind == .cover { pages[i] = try builder.blocks(for: page) }
        }
        let ordered = pages.flatMap { $0 }
        let asAt = builder.asAt
        let document = Document(
            metadata: DocumentMetadata(title: pack.title, author: record.authority.council,
                                       subject: "\(pack.title) for the \(pack.audience); data as at \(asAt.longDisplay)",
                                       creator: "briefing \(BriefingVersion.string)",
                                       keywords: "Ofsted, ILACS, children's services, " + (pack.comparing.isEmpty ? record.authority.name : pack.comparing.joined(separator: ", ")),
                                       createDate: creationDate(record, asAt: asAt)),
            headerTitle: pack.title, marking: pack.marking,
            footerLeft: "\(record.authority.council) \u{00B7} data as at \(asAt.display)",
            blocks: ordered)
        return ComposedPack(pack: pack, style: style, record: record, document: document, figures: builder.figures, renderer: renderer, asAt: asAt)
    }

    /// draw: the PDF and the HTML page, and each figure as PNG, SVG, CSV table and alt text, then
    /// the workbook: those of `formats`. The PDF, HTML and images are drawn in parallel, each task
    /// with its own Cairo surface and Pango context; the files come back in a fixed order, so
    /// parallel output is byte-identical to serial.
    public func draw(_ composed: ComposedPack) throws -> [OutputFile] {
        let pack = composed.pack, style = composed.style, document = composed.document, formats = self.formats
        enum Task: Sendable { case pdf(String), html(String), png(Figure, String), svg(Figure, String), csv(Figure, String), xlsx(String) }
        /// An output in its place in the list: drawn by a task, or already made (the alt text).
        enum Slot { case task(Int), ready(OutputFile) }
        var tasks: [Task] = [], slots: [Slot] = []
        func add(_ t: Task) { slots.append(.task(tasks.count)); tasks.append(t) }
        if formats.contains(.pdf) { add(.pdf("\(workspace.out)/\(pack.id).pdf")) }
        if formats.contains(.html) { add(.html("\(workspace.out)/\(pack.id).html")) }
        for f in composed.figures {
            let base = "\(workspace.out)/\(pack.id)-\(f.id)"
            if formats.contains(.png) { add(.png(f, "\(base).png")) }
            if formats.contains(.svg) { add(.svg(f, "\(base).svg")) }
            // The tables are tasks too: written one after another before any drawing began, they
            // held it back by some 9 ms on the scrutiny pack.
            if formats.contains(.csv) { add(.csv(f, "\(base).csv")) }
            if formats.contains(.txt) { slots.append(.ready(OutputFile(path: "\(base).txt", data: Data((f.altText + "\n").utf8)))) }
        }
        // The workbook last in the list, but drawn alongside the rest.
        if formats.contains(.xlsx) { add(.xlsx("\(workspace.out)/\(pack.id).xlsx")) }
        /// Each task's file, or the first error any task met.
        final class Results: Sendable {
            let state: Mutex<(files: [OutputFile?], error: (any Error & Sendable)?)>
            init(_ n: Int) { state = Mutex((Array(repeating: nil, count: n), nil)) }
        }
        let results = Results(tasks.count)
        let figures = composed.figures, asOf = composed.asAt.longDisplay, clock = self.clock
        @Sendable func workbook() throws -> Data {
            let created = ISO8601DateFormatter().date(from: document.metadata.createDate).map { Int($0.timeIntervalSince1970) } ?? 0
            let make = { try PackWorkbook.make(pack: pack, metadata: document.metadata, figures: figures, asOf: asOf, created: created) }
            return try clock.map { try $0.time("write workbook", make) } ?? make()
        }
        // A constant copy: the concurrent closure may not capture a variable.
        let work = tasks
        let dpi = self.dpi
        DispatchQueue.concurrentPerform(iterations: tasks.count) { i in
            do {
                // Whichever thread runs a task draws with that thread's own engine.
                let engine = try TextEngine.forCurrentThread()
                engine.begin(pack: "\(workspace.out)/\(pack.id)")
                let renderer = DocumentRenderer(style: style, engine: engine, clock: clock)
                let file: OutputFile
                switch work[i] {
                case let .pdf(path): file = OutputFile(path: path, data: try renderer.pdf(document))
                case let .html(path): file = OutputFile(path: path, data: renderer.html(document))
                case let .png(f, path): file = OutputFile(path: path, data: try renderer.png(f, dpi: dpi))
                case let .svg(f, path): file = OutputFile(path: path, data: try renderer.svg(f))
                case let .csv(f, path): file = OutputFile(path: path, data: TidyTable(f.table, shape: TidyTable.shapes[f.id]).csv)
                case let .xlsx(path): file = OutputFile(path: path, data: try workbook())
                }
                results.state.withLock { $0.files[i] = file }
            } catch {
                results.state.withLock { $0.error = $0.error ?? error }
            }
        }
        let (files, failure) = results.state.withLock { ($0.files, $0.error) }
        if let failure { throw failure }
        // PDF, HTML, then per figure: PNG, SVG, CSV, alt text; then the workbook.
        return slots.map { slot -> OutputFile in
            switch slot {
            case let .task(i): return files[i]!
            case let .ready(file): return file
            }
        }
    }

    /// `SOURCE_DATE_EPOCH` as ISO 8601 when set, else midnight UTC of the newest date in the data:
    /// the record's newest fact or the newest source used, whichever is later (a comparison pack
    /// has no record of its own, and once claimed to be made in 2000).
    func creationDate(_ record: AuthorityRecord, asAt: PartialDate) -> String {
        if let epoch = sourceDateEpoch {
            let f = ISO8601DateFormatter()
            f.timeZone = TimeZone(identifier: "UTC")
            f.formatOptions = [.withInternetDateTime]
            return f.string(from: Date(timeIntervalSince1970: TimeInterval(epoch)))
        }
        return "\(max(record.newestDate, asAt.earliest).iso)T00:00:00Z"
    }
}
