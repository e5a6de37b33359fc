import Foundation

/// Reads a page's content stream as PDF tokens (ISO 32000-1 7.2, 7.8.2) to find its
/// marked-content operators, so their tags can be changed without touching anything else.
enum MarkedContent {
    /// A `BDC` operator: its tag (without the slash), its marked-content id and the bytes from
    /// the tag to the operator.
    struct Sequence {
        var tag: String
        /// The property list as written, e.g. `<< /MCID 3 >>`.
        var properties: String
        /// The marked-content id in the property list, if any: read from the operands as the
        /// stream is scanned (a search of each sequence's text afterwards, through String
        /// indices, was a visible share of finishing the PDF).
        var mcid: Int?
        var range: Range<Int>
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0 || b == 9 || b == 10 || b == 12 || b == 13 || b == 32 }
    private static func isDelimiter(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"): return true
        default: return false
        }
    }

    /// Every `BDC` in the stream, in order. Operands are collected since the previous operator
    /// (where each starts and ends; no text is made of them, as a page holds tens of thousands);
    /// strings, hex strings, comments and inline images are skipped whole.
    static func sequences(in content: [UInt8]) throws -> [Sequence] {
        var found: [Sequence] = []
        var operands: [Range<Int>] = []
        var i = 0
        let n = content.count
        while i < n {
            let b = content[i]
            if isSpace(b) { i += 1; continue }
            let start = i
            switch b {
            case UInt8(ascii: "%"):
                while i < n && content[i] != 10 && content[i] != 13 { i += 1 }
                continue
            case UInt8(ascii: "("):
                var depth = 0
                repeat {
                    if content[i] == UInt8(ascii: "\\") { i += 2; continue }
                    if content[i] == UInt8(ascii: "(") { depth += 1 }
                    if content[i] == UInt8(ascii: ")") { depth -= 1 }
                    i += 1
                } while i < n && depth > 0
                operands.append(start..<i)
            case UInt8(ascii: "<") where i + 1 < n && content[i + 1] == UInt8(ascii: "<"):
                i += 2; operands.append(start..<i)
            case UInt8(ascii: ">") where i + 1 < n && content[i + 1] == UInt8(ascii: ">"):
                i += 2; operands.append(start..<i)
            case UInt8(ascii: "<"):
                while i < n && content[i] != UInt8(ascii: ">") { i += 1 }
                i += 1; operands.append(start..<i)
            case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                i += 1; operands.append(start..<i)
            case UInt8(ascii: "/"):
                i += 1
                while i < n && !isSpace(content[i]) && !isDelimiter(content[i]) { i += 1 }
                operands.append(start..<i)
            default:
                while i < n && !isSpace(content[i]) && !isDelimiter(content[i]) { i += 1 }
                let word = content[start..<i]
                if (b >= 48 && b <= 57) || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") {
                    operands.append(start..<i); continue
                }
                if word.elementsEqual("true".utf8) || word.elementsEqual("false".utf8) || word.elementsEqual("null".utf8) {
                    operands.append(start..<i); continue
                }
                // An operator.
                if word.elementsEqual("BDC".utf8) {
                    guard let tag = operands.first, content[tag.lowerBound] == UInt8(ascii: "/") else {
                        throw PDFEditError.unexpectedStructure("a BDC operator without a tag")
                    }
                    // The property list as written, without the white space around it.
                    var from = tag.upperBound, to = start
                    while from < to && isSpace(content[from]) { from += 1 }
                    while to > from && isSpace(content[to - 1]) { to -= 1 }
                    // `/MCID` and the integer operand after it.
                    var mcid: Int?
                    if let k = operands.firstIndex(where: { content[$0].elementsEqual("/MCID".utf8) }), k + 1 < operands.count {
                        mcid = Int(String(decoding: content[operands[k + 1]], as: UTF8.self))
                    }
                    found.append(Sequence(tag: String(decoding: content[(tag.lowerBound + 1)..<tag.upperBound], as: UTF8.self),
                                          properties: String(decoding: content[from..<to], as: UTF8.self), mcid: mcid,
                                          range: tag.lowerBound..<i))
                } else if word.elementsEqual("ID".utf8) {
                    // Inline image data runs to whitespace, EI, whitespace.
                    i += 1
                    while i + 2 < n && !(isSpace(content[i]) && content[i + 1] == UInt8(ascii: "E") && content[i + 2] == UInt8(ascii: "I")
                                         && (i + 3 == n || isSpace(content[i + 3]))) { i += 1 }
                    i += 3
                }
                operands.removeAll(keepingCapacity: true)
            }
        }
        return found
    }

    /// The stream with each `BDC` whose tag `replace` maps rewritten as `/<tag> <properties> BDC`.
    static func rewrite(_ content: Data, _ replace: (Sequence) throws -> (tag: String, properties: String)?) throws -> Data {
        let bytes = [UInt8](content)
        var out = Data()
        var last = 0
        for s in try sequences(in: bytes) {
            guard let r = try replace(s) else { continue }
            out.append(contentsOf: bytes[last..<s.range.lowerBound])
            out.append(contentsOf: Array("/\(r.tag) \(r.properties) BDC".utf8))
            last = s.range.upperBound
        }
        out.append(contentsOf: bytes[last...])
        return out
    }
}
