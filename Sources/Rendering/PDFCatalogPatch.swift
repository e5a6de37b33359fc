import Foundation

/// Cairo 1.16 writes structure tags but no document language, no `/MarkInfo`, no viewer
/// preference to show the title, and no alternative text on figures, so screen readers guess
/// the language and skip the charts, and `pdfinfo` reports "Tagged: no". This appends a standard
/// PDF incremental update that rewrites only the catalog and the Figure structure elements;
/// everything cairo wrote stays byte for byte as it was.
public enum PDFCatalogPatch {
    /// Every `/S /Figure` structure element: its object number and dictionary text.
    static func figureElements(_ text: String) -> [(number: Int, body: String)] {
        guard let pattern = try? NSRegularExpression(pattern: "\n([0-9]+) 0 obj\n(<< /Type /StructElem\n   /S /Figure\n[^>]*>>)") else { return [] }
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { m in
            guard let n = Range(m.range(at: 1), in: text), let b = Range(m.range(at: 2), in: text), let number = Int(text[n]) else { return nil }
            return (number, String(text[b]))
        }
    }

    /// A PDF text string that holds any Unicode: UTF-16BE with a byte-order mark, in hex.
    static func utf16Hex(_ s: String) -> String {
        "<FEFF" + s.utf16.map { String(format: "%04X", $0) }.joined() + ">"
    }

    public enum PatchError: Error, CustomStringConvertible {
        case unexpectedStructure(String)
        public var description: String {
            switch self { case let .unexpectedStructure(what): return "cannot add the document language to the PDF: \(what)" }
        }
    }

    /// `figureAlts`: the alternative text of each Figure structure element, in document order.
    public static func apply(_ pdf: Data, language: String, figureAlts: [String] = []) throws -> Data {
        guard let text = String(data: pdf, encoding: .isoLatin1) else { throw PatchError.unexpectedStructure("not a PDF") }
        guard let trailerRange = text.range(of: "trailer", options: .backwards) else { throw PatchError.unexpectedStructure("no trailer") }
        let trailer = String(text[trailerRange.upperBound...])
        func number(after key: String, in s: String) -> Int? {
            guard let r = s.range(of: key) else { return nil }
            let digits = s[r.upperBound...].drop { $0 == " " || $0 == "\n" }.prefix { $0.isNumber }
            return Int(digits)
        }
        guard let root = number(after: "/Root", in: trailer), let size = number(after: "/Size", in: trailer),
              let startxref = number(after: "startxref", in: trailer) else {
            throw PatchError.unexpectedStructure("the trailer has no /Root, /Size or startxref")
        }
        let info = number(after: "/Info", in: trailer)
        guard let objStart = text.range(of: "\n\(root) 0 obj\n"), let objEnd = text.range(of: "endobj", range: objStart.upperBound..<text.endIndex) else {
            throw PatchError.unexpectedStructure("the catalog object \(root) was not found")
        }
        var dict = text[objStart.upperBound..<objEnd.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        guard dict.hasSuffix(">>"), dict.contains("/Catalog") else { throw PatchError.unexpectedStructure("object \(root) is not a catalog dictionary") }
        dict.removeLast(2)
        let escaped = language.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(").replacingOccurrences(of: ")", with: "\\)")
        dict += "   /Lang (\(escaped))\n   /MarkInfo << /Marked true >>\n   /ViewerPreferences << /DisplayDocTitle true >>\n   /PageMode /UseOutlines\n>>"
        var out = pdf
        if out.last != 0x0A { out.append(0x0A) }
        var offsets: [(Int, Int)] = [(root, out.count)]
        out.append(Data("\(root) 0 obj\n\(dict)\nendobj\n".utf8))
        // Figure structure elements, in the order cairo wrote them (page by page, tag by tag).
        let figures = figureElements(text)
        for (element, alt) in zip(figures, figureAlts) {
            offsets.append((element.number, out.count))
            out.append(Data("\(element.number) 0 obj\n\(element.body.dropLast(2))   /Alt \(utf16Hex(alt))\n>>\nendobj\n".utf8))
        }
        let xrefOffset = out.count
        var update = "xref\n"
        for (number, offset) in offsets.sorted(by: { $0.0 < $1.0 }) {
            update += "\(number) 1\n" + String(format: "%010d 00000 n \n", offset)
        }
        update += "trailer\n<< /Size \(size)\n   /Root \(root) 0 R\n" + (info.map { "   /Info \($0) 0 R\n" } ?? "") + "   /Prev \(startxref)\n>>\nstartxref\n\(xrefOffset)\n%%EOF\n"
        out.append(Data(update.utf8))
        return out
    }
}
