import BriefingZlib
import CCairo
@testable import CairoKit
import Foundation
@testable import Rendering
import Testing
import TestTools

extension DecodedPNG {
    /// A pixel inside the image, as a `Colour`.
    func pixel(_ x: Int, _ y: Int) -> Colour { pixel(x, y, as: Colour.init)! }
}

extension CairoSurface {
    /// Cairo's own PNG reader, so a test can check that another reader agrees.
    static func png(path: String) throws -> CairoSurface {
        try CairoSurface(pointer: cairo_image_surface_create_from_png(path)!, sink: nil)
    }

    /// The colour of one pixel of an RGB24 image surface, read from Cairo's own buffer.
    func pixel(x: Int, y: Int) -> Colour? {
        cairo_surface_flush(pointer)
        let w = Int(cairo_image_surface_get_width(pointer)), h = Int(cairo_image_surface_get_height(pointer))
        guard x >= 0, y >= 0, x < w, y < h, let base = cairo_image_surface_get_data(pointer) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(pointer))
        let p = base.advanced(by: y * stride + x * 4).withMemoryRebound(to: UInt32.self, capacity: 1) { $0.pointee }
        return Colour(red: UInt8(p >> 16 & 0xFF), green: UInt8(p >> 8 & 0xFF), blue: UInt8(p & 0xFF))
    }
}

@Suite struct PNGEncoding {
    static let red = Colour(hex: "#D4351C")!, blue = Colour(hex: "#1D70B8")!, odd = Colour(hex: "#123456")!

    /// An image of an odd size (rows are not a multiple of 4 bytes) with three known rectangles.
    func surface() throws -> CairoSurface {
        let s = try CairoSurface.image(pixelWidth: 37, pixelHeight: 23)
        let cr = CairoContext(s)
        cr.fill(Rect(x: 0, y: 0, width: 37, height: 23), .white)
        cr.fill(Rect(x: 0, y: 0, width: 10, height: 10), Self.red)
        cr.fill(Rect(x: 20, y: 5, width: 10, height: 10), Self.blue)
        cr.fill(Rect(x: 36, y: 22, width: 1, height: 1), Self.odd)
        return s
    }

    let words = [("Title", "Testborough\u{2019}s grid \u{2014} \u{201C}quoted\u{201D}"), ("Description", "Ūnicode text \u{2713}, with a comma")]

    @Test func aStandardPNGWithTheResolutionAndWords() throws {
        let png = try DecodedPNG(try PNGEncoder.encode(try surface(), dpi: 150, text: words))
        #expect(png.chunks.first?.type == "IHDR" && png.chunks.last?.type == "IEND")
        #expect(png.chunks.map(\.type) == ["IHDR", "PLTE", "pHYs", "iTXt", "iTXt", "IDAT", "IEND"])
        #expect((png.width, png.height) == (37, 23))
        #expect(Array(png.header[8...]) == [8, 3, 0, 0, 0], "8-bit palette, deflate, no filter method, no interlace")
        // The image's four colours, most pixels first.
        #expect(png.palette == [0xFF, 0xFF, 0xFF, 0x1D, 0x70, 0xB8, 0xD4, 0x35, 0x1C, 0x12, 0x34, 0x56])
        let ppm: [UInt8] = [0, 0, 0x17, 0x12]   // 150 dpi = 5906 pixels a metre
        #expect(png.chunks.first { $0.type == "pHYs" }?.body == ppm + ppm + [1])
        #expect(png.texts["Title"]?.text == words[0].1 && png.texts["Title"]?.language == "en-GB")
        #expect(png.texts["Description"]?.text == words[1].1)
    }

