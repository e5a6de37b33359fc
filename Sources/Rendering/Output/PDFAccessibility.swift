import Foundation

/// A figure as drawn into the PDF: its alternative text, the page it is on (from 1) and the box
/// it covers in page coordinates (points from the top-left corner).
public struct FigureTag: Sendable {
    public var altText: String
    public var page: Int
    public var box: Rect
}

/// What the drawing code drew in one leaf structure element, in the order it drew them on a
/// page: cairo gives their marked content the ids 0, 1, 2, … in that order, so (page, id) is
/// each leaf's identity in the file.
public enum MarkedRole: Sendable {
    case content(String)
    /// Running header or footer, table banding: drawn as a `Private` leaf, finished as `/Artifact`.
    case artifact(String)
    case figure(FigureTag)

    /// The structure type cairo was given.
    var tag: String {
        switch self {
        case let .content(t): return t
        case .artifact: return "Private"
        case .figure: return "Figure"
        }
    }
}

/// What cairo 1.16 cannot write into a tagged PDF, added with libqpdf by walking its objects:
/// the catalog's /Lang, /MarkInfo, /ViewerPreferences and XMP metadata (dc:title,
/// pdfuaid:part 1); /Tabs /S on every page; /CIDToGIDMap on every CID TrueType font; /Scope on
/// header cells; /Contents on link annotations; each figure's /Alt and /BBox and each artifact,
/// found by identity: the page and marked-content id of the leaf the drawing code drew, checked
/// against both the content stream and the structure element (a mismatch is an error).
/// Artifacts leave the structure tree and their marked content becomes `/Artifact` of their kind.
public enum PDFAccessibility {
    static let standardTypes: Set<String> = [
        "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct", "Private",
        "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "THead", "TBody",
        "TFoot", "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "Warichu", "Figure",
        "Formula", "Form",
    ]

    static let artifactKinds: [String: String] = [
        "Header": "<< /Type /Pagination /Subtype /Header >>",
        "Footer": "<< /Type /Pagination /Subtype /Footer >>",
        "Pagination": "<< /Type /Pagination >>",
        "Layout": "<< /Type /Layout >>",
    ]

