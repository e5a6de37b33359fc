import Diagnostics
import Foundation
import Judgements
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

    /// load → aggregate → lay out.
    public func compose(packID: String) throws -> ComposedPack {
        // load
        let pack = try PackDefinition.load(path: workspace.packPath(packID))
        let style = try StyleLoader.load(path: workspace.stylePath(styleOverride ?? pack.style))
        let record = try RecordLoader.load(path: workspace.recordPath(pack.recordPath), frameworksPath: workspace.frameworksPath)
        // aggregate
        let grid = record.judgementGrid
        // lay out
        let engine = try TextEngine()
        let renderer = DocumentRenderer(style: style, engine: engine)
        let width = style.pageWidth - 2 * style.margin
        var figures: [Figure] = []
        var blocks: [Block] = []
        for page in pack.pages {
            switch page {
            case "rating-grid":
                let f = RatingGrid.figure(grid, style: style, text: engine, width: width)
                figures.append(f)
                blocks += [.pageBreak, .heading("Ofsted judgements", level: 1), .figure(f)]
            case "sources":
                blocks += [.pageBreak] + sourcesPage(record)
            default:
                break
            }
        }
        let createDate = creationDate(record)
        let document = Document(
            metadata: DocumentMetadata(title: pack.title, author: record.authority.council,
                                       subject: "\(pack.title) for \(pack.audience); data as at \(record.newestDate.iso)",
                                       creator: "briefing \(BriefingVersion.string)",
                                       keywords: "Ofsted, ILACS, children's services, \(record.authority.name)",
                                       createDate: createDate),
            headerTitle: pack.title, marking: pack.marking,
            footerLeft: "\(record.authority.council) \u{00B7} data as at \(PartialDate(year: record.newestDate.year, month: record.newestDate.month, day: record.newestDate.day).display)",
            blocks: blocks)
        return ComposedPack(pack: pack, style: style, record: record, document: document, figures: figures, renderer: renderer)
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

    func sourcesPage(_ record: AuthorityRecord) -> [Block] {
        var blocks: [Block] = [.heading("Sources and method", level: 1),
                               .paragraph("Every judgement and date in this pack comes from the sources below. Nothing is estimated; anything inferred rather than stated is marked as inferred.")]
        for s in record.allSources {
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