    @Test func everyPixelIsTheSurfaces() throws {
        let s = try surface()
        let png = try DecodedPNG(try PNGEncoder.encode(s, dpi: 72))
        for y in 0..<23 { for x in 0..<37 { #expect(png.pixel(x, y) == s.pixel(x: x, y: y), "(\(x), \(y))") } }
        #expect(png.pixel(3, 3) == Self.red && png.pixel(25, 10) == Self.blue && png.pixel(36, 22) == Self.odd && png.pixel(15, 20) == .white)
    }

    /// The writing pass fills runs of one colour noted while counting colours: a run that goes on
    /// from one row into the next (width 3, under the eight pixels passed over at once, and 301,
    /// over it), and a checkerboard of one-pixel runs (about 60,000 at width 301, more than the
    /// first block of runs holds), are written pixel for pixel.
    @Test(arguments: [3, 301]) func runsAcrossRowsAndManyRuns(width: Int) throws {
        let s = try CairoSurface.image(pixelWidth: width, pixelHeight: 300)
        let cr = CairoContext(s)
        cr.fill(Rect(x: 0, y: 0, width: Double(width), height: 300), .white)
        // Rows 0-99: white, then one red pixel part-way along row 40; rows 100-299: a checkerboard.
        cr.fill(Rect(x: 1, y: 40, width: 1, height: 1), Self.red)
        for y in 100..<300 { for x in 0..<width where (x + y) % 2 == 0 { cr.fill(Rect(x: Double(x), y: Double(y), width: 1, height: 1), Self.blue) } }
        let png = try DecodedPNG(try PNGEncoder.encode(s, dpi: 72))
        var wrong = 0
        for y in 0..<300 { for x in 0..<width where png.pixel(x, y) != s.pixel(x: x, y: y) { wrong += 1 } }
        #expect(wrong == 0, "\(wrong) pixels differ")
        #expect(png.pixel(1, 40) == Self.red && png.pixel(0, 100) == Self.blue && png.pixel(1, 100) == .white && png.pixel(width - 1, 99) == .white)
    }

    /// Cairo's own PNG reader and `file` read the same file: the output is no private dialect.
    @Test func otherReadersAgree() throws {
        let s = try surface()
        let path = try makeTemporaryFolder() + "/test.png"
        try PNGEncoder.encode(s, dpi: 150, text: words).write(to: URL(fileURLWithPath: path))
        let back = try CairoSurface.png(path: path)
        #expect(back.pixelSize.width == 37 && back.pixelSize.height == 23)
        for y in 0..<23 { for x in 0..<37 where back.pixel(x: x, y: y) != s.pixel(x: x, y: y) { Issue.record("(\(x), \(y)) differs") } }
        #expect(try tool("file", ["-b", path]).stdout.hasPrefix("PNG image data, 37 x 23, 8-bit colormap, non-interlaced"))
    }

    /// How far apart two colours are in RGB.
    static func distance(_ a: Colour, _ b: Colour) -> Double {
        let dr = Double(a.red) - Double(b.red), dg = Double(a.green) - Double(b.green), db = Double(a.blue) - Double(b.blue)
        return (dr * dr + dg * dg + db * db).squareRoot()
    }

    /// An image of greys only (the greyscale style's charts) is written as 8-bit grey, exactly.
    @Test func greysAreWrittenAsGreyExactly() throws {
        let s = try CairoSurface.image(pixelWidth: 256, pixelHeight: 3)
        let cr = CairoContext(s)
        for x in 0..<256 { cr.fill(Rect(x: Double(x), y: 0, width: 1, height: 3), Colour(red: UInt8(x), green: UInt8(x), blue: UInt8(x))) }
        let png = try DecodedPNG(try PNGEncoder.encode(s, dpi: 72))
        #expect(png.colourType == 0 && png.palette.isEmpty)
        for y in 0..<3 { for x in 0..<256 where png.pixel(x, y) != s.pixel(x: x, y: y) { Issue.record("(\(x), \(y)) differs") } }
    }

    /// More than 256 colours (edges anti-aliased against many fills): a palette of 256 that keeps
    /// every colour covering many pixels exactly and comes close to the rare ones; 8-bit RGB,
    /// exact, when no palette is asked for.
    @Test func manyColoursKeepTheirFillsExactly() throws {
        let s = try CairoSurface.image(pixelWidth: 600, pixelHeight: 40)
        let cr = CairoContext(s)
        cr.fill(Rect(x: 0, y: 0, width: 600, height: 30), .white)
        cr.fill(Rect(x: 0, y: 0, width: 200, height: 30), Self.red)
        cr.fill(Rect(x: 300, y: 0, width: 200, height: 30), Self.blue)
        // 600 shades, one column each, as an edge's anti-aliasing makes.
        for x in 0..<600 { cr.fill(Rect(x: Double(x), y: 30, width: 1, height: 10), Colour(red: UInt8(x % 256), green: UInt8(x * 7 % 256), blue: UInt8(x / 3))) }
        let png = try DecodedPNG(try PNGEncoder.encode(s, dpi: 72))
        #expect(png.colourType == 3 && png.palette.count == 3 * 256)
        for x in [0, 150, 199] { #expect(png.pixel(x, 10) == Self.red) }
        for x in [200, 250, 299, 500, 599] { #expect(png.pixel(x, 29) == .white) }
        for x in [300, 499] { #expect(png.pixel(x, 0) == Self.blue) }
        var worst = 0.0
        for y in 30..<40 { for x in 0..<600 {
            let a = png.pixel(x, y), b = s.pixel(x: x, y: y)!
            worst = max(worst, Self.distance(a, b))
        } }
        #expect(worst <= 40, "an approximated shade is \(worst) away in RGB")
        let rgb = try DecodedPNG(try PNGEncoder.encode(s, dpi: 72, palette: false))
        #expect(rgb.colourType == 2)
        for y in 0..<40 { for x in 0..<600 where rgb.pixel(x, y) != s.pixel(x: x, y: y) { Issue.record("(\(x), \(y)) differs in RGB") } }
    }

    @Test func theSameImageGivesTheSameBytesAtAnyLevel() throws {
        let s = try surface()
        let fast = try PNGEncoder.encode(s, dpi: 150, text: words)
        #expect(fast == (try PNGEncoder.encode(s, dpi: 150, text: words)))
        let small = try PNGEncoder.encode(s, dpi: 150, level: 9, text: words)
        #expect(try DecodedPNG(small).pixels == (try DecodedPNG(fast)).pixels)
    }

    /// A chart through `DocumentRenderer.png`: the figure's title and alt text, the size at the
    /// asked resolution, the style's background at the margin.
    @Test func aFigureAsPNG() throws {
        let style = try ChartFixture.style(), renderer = try ChartFixture.renderer(style)
        let figure = RatingGrid.figure(ChartFixture.grid, style: style, text: renderer.engine, width: renderer.contentWidth)
        let png = try DecodedPNG(try renderer.png(figure, dpi: 100))
        #expect(png.width == Int(((figure.size.width + 24) * 100 / 72).rounded(.up)))
        #expect(png.texts["Title"]?.text == figure.title && png.texts["Description"]?.text == figure.altText)
        #expect(png.pixel(2, 2) == style.colours.background)
        let cell = try #require(figure.box("cell:help-and-protection:i-2023")).rect
        // Just inside the top-right corner: clear of the text and of a pattern swatch at the left edge.
        #expect(png.pixel(Int((12 + cell.maxX - 2.5) * 100 / 72), Int((12 + cell.y + 2.5) * 100 / 72)) == style.grades[.inadequate]!.fill)
    }
}
