import Foundation

/// What a PDF says about itself. The creation date is passed in, never read from the clock,
/// so the same inputs give the same bytes.
public struct DocumentMetadata: Sendable {
    public var title: String
    public var author: String
    public var subject: String
    public var creator: String
    public var keywords: String
    /// ISO 8601, e.g. `2026-07-07T00:00:00Z`.
    public var createDate: String
    /// BCP 47 language of the text, for screen readers.
    public var language: String

    public init(title: String, author: String, subject: String, creator: String, keywords: String, createDate: String, language: String = "en-GB") {
        self.title = title; self.author = author; self.subject = subject
        self.creator = creator; self.keywords = keywords; self.createDate = createDate; self.language = language
    }
}

/// The building blocks of a pack's pages, in reading order.
public enum Block: Sendable {
    /// The cover's title, in the style's cover size.
    case title(String)
    case heading(String, level: Int)
    case paragraph(String)
    case note(String)
    /// A bulleted item.
    case bullet(String)
    /// Words someone said, with who said it, when and where.
    case quote(String, attribution: String)
    /// Key numbers in a row, each with its label.
    case keyNumbers([(number: String, label: String)])
    /// A list of the pack's level-1 headings with their page numbers, filled in after pagination.
    case contents
    /// A data table; long tables continue on the next page under a repeated header.
    case table(DataTable)
    case figure(Figure)
    case pageBreak
}

/// A pack before pagination: blocks flow onto A4 pages with a running header and footer.
public struct Document: Sendable {
    public var metadata: DocumentMetadata
    public var headerTitle: String
    public var marking: String
    public var footerLeft: String
    public var blocks: [Block]

    public init(metadata: DocumentMetadata, headerTitle: String, marking: String, footerLeft: String, blocks: [Block]) {
        self.metadata = metadata; self.headerTitle = headerTitle; self.marking = marking
        self.footerLeft = footerLeft; self.blocks = blocks
    }
}

/// A block laid out at the left margin and y = 0: its marks, height and structure tag.
public struct BlockLayout: Sendable {
    public var tag: String
    public var height: Double
    public var marks: [Mark]
    /// The heading text and level, for bookmarks and the contents.
    public var heading: (text: String, level: Int)?
    /// Index of the source block (to find a heading's page).
    public var blockIndex: Int
    /// Keep with the next block (headings never end a page).
    public var keepWithNext: Bool
    /// A figure's alternative text, for its structure element.
    public var altText: String? = nil
    /// How the marks are tagged; nil: all of them in one `tag` element.
    public var tagging: [Tagging]? = nil
    /// Blocks that share a container element (a list's items, a long table's pieces) have the same one.
    public var container: Container? = nil

    /// The structure the marks are drawn in.
    public var structure: [Tagging] { tagging ?? [Tagging(tag, marks: 0..<marks.count)] }
}

/// An element that spans several blocks: consecutive blocks with the same container share it.
public struct Container: Sendable, Hashable {
    public var tag: String
    public var id: Int
}

/// A structure element of a block and the marks drawn inside it; leaves own a range of the
/// block's marks. Cairo 1.16 knows no artifacts, so an artifact is drawn as a `Private` leaf
/// that `PDFAccessibility` takes out of the tree and marks `/Artifact` of its kind.
public struct Tagging: Sendable {
    public var tag: String
    /// The artifact kind (`Pagination`, `Layout`) when this is no content at all.
    public var artifact: String? = nil
    /// Cairo tag attributes, e.g. `dest='h3'` for a link.
    public var attributes: String
    public var marks: Range<Int>?
    public var children: [Tagging]
    /// A web link's areas relative to the block, written as cairo's `rect` attribute when drawn.
    public var linkRects: [Rect]

    public init(_ tag: String, attributes: String = "", marks: Range<Int>? = nil, children: [Tagging] = [], linkRects: [Rect] = []) {
        self.tag = tag; self.attributes = attributes; self.marks = marks; self.children = children; self.linkRects = linkRects
    }

    public static func artifact(_ kind: String, marks: Range<Int>) -> Tagging {
        var t = Tagging("Private", marks: marks)
        t.artifact = kind
        return t
    }

    /// Every element name in this subtree, depth first.
    public var tags: [String] { [tag] + children.flatMap(\.tags) }
}

/// A page: its blocks, each with the y at which it sits.
public struct PageLayout: Sendable {
    public var blocks: [(layout: BlockLayout, y: Double)]

    /// Every mark on the page in page coordinates (figures and blocks offset by their place).
    public func marks(margin: Double) -> [Mark] {
        blocks.flatMap { b in b.layout.marks.map { Self.offset($0, dx: margin, dy: b.y) } }
    }

    /// A mark shrunk about the origin (text keeps its font and is drawn under a scaled context).
    static func scaled(_ m: Mark, _ k: Double) -> Mark {
        func r(_ x: Rect) -> Rect { Rect(x: x.x * k, y: x.y * k, width: x.width * k, height: x.height * k) }
        switch m {
        case var .box(b): b.rect = r(b.rect); b.strokeWidth *= k; return .box(b)
        case var .line(l): l.from = (l.from.0 * k, l.from.1 * k); l.to = (l.to.0 * k, l.to.1 * k); l.width *= k; return .line(l)
        case var .path(p): p.points = p.points.map { ($0.0 * k, $0.1 * k) }; p.width *= k; return .path(p)
        case var .text(t):
            t.frame = r(t.frame); t.container = r(t.container); t.layoutX *= k
            t.font = t.font.with(size: t.font.size * k)
            t.wrapWidth = t.wrapWidth.map { $0 * k }
            return .text(t)
        }
    }

    static func offset(_ m: Mark, dx: Double, dy: Double) -> Mark {
        switch m {
        case var .box(b): b.rect = b.rect.offsetBy(dx: dx, dy: dy); return .box(b)
        case var .line(l): l.from = (l.from.0 + dx, l.from.1 + dy); l.to = (l.to.0 + dx, l.to.1 + dy); return .line(l)
        case var .path(p): p.points = p.points.map { ($0.0 + dx, $0.1 + dy) }; return .path(p)
        case var .text(t):
            t.frame = t.frame.offsetBy(dx: dx, dy: dy); t.container = t.container.offsetBy(dx: dx, dy: dy); t.layoutX += dx
            return .text(t)
        }
    }
}
