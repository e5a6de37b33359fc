import BriefingKit
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Rendering
import Testing
import BriefingTestSupport

/// The `iTXt` chunks of a PNG: keyword → text.
func pngText(_ data: Data) -> [String: String] {
    var out: [String: String] = [:]
    var i = 8
    let bytes = [UInt8](data)
    while i + 8 <= bytes.count {
        let length = Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
        let type = String(decoding: bytes[(i + 4)..<(i + 8)], as: UTF8.self)
        guard i + 8 + length <= bytes.count else { break }
        if type == "iTXt" {
            let body = Array(bytes[(i + 8)..<(i + 8 + length)])
            let parts = body.split(separator: 0, maxSplits: 5, omittingEmptySubsequences: false)
            // keyword, [flag, method], language, translated keyword, text
            if parts.count == 6 { out[String(decoding: parts[0], as: UTF8.self)] = String(decoding: parts[5], as: UTF8.self) }
        }
        i += 12 + length
    }
    return out
}

/// An SVG's text content, title and description, read with an XML parser.
final class SVGReader: NSObject, XMLParserDelegate {
    var texts: [String] = []
    var title = "", desc = ""
    var glyphPaths = 0
    private var current: String?
    private var buffer = ""

    init(_ data: Data) throws {
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        guard parser.parse() else { throw StructureError("not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")") }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if ["text", "title", "desc"].contains(name) { current = name; buffer = "" }
        if name == "symbol" || (attributes["id"] ?? "").hasPrefix("glyph") { glyphPaths += 1 }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if current != nil { buffer += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard name == current else { return }
        switch name {
        case "title": title = buffer
        case "desc": desc = buffer
        default: texts.append(buffer)
        }
        current = nil
    }
}

@Suite(.serialized) struct ChartFiles {
    @Test func svgHasRealTextTitleAndDescription() throws {
        let (r, out) = try Briefing.build(["--pack", "scrutiny"])
        #expect(r.status == 0, "\(r.stderr)")
        let composed = try composePack("scrutiny")
        for f in composed.figures {
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(out)/scrutiny-\(f.id).svg"))
            let svg = try SVGReader(data)
            #expect(svg.title == f.title, "\(f.id)")
            #expect(svg.desc == f.altText, "\(f.id)")
            #expect(svg.glyphPaths == 0, "\(f.id): glyphs drawn as paths")
            // Every word of every text run is there as text, in order of the marks.
            // A line may break after a hyphen or slash ("life-" / "story work"): join such breaks before comparing.
            func joined(_ s: String) -> String { normaliseSpace(s).replacingOccurrences(of: "- ", with: "-").replacingOccurrences(of: "/ ", with: "/") }
            let words = joined(svg.texts.joined(separator: " "))
            for t in f.textMarks where !normaliseSpace(t.text).isEmpty {
                #expect(words.contains(joined(t.text)), "\(f.id): \"\(t.text.prefix(40))\" is not SVG text")
            }
            let png = pngText(try Data(contentsOf: URL(fileURLWithPath: "\(out)/scrutiny-\(f.id).png")))
            #expect(png["Description"] == f.altText, "\(f.id): PNG description")
            #expect(png["Title"] == f.title, "\(f.id): PNG title")
        }
        let grid = try FileManager.default.attributesOfItem(atPath: "\(out)/scrutiny-rating-grid.svg")[.size] as? Int ?? .max
        #expect(grid <= 60_000, "rating grid SVG is \(grid) bytes")
    }
}
