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
        let official = pack.pages.contains(where: PackDefinition.officialPages.contains) ? try OfficialContext.load(workspace) : nil
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
                                  pages: ["rating-grid", "neighbour-comparison", "indicator-table", "sources"],
                                  definitionPath: "--authority \(query)")
        return try compose(pack, record: record, official: official)
    }

    func compose(_ pack: PackDefinition, record: AuthorityRecord, official: OfficialContext?) throws -> ComposedPack {
        let style = try StyleLoader.load(path: workspace.stylePath(styleOverride ?? pack.style))
        let engine = try TextEngine()
        let renderer = DocumentRenderer(style: style, engine: engine)
        let width = renderer.contentWidth
        let entry = official?.store.entry(dfeCode: record.authority.dfeCode)
        var figures: [Figure] = []
        var blocks: [Block] = []
        var extraSources: [Source] = []
        for page in pack.pages {
            switch page {
            case "rating-grid":
                let f = RatingGrid.figure(record.judgementGrid, style: style, text: engine, width: width)
                figures.append(f)
                blocks += [.pageBreak, .heading("Ofsted judgements", level: 1), .figure(f)]
            case "neighbour-comparison":
                guard let official, let entry else { throw missingOfficial(record, pack) }
                let f = official.neighbourFigure(entry, style: style, engine: engine, width: width)
                figures.append(f)
                extraSources += [official.outcomesSource, official.neighbourSource]
                blocks += [.pageBreak, .heading("Statistical neighbours", level: 1), .figure(f)]
            case "indicator-table":
                guard let official, let entry else { throw missingOfficial(record, pack) }
                let f = official.indicatorFigure(entry, style: style, engine: engine, width: width)
                figures.append(f)
                extraSources += official.indicatorSources + [official.neighbourSource]
                blocks += [.pageBreak, .heading("Key indicators", level: 1), .figure(f)]
            case "sources":
                blocks += [.pageBreak] + sourcesPage(record, extra: extraSources)
            default:
                break
            }
        }
        let asOf = record.newestDate
        let document = Document(
            metadata: DocumentMetadata(title: pack.title, author: record.authority.council,
                                       subject: "\(pack.title) for \(pack.audience); data as at \(asOf.iso)",
                                       creator: "briefing \(BriefingVersion.string)",
                                       keywords: "Ofsted, ILACS, children's services, \(record.authority.name)",
                                       createDate: creationDate(record)),
            headerTitle: pack.title, marking: pack.marking,
            footerLeft: "\(record.authority.council) \u{00B7} data as at \(PartialDate(year: asOf.year, month: asOf.month, day: asOf.day).display)",
            blocks: blocks)
        return ComposedPack(pack: pack, style: style, record: record, document: document, figures: figures, renderer: renderer)
    }

    func missingOfficial(_ record: AuthorityRecord, _ pack: PackDefinition) -> InputError {
        InputError(SourceLocation(file: pack.definitionPath),
                   "\(record.authority.name) (DfE code \(record.authority.dfeCode)) is not in \(workspace.dataFolder)/\(OfficialDataStore.directoryFile); run make import")
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

    func sourcesPage(_ record: AuthorityRecord, extra: [Source]) -> [Block] {
        var blocks: [Block] = [.heading("Sources and method", level: 1),
                               .paragraph("Every judgement, date and figure in this pack comes from the sources below. Nothing is estimated; anything inferred rather than stated is marked as inferred. Suppressed statistics are shown as missing, with the reason, never as zero.")]
        var sources = record.allSources
        for s in extra where !sources.contains(where: { $0.id == s.id }) { sources.append(s) }
        for s in sources {
            var line = s.citation
            if let url = s.url { line += ". \(url)" }
            if let licence = s.licence { line += " (\(licence))" }
            if s.inferred, let note = s.note { line += ". Inferred: \(note)" }
            blocks.append(.paragraph(line))
        }
        blocks.append(.heading("Judgement frameworks", level: 2))
        for era in record.eras {
            var text = "\(era.title): judges " + era.judgements.map { $0.shortTitle.lowercased() }.joined(separator: ", ") + "."
            for (area, nj) in era.notJudged.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                text += " \(area.shortTitle): \(nj.reason)."
            }
            if era.inferred { text += " (Start date inferred.)" }
            if let note = era.note { text += " \(note)" }
            blocks.append(.paragraph(text))
        }
        return blocks
    }
}
