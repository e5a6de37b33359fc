import CPango
import Foundation

/// Where Pango puts lines and characters: the SVG writes each line as text at its baseline, and
/// the PDF's web links cover the characters of an address.
extension TextEngine {
    /// The lines Pango makes of `text` at `width`: each line's text, its left edge and its
    /// baseline, relative to the layout's top-left corner.
    public func lines(_ text: String, _ font: FontSpec, width: Double?, alignment: TextAlignment) -> [(text: String, x: Double, baseline: Double)] {
        let l = kept(text, font, width: width, alignment: alignment)
        guard let iter = pango_layout_get_iter(l) else { return [] }
        defer { pango_layout_iter_free(iter) }
        let bytes = Array(text.utf8), scale = Double(PANGO_SCALE)
        var out: [(text: String, x: Double, baseline: Double)] = []
        repeat {
            guard let line = pango_layout_iter_get_line_readonly(iter) else { continue }
            let start = Int(line.pointee.start_index), end = min(bytes.count, start + Int(line.pointee.length))
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, nil, &logical)
            let s = Self.trimmingNewlines(String(decoding: bytes[start..<max(start, end)], as: UTF8.self))
            if !s.isEmpty { out.append((s, Double(logical.x) / scale, Double(pango_layout_iter_get_baseline(iter)) / scale)) }
        } while pango_layout_iter_next_line(iter) != 0
        return out
    }

    /// `s` without the line breaks at its ends (those of `CharacterSet.newlines`), as Foundation's
    /// `trimmingCharacters(in: .newlines)` gives it, which bridged every line through NSString
    /// (1 % of the 153-pack batch, for lines that mostly end in no break at all).
    static func trimmingNewlines(_ s: String) -> String {
        func isBreak(_ c: Unicode.Scalar) -> Bool { (0x0A...0x0D).contains(c.value) || c.value == 0x85 || c.value == 0x2028 || c.value == 0x2029 }
        let scalars = s.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isBreak(first) || isBreak(last) else { return s }
        var view = scalars[...]
        while let c = view.first, isBreak(c) { view.removeFirst() }
        while let c = view.last, isBreak(c) { view.removeLast() }
        return String(view)
    }

    /// The areas, one per line, that `range` of `text` covers when wrapped at `width`, relative
    /// to the layout's top-left corner (where `draw` puts it).
    public func areas(of range: Range<String.Index>, in text: String, _ font: FontSpec, width: Double?, alignment: TextAlignment) -> [Rect] {
        let l = layout(in: measuring, text, font, width: width, alignment: alignment)
        defer { g_object_unref(UnsafeMutableRawPointer(l)) }
        var lines: [(y: Double, height: Double, x0: Double, x1: Double)] = []
        var offset = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
        let scale = Double(PANGO_SCALE)
        for scalar in text[range].unicodeScalars {
            var pos = PangoRectangle()
            pango_layout_index_to_pos(l, Int32(offset), &pos)
            let x0 = Double(min(pos.x, pos.x + pos.width)) / scale, x1 = Double(max(pos.x, pos.x + pos.width)) / scale
            let y = Double(pos.y) / scale, h = Double(pos.height) / scale
            if let i = lines.firstIndex(where: { abs($0.y - y) < 0.01 }) {
                lines[i].x0 = min(lines[i].x0, x0); lines[i].x1 = max(lines[i].x1, x1)
            } else {
                lines.append((y, h, x0, x1))
            }
            offset += String(scalar).utf8.count
        }
        return lines.map { Rect(x: $0.x0, y: $0.y, width: $0.x1 - $0.x0, height: $0.height) }
    }
}