    /// `pages`: each page's leaves as drawn; `destinations`: each named destination a link may
    /// target → the words a screen reader says for that link.
    public static func finish(_ pdf: Data, metadata: DocumentMetadata, pageHeight: Double, pages: [[MarkedRole]],
                              destinations: [String: String]) throws -> Data {
        let doc = try QPDFDocument(pdf)
        guard doc.pageCount == pages.count else { throw PDFEditError.unexpectedStructure("\(doc.pageCount) pages, \(pages.count) drawn") }
        let root = doc.root
        root.set("Lang", doc.text(metadata.language))
        root.set("MarkInfo", doc.parse("<< /Marked true >>"))
        root.set("ViewerPreferences", doc.parse("<< /DisplayDocTitle true >>"))
        root.set("PageMode", doc.name("/UseOutlines"))
        let producer = doc.trailer["Info"]["Producer"].string ?? ""
        root.set("Metadata", doc.stream(Data(xmp(metadata, producer: producer).utf8), dictionary: "<< /Type /Metadata /Subtype /XML >>"))

        var roles: [Int: [MarkedRole]] = [:]
        for i in 0..<doc.pageCount {
            let page = doc.page(i)
            roles[page.objectID] = pages[i]
            page.set("Tabs", doc.name("/S"))
            let fonts = page["Resources"]["Font"]
            for key in fonts.isDictionary ? fonts.keys : [] {
                for cid in fonts[key]["DescendantFonts"].items where cid["Subtype"].name == "CIDFontType2" && !cid.has("CIDToGIDMap") {
                    cid.set("CIDToGIDMap", doc.name("/Identity"))
                }
            }
        }

        let tree = root["StructTreeRoot"]
        guard tree.isDictionary else { throw PDFEditError.unexpectedStructure("no structure tree") }
        var walker = TreeWalker(doc: doc, pageHeight: pageHeight, roles: roles, destinations: destinations)
        try walker.walk(tree)
        let figures = pages.joined().filter { if case .figure = $0 { return true } else { return false } }.count
        guard walker.figuresSeen == figures else {
            throw PDFEditError.unexpectedStructure("\(figures) figures drawn with alt text, \(walker.figuresSeen) figure elements found")
        }
        try walker.removeArtifactsFromParentTree(tree["ParentTree"])

        for i in 0..<doc.pageCount {
            let contents = doc.page(i)["Contents"]
            guard contents.isStream else { throw PDFEditError.unexpectedStructure("page \(i + 1) has not one content stream") }
            var next = 0
            let rewritten = try MarkedContent.rewrite(try doc.streamData(contents)) { s in
                // Cairo's own /Span << /ActualText … >> inside a leaf belongs to that leaf.
                let mcid = s.mcid
                if mcid == nil && s.tag == "Span" { return nil }
                defer { next += 1 }
                guard next < pages[i].count, mcid == next, s.tag == pages[i][next].tag else {
                    throw PDFEditError.unexpectedStructure("page \(i + 1): marked content /\(s.tag) \(s.properties) is not what was drawn there")
                }
                guard case let .artifact(kind) = pages[i][next] else { return nil }
                guard let properties = artifactKinds[kind] else { throw PDFEditError.unexpectedStructure("unknown artifact kind \(kind)") }
                return ("Artifact", properties)
            }
            guard next == pages[i].count else { throw PDFEditError.unexpectedStructure("page \(i + 1): \(next) marked-content sequences, \(pages[i].count) drawn") }
            // Deflated here by libdeflate at level 6: 8 ms less of the scrutiny pack's finishing
            // than qpdf's zlib, and 1 % smaller (level 9 gained another 1 % for 10 ms more).
            try doc.replaceStreamData(contents, deflating: rewritten, level: 6)
        }
        try doc.check()
        return try doc.write()
    }

    static func xmlEscaped(_ s: String) -> String { SVGWriter.escaped(s) }

    /// The XMP packet: Dublin Core title, author, subject and language, the PDF and XMP basics
    /// matching the Info dictionary, and the PDF/UA-1 identification.
    static func xmp(_ m: DocumentMetadata, producer: String) -> String {
        let e = xmlEscaped
        return """
        <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
         <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description rdf:about=""
            xmlns:dc="http://purl.org/dc/elements/1.1/"
            xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
            xmlns:xmp="http://ns.adobe.com/xap/1.0/"
            xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
           <dc:format>application/pdf</dc:format>
           <dc:title><rdf:Alt><rdf:li xml:lang="x-default">\(e(m.title))</rdf:li></rdf:Alt></dc:title>
           <dc:creator><rdf:Seq><rdf:li>\(e(m.author))</rdf:li></rdf:Seq></dc:creator>
           <dc:description><rdf:Alt><rdf:li xml:lang="x-default">\(e(m.subject))</rdf:li></rdf:Alt></dc:description>
           <dc:language><rdf:Bag><rdf:li>\(e(m.language))</rdf:li></rdf:Bag></dc:language>
           <pdf:Keywords>\(e(m.keywords))</pdf:Keywords>
           <pdf:Producer>\(e(producer))</pdf:Producer>
           <xmp:CreatorTool>\(e(m.creator))</xmp:CreatorTool>
           <xmp:CreateDate>\(e(m.createDate))</xmp:CreateDate>
           <pdfuaid:part>1</pdfuaid:part>
          </rdf:Description>
         </rdf:RDF>
        </x:xmpmeta>
        <?xpacket end="w"?>
        """
    }
}

/// One pass over the structure tree, element by element.
struct TreeWalker {
    let doc: QPDFDocument
    let pageHeight: Double
    /// Page object id → the leaves drawn on it.
    let roles: [Int: [MarkedRole]]
    let destinations: [String: String]
    var figuresSeen = 0
    /// Marked content of removed artifact elements: page object id → MCIDs.
    var artifactMCIDs: [Int: [Int]] = [:]

