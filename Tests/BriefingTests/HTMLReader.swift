import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import BriefingTestSupport

/// An element of an HTML page read with an XML parser (the pages are written well-formed, so
/// a page that is not fails here first).
final class HTMLNode {
    let name: String
    let attributes: [String: String]
    var children: [Child] = []
    weak var parent: HTMLNode?

    enum Child { case element(HTMLNode), text(String) }

    init(_ name: String, _ attributes: [String: String]) { self.name = name; self.attributes = attributes }

    subscript(_ attribute: String) -> String? { attributes[attribute] }

    var elements: [HTMLNode] { children.compactMap { if case let .element(e) = $0 { return e } else { return nil } } }

    /// This element and every element under it, in document order.
    var all: [HTMLNode] { [self] + elements.flatMap(\.all) }

    func all(_ names: String...) -> [HTMLNode] { all.filter { names.contains($0.name) } }

    var classes: Set<String> { Set((attributes["class"] ?? "").split(separator: " ").map(String.init)) }

    /// Elements that run on within a line: no space is put around their text.
    static let inline: Set<String> = ["a", "span", "strong", "em", "abbr"]

    /// The text inside, with a space between blocks (and between the lines of an SVG) but none
    /// around inline elements, `skipping` elements left out, whitespace collapsed.
    func text(skipping: Set<String> = []) -> String {
        func walk(_ n: HTMLNode) -> String {
            n.children.map { c -> String in
                switch c {
                case let .text(t): return t
                case let .element(e): return skipping.contains(e.name) ? " " : Self.inline.contains(e.name) ? walk(e) : " \(walk(e)) "
                }
            }.joined()
        }
        return normaliseSpace(walk(self))
    }

    var ancestors: [HTMLNode] { parent.map { [$0] + $0.ancestors } ?? [] }
}

final class HTMLReader: NSObject, XMLParserDelegate {
    let root = HTMLNode("#document", [:])
    private var stack: [HTMLNode]

    init(_ data: Data) throws {
        stack = [root]
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        guard parser.parse() else { throw StructureError("not well-formed: \(parser.parserError.map { "\($0)" } ?? "") at line \(parser.lineNumber)") }
    }

    convenience init(path: String) throws { try self.init(try Data(contentsOf: URL(fileURLWithPath: path))) }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        let node = HTMLNode(name, attributes)
        node.parent = stack.last
        stack.last!.children.append(.element(node))
        stack.append(node)
    }

    /// The parser may hand one run of text over in pieces; they are kept as one.
    func parser(_ parser: XMLParser, foundCharacters string: String) {
        let node = stack.last!
        if case let .text(t)? = node.children.last { node.children[node.children.count - 1] = .text(t + string) } else { node.children.append(.text(string)) }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { stack.removeLast() }
}

/// The numbers written in `text` ("2,645", "30.5%", "2026"), as a sorted list: two texts carry
/// the same numbers when the lists are equal.
func numbers(in text: String) -> [String] {
    let pattern = try! NSRegularExpression(pattern: "[0-9]+(?:[.,][0-9]+)*%?")
    let s = text as NSString
    return pattern.matches(in: text, range: NSRange(location: 0, length: s.length)).map { s.substring(with: $0.range) }.sorted()
}
