import CairoKit
import Foundation
import Testing
import TestTools

/// CairoKit on its own, with no chart, style or record: what the pages rely on from it.
@Suite struct CairoKitAlone {
    let font = FontSpec(families: ["Liberation Sans", "DejaVu Sans"], size: 11)

    @Test func textWrapsToTheWidthItWasMeasuredAtAndDrawsTheSameLines() throws {
        let engine = try TextEngine()
        let text = "Every sentence true, current and traceable; then clear; then fast."
        let narrow = engine.measure(text, font, width: 120)
        #expect(narrow.lineCount > 1)
        #expect(narrow.size.width <= 120)
        #expect(engine.measure(text, font).lineCount == 1)
        // The lines the SVG writes are the lines Pango measured.
        let lines = engine.lines(text, font, width: 120, alignment: .left)
        #expect(lines.count == narrow.lineCount)
        #expect(lines.map { $0.text.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") == text)
        // Lines ended by a break of any kind come without it, as Foundation would trim them.
        let broken = "First line\nsecond\r\nthird\u{2028}fourth\u{2029}\u{85}fifth"
        let parts = engine.lines(broken, font, width: nil, alignment: .left).map(\.text)
        #expect(parts.count >= 5 && parts.first == "First line" && parts.last == "fifth")
        #expect(parts.allSatisfy { $0 == $0.trimmingCharacters(in: .newlines) && !$0.isEmpty })
    }

    /// Kept measurements are keyed by the text's bytes and a font hashed without its names: specs
    /// differing only in family stay apart, and a text measured again (here with curly quotes,
    /// which String hashing would normalise first) gives the kept answer.
    @Test func keptMeasurementsAreKeptApartByFontAndText() throws {
        let serif = FontSpec(families: ["DejaVu Serif"], size: 11), sans = FontSpec(families: ["DejaVu Sans"], size: 11)
        #expect(Set([serif, sans, FontSpec(families: ["DejaVu Serif"], size: 11)]).count == 2)
        #expect(serif.hashValue == FontSpec(families: ["DejaVu Serif"], size: 11).hashValue)
        let engine = try TextEngine()
        let text = "Officers\u{2019} \u{201C}reading\u{201D} \u{2014} a wide line of text"
        let first = engine.measure(text, serif), again = engine.measure(text, serif)
        #expect(first == again)
        #expect(engine.measure(text, sans).size.width != first.size.width, "the sans face is measured, not the serif's kept answer")
    }

    @Test func aSurfaceCairoRefusesIsATypedErrorSayingWhatWasBeingDone() throws {
        #expect(throws: CairoError.self) { _ = try CairoSurface.image(pixelWidth: -1, pixelHeight: 10) }
        do {
            _ = try CairoSurface.image(pixelWidth: 1 << 20, pixelHeight: 1 << 20)
            Issue.record("a million pixels square was accepted")
        } catch let error as CairoError {
            #expect(String(describing: error).hasPrefix("cairo could not create a surface: "))
        }
    }

    @Test func aPNGIsEncodedAtItsResolutionWithItsPixels() throws {
        let surface = try CairoSurface.image(pixelWidth: 40, pixelHeight: 20)
        let cr = CairoContext(surface)
        cr.fill(Rect(x: 0, y: 0, width: 40, height: 20), Colour(red: 255, green: 255, blue: 255))
        cr.fill(Rect(x: 20, y: 0, width: 20, height: 20), Colour(red: 0x1D, green: 0x70, blue: 0xB8))
        let png = try DecodedPNG(try PNGEncoder.encode(surface, dpi: 144, text: [("Title", "Two halves")]))
        #expect(png.width == 40 && png.height == 20)
        #expect(png.pixel(5, 5, as: { [$0, $1, $2] }) == [255, 255, 255])
        #expect(png.pixel(30, 5, as: { [$0, $1, $2] }) == [0x1D, 0x70, 0xB8])
    }

    @Test func aPDFCairoWroteIsReadBackByQPDF() throws {
        let surface = try CairoSurface.pdf(width: 595, height: 842)
        var info = CairoSurface.PDFMetadata()
        info.title = "Two pages"
        surface.setPDFMetadata(info)
        let cr = CairoContext(surface)
        cr.showPage()
        cr.showPage()
        let pdf = try QPDFDocument(try surface.finish())
        #expect(pdf.pageCount == 2)
        try pdf.check()
    }
}