    /// An element's /K as an array (cairo writes a lone kid or MCID without one).
    func kids(_ element: PDFObject) -> PDFObject {
        let k = element["K"]
        if k.isArray { return k }
        let array = doc.newArray()
        if !k.isNull { array.append(k) }
        element.set("K", array)
        return element["K"]
    }

    mutating func walk(_ element: PDFObject) throws {
        let k = kids(element)
        var i = 0
        while i < k.count {
            let kid = k[i]
            guard kid.isDictionary, let type = kid["S"].name else { i += 1; continue }
            let mcids = kids(kid).items.compactMap(\.int)
            if let first = mcids.first {
                // A leaf: what was drawn there says what it is.
                let page = kid["Pg"].objectID
                guard let drawn = roles[page], first < drawn.count, drawn[first].tag == type, mcids.count == 1 else {
                    throw PDFEditError.unexpectedStructure("a /\(type) element with marked content \(mcids) that was not drawn as such")
                }
                switch drawn[first] {
                case .artifact:
                    artifactMCIDs[page, default: []].append(first)
                    k.erase(i)
                    continue
                case let .figure(figure):
                    let b = figure.box
                    let box = [b.x, pageHeight - b.maxY, b.maxX, pageHeight - b.y].map { String(format: "%.2f", $0) }.joined(separator: " ")
                    kid.set("Alt", doc.text(figure.altText))
                    kid.set("A", doc.parse("<< /O /Layout /Placement /Block /BBox [\(box)] >>"))
                    figuresSeen += 1
                case .content:
                    if type == "Figure" { throw PDFEditError.unexpectedStructure("a figure drawn without alt text") }
                }
            } else if type == "Figure" {
                throw PDFEditError.unexpectedStructure("a figure element without content")
            }
            try visit(kid, type: type)
            try walk(kid)
            i += 1
        }
    }

    func visit(_ element: PDFObject, type: String) throws {
        guard PDFAccessibility.standardTypes.contains(type) else { throw PDFEditError.unexpectedStructure("unknown structure type /\(type)") }
        if type == "TH" { element.set("A", doc.parse("<< /O /Table /Scope /Column >>")) }
        if type == "Link" {
            var annotations = 0
            for kid in kids(element).items where kid.isDictionary && kid["Type"].name == "OBJR" {
                let annot = kid["Obj"]
                // Printed, as on screen (cairo sets no flags).
                annot.set("F", doc.integer(4))
                let action = annot["A"]
                if let uri = action["URI"].string {
                    annot.set("Contents", doc.text("Web address: \(uri)"))
                } else if let dest = annot["Dest"].string ?? annot["Dest"].name {
                    guard let words = destinations[dest] else { throw PDFEditError.unexpectedStructure("a link to unknown destination \(dest)") }
                    annot.set("Contents", doc.text(words))
                } else {
                    throw PDFEditError.unexpectedStructure("a link annotation with neither a web address nor a destination")
                }
                annotations += 1
            }
            guard annotations > 0 else { throw PDFEditError.unexpectedStructure("a link element without its annotation") }
        }
    }

    /// Sets the parent-tree entries of removed artifacts' marked content to null.
    func removeArtifactsFromParentTree(_ parentTree: PDFObject) throws {
        let nums = parentTree["Nums"]
        var arrays: [Int: PDFObject] = [:]
        for i in stride(from: 0, to: nums.count - 1, by: 2) { if let key = nums[i].int { arrays[key] = nums[i + 1] } }
        for i in 0..<doc.pageCount {
            let page = doc.page(i)
            guard let mcids = artifactMCIDs[page.objectID] else { continue }
            guard let sp = page["StructParents"].int, let array = arrays[sp], array.isArray else {
                throw PDFEditError.unexpectedStructure("page \(i + 1) has artifacts but no parent-tree entry")
            }
            for m in mcids where m < array.count { array.setItem(m, doc.null) }
        }
    }
}
