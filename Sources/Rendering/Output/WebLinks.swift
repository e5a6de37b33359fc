import Foundation

extension DocumentRenderer {
    /// A paragraph that prints web addresses: a `P` whose text is a `Link` to the first address
    /// with a link area over each address, so the printed address is clickable. Nil when the
    /// text has none.
    func linkTagging(_ mark: TextMark, tag: String) -> [Tagging]? {
        guard tag == "P" else { return nil }
        let addresses = WebAddress.find(in: mark.text)
        guard let first = addresses.first else { return nil }
        let areas = addresses.flatMap { engine.areas(of: $0.range, in: mark.text, mark.font, width: mark.wrapWidth, alignment: mark.alignment) }
            .map { $0.offsetBy(dx: mark.layoutX, dy: mark.frame.y) }
        return [Tagging("P", children: [Tagging("Link", attributes: "uri='\(WebAddress.escaped(first.address))'", marks: 0..<1, linkRects: areas)])]
    }
}

/// Web addresses printed in text.
enum WebAddress {
    static func find(in text: String) -> [(address: String, range: Range<String.Index>)] {
        guard let pattern = try? NSRegularExpression(pattern: "https?://[^\\s]+") else { return [] }
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { m in
            guard var r = Range(m.range, in: text) else { return nil }
            // Sentence punctuation after an address is not part of it.
            while let last = text[r].last, ".,;:)".contains(last), !(last == ")" && text[r].contains("(")) {
                r = r.lowerBound..<text.index(before: r.upperBound)
            }
            return (String(text[r]), r)
        }
    }

    /// An address as cairo's tag attribute and PDF string take it: no quote, bracket or
    /// backslash left unescaped (they are percent-encoded, as in any URL).
    static func escaped(_ address: String) -> String {
        var out = ""
        for c in address.unicodeScalars {
            if "'()\\ ".unicodeScalars.contains(c) || c.value > 126 {
                out += String(c).utf8.map { String(format: "%%%02X", $0) }.joined()
            } else {
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
