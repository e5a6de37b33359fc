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
public struct PackPipeline {
    public var workspace: Workspace
    public var dpi: Double
    /// From `SOURCE_DATE_EPOCH` when set; otherwise the newest date in the data is used.
    public var sourceDateEpoch: Int?
    public var styleOverride: String?

    public init(workspace: Workspace, dpi: Double = 150, sourceDateEpoch: Int? = nil, styleOverride: String? = nil) {
        self.workspace = workspace; self.dpi = dpi; self.sourceDateEpoch = sourceDateEpoch; self.styleOverride = styleOverride
    }

    /// A pack laid out but not yet drawn: what tests inspect and what `draw` turns into files.
    public struct ComposedPack {
        public var pack: PackDefinition
        public var style: Style
        public var record: AuthorityRecord
        public var document: Document
        public var figures: [Figure]
        public var renderer: DocumentRenderer
    }

    public func run(packID: String) throws -> [OutputFile] {
        try draw(compose(packID: packID))
    }

    /// load → aggregate → lay out, for a pack defined in `Reports/packs`.
    public func compose(packID: String) throws -> ComposedPack {
        let pack = try PackDefinition.load(path: workspace.packPath(packID))
        guard let recordPath = pack.recordPath else {
            throw InputError(SourceLocation(file: pack.definitionPath), "the pack names no authority record")
        }
        let record = try RecordLoader.load(path: workspace.recordPath(recordPath), frameworksPath: workspace.frameworksPath)
        let official = pack.pages.contains(where: { PackDefinition.officialPages.contains($0.id) }) ? try OfficialContext.load(workspace) : nil
        return try compose(pack, record: record, official: official)
    }

    /// A pack for any authority from the official data alone (`briefing build --authority`).
    public func compose(authority query: String) throws -> ComposedPack {
        let official = try OfficialContext.load(workspace)
        let entry = try official.store.authority(query)
        let frameworks = try FrameworkLoader.load(path: workspace.frameworksPath)
        let record = OfficialRecord.make(for: entry, store: official.store, frameworks: frameworks, outcomesSource: official.outcomesSource)
        let pack = PackDefinition(id: PackDefinition.slug(entry.name),
                                  title: "\(entry.name) children\u{2019}s services: Ofsted judgements and key indicators",
                                  audience: "scrutiny", marking: "OFFICIAL", recordPath: nil, style: "default",
                                  since: nil,
                                  pages: ["cover", "at-a-glance", "rating-grid", "judgement-journey", "neighbour-comparison",
                                          "indicator-table", "indicator-trends", "national-distribution", "data-tables", "sources"].map { PageSpec($0) },
                                  definitionPath: "--authority \(query)")
        return try compose(pack, record: record, official: official)
    }

    func compose(_ pack: PackDefinition, record: AuthorityRecord, official: OfficialContext?) throws -> ComposedPack {
        let style = try StyleLoader.load(path: workspace.stylePath(styleOverride ?? pack.style))
        let engine = try TextEngine()
        let renderer = DocumentRenderer(style: style, engine: engine)
        var builder = PageBuilder(pack: pack, record: record, official: official,
                                  entry: official?.store.entry(dfeCode: record.authority.dfeCode),
                                  style: style, engine: engine, width: renderer.contentWidth, maxHeight: renderer.figureSpace)
        // Data tables and sources describe the charts, so they are built after every other page,
        // then put back where the definition placed them.
        let late: Set<String> = ["data-tables", "sources"]
        var pages = [[Block]](repeating: [], count: pack.pages.count)
        for (i, page) in pack.pages.enumerated() where !late.contains(page.id) { pages[i] = try builder.blocks(for: page) }
        for (i, page) in pack.pages.enumerated() where late.contains(page.id) { pages[i] = try builder.blocks(for: page) }
        let ordered = pages.flatMap { $0 }
        let asOf = record.newestDate
        let document = Document(
            metadata: DocumentMetadata(title: pack.title, author: record.authority.council,
                                       subject: "\(pack.title) for the \(pack.audience); data as at \(asOf.iso)",
                                       creator: "briefing \(BriefingVersion.string)",
                                       keywords: "Ofsted, ILACS, children's services, \(record.authority.name)",
                                       createDate: creationDate(record)),
            headerTitle: pack.title, marking: pack.marking,
            footerLeft: "\(record.authority.council) \u{00B7} data as at \(PartialDate(year: asOf.year, month: asOf.month, day: asOf.day).display)",
            blocks: ordered)
        return ComposedPack(pack: pack, style: style, record: record, document: document, figures: builder.figures, renderer: renderer)
    }

    /// draw: the PDF, and each figure as PNG, SVG, CSV table and alt text.
    public func draw(_ composed: ComposedPack) throws -> [OutputFile] {
        let pack = composed.pack, renderer = composed.renderer
        var files = [OutputFile(path: "\(workspace.out)/\(pack.id).pdf", data: try renderer.pdf(composed.document))]
        for f in composed.figures {
            let base = "\(workspace.out)/\(pack.id)-\(f.id)"
            files.append(OutputFile(path: "\(base).png", data: try renderer.png(f, dpi: dpi)))
            files.append(OutputFile(path: "\(base).svg", data: try renderer.svg(f)))
            files.append(OutputFile(path: "\(base).csv", data: Data(f.table.csv.utf8)))
            files.append(OutputFile(path: "\(base).txt", data: Data((f.altText + "\n").utf8)))
        }
        return files
    }

    /// `SOURCE_DATE_EPOCH` as ISO 8601 when set, else midnight UTC of the newest date in the data.
    func creationDate(_ record: AuthorityRecord) -> String {
        if let epoch = sourceDateEpoch {
            let f = ISO8601DateFormatter()
            f.timeZone = TimeZone(identifier: "UTC")
            f.formatOptions = [.withInternetDateTime]
            return f.string(from: Date(timeIntervalSince1970: TimeInterval(epoch)))
        }
        return "\(record.newestDate.iso)T00:00:00Z"
    }
}
