import Foundation
import CairoKit
@testable import Rendering
import Testing

/// SVG and HTML numbers are written by arithmetic, not printf: each must be what `%.2f` (less
/// trailing zeros) would write, and colours what `%02X` would.
@Suite struct SVGNumbers {
    @Test func numbersAreWhatPrintfWrites() {
        var values: [Double] = [0, -0.0, 0.004, -0.004, 0.005, -0.005, 0.125, 0.145, 0.285, 1.005, 2.675, 12.5, 12, 99.995, 595.276,
                                841.89, -3.1, 1e8 + 0.125, 1e12, -1e12, 123456.789, .ulpOfOne, 0.1 + 0.2]
        // Coordinates as charts make them: sums and products of points, and thousandths (the same every run).
        for i in 0..<20_000 { values.append(Double(i % 4001 - 2000) * 0.7316 + Double(i) / 7919) }
        for i in 0..<5_000 { values.append(Double(i * 37 % 400_001 - 200_000) / 1000) }
        for v in values { #expect(SVGWriter.number(v) == SVGWriter.printed(v), "\(v)") }
        #expect(SVGWriter.number(-0.001) == "0" && SVGWriter.number(3.10) == "3.1" && SVGWriter.number(7.0) == "7" && SVGWriter.number(0.07) == "0.07")
    }

    @Test func coloursAreWhatPrintfWrites() {
        for (r, g, b) in [(0, 0, 0), (255, 255, 255), (29, 112, 184), (212, 53, 28), (10, 11, 12)] {
            let c = Colour(red: UInt8(r), green: UInt8(g), blue: UInt8(b))
            #expect(c.hex == String(format: "#%02X%02X%02X", r, g, b))
        }
    }
}

/// A chart's SVG names its font family once, on the `<svg>` element, for every text to inherit;
/// only a text in another family names its own (the family was a third of every SVG).
@Suite struct SVGFontFamilies {
    @Test func theFirstFamilyIsNamedOnceAndAnotherWhereItIsUsed() throws {
        let engine = try TextEngine()
        let placer = TextPlacer(engine: engine)
        let sans = FontSpec(families: ["Liberation Sans", "DejaVu Sans"], size: 9)
        let serif = FontSpec(families: ["DejaVu Serif"], size: 9)
        let marks: [Mark] = [
            .text(placer.place("One", sans, colour: .black, x: 0, y: 0, width: 100)),
            .text(placer.place("Two", sans.with(bold: true), colour: .black, x: 0, y: 20, width: 100)),
            .text(placer.place("Three", serif, colour: .black, x: 0, y: 40, width: 100)),
        ]
        let svg = SVGWriter.inline(marks, box: Rect(x: 0, y: 0, width: 100, height: 60), id: "c", title: "T", desc: "D", engine: engine)
        let root = try #require(svg.split(separator: "\n").first)
        #expect(root.contains("font-family=\"'Liberation Sans', 'DejaVu Sans', sans-serif\""), "\(root)")
        #expect(svg.components(separatedBy: "font-family=").count == 3, "once on the root, once for the serif text: \(svg)")
        #expect(svg.contains("font-family=\"'DejaVu Serif', sans-serif\""), "\(svg)")
        #expect(svg.contains("\" font-weight=\"bold\">Two</text>"), "the bold text inherits the family, size and colour: \(svg)")
    }

    /// The size and colour most texts share are set once, on the group of marks; a text in
    /// another size or colour names its own, and the rendering is the same as with every text
    /// naming its own (checked with rsvg-convert on every chart when this was made).
    @Test func theCommonSizeAndColourAreSetOnceOnTheGroup() throws {
        let engine = try TextEngine()
        let placer = TextPlacer(engine: engine)
        let body = FontSpec(families: ["Liberation Sans"], size: 9), heading = FontSpec(families: ["Liberation Sans"], size: 14)
        let grey = Colour(red: 0x4A, green: 0x4A, blue: 0x4A)
        let marks: [Mark] = [
            .text(placer.place("Title", heading, colour: .black, x: 0, y: 0, width: 200)),
            .text(placer.place("One", body, colour: grey, x: 0, y: 20, width: 200)),
            .text(placer.place("Two", body, colour: grey, x: 0, y: 40, width: 200)),
        ]
        let svg = SVGWriter.inline(marks, box: Rect(x: 0, y: 0, width: 200, height: 60), id: "c", title: "T", desc: "D", engine: engine)
        #expect(svg.contains("<g font-size=\"9\" fill=\"#4A4A4A\">"), "\(svg)")
        #expect(svg.contains("font-size=\"14\" fill=\"#000000\">Title</text>"), "\(svg)")
        #expect(svg.contains("\">One</text>") && !svg.contains("fill=\"#4A4A4A\">One"), "\(svg)")
        #expect(svg.hasSuffix("</g>\n</svg>"))
    }
}
