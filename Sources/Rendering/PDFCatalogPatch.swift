import Foundation

/// Cairo 1.16 writes structure tags but no document language, no `/MarkInfo` and no viewer
/// preference to show the title, so screen readers guess the language and `pdfinfo` reports
/// "Tagged: no". This appends a standard PDF incremental update that rewrites only the catalog
/// with those entries; everything cairo wrote stays byte for byte as it was.
public enum PDFCatalogPatch {
    public enum PatchError: Error, CustomStringConvertible {
        case unexpectedStructure(String)
        public var description: String {
            switch self { case let .unexpectedStructure(what): return "cannot add the document language to the PDF: \(what)" }
        }
    }

    public static func apply(_ pdf: Data, language: String) throws -> Data {
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
        let objectOffset = out.count
        out.append(Data("\(root) 0 obj\n\(dict)\nendobj\n".utf8))
        let xrefOffset = out.count
        var update = "xref\n\(root) 1\n" + String(format: "%010d 00000 n \n", objectOffset)
        update += "trailer\n<< /Size \(size)\n   /Root \(root) 0 R\n" + (info.map { "   /Info \($0) 0 R\n" } ?? "") + "   /Prev \(startxref)\n>>\nstartxref\n\(xrefOffset)\n%%EOF\n"
        out.append(Data(update.utf8))
        return out
    }
}
