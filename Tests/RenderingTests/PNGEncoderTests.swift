import BriefingZlib
import Foundation
@testable import Rendering
import Testing
import TestTools

/// A PNG read back without Cairo: chunks with their CRCs checked, IHDR, pHYs, iTXt, and the
/// pixels from IDAT inflated with zlib and unfiltered.
struct DecodedPNG {
    var chunks: [(type: String, body: [UInt8])] = []
    var width = 0, height = 0
    var header: [UInt8] = []
    var pixels: [UInt8] = []

    init(_ data: Data) throws {
        let bytes = [UInt8](data)
        guard bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { throw StructureError("no PNG signature") }
        func be32(_ i: Int) -> Int { Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3]) }
        var i = 8
        while i + 12 <= bytes.count {
            let length = be32(i)
            guard i + 12 + length <= bytes.count else { throw StructureError("a chunk runs past the end") }
            let typeAndBody = Array(bytes[(i + 4)..<(i + 8 + length)])
            let crc = UInt32(crc32(0, typeAndBody, uInt(typeAndBody.count)))
            guard crc == UInt32(be32(i + 8 + length)) else { throw StructureError("bad CRC in chunk at byte \(i)") }
            chunks.append((String(decoding: typeAndBody[0..<4], as: UTF8.self), Array(typeAndBody[4...])))
            i += 12 + length
        }
        guard i == bytes.count else { throw StructureError("\(bytes.count - i) bytes after the last chunk") }
        header = chunks.first { $0.type == "IHDR" }?.body ?? []
        guard header.count == 13 else { throw StructureError("no IHDR") }
        width = Int(header[0]) << 24 | Int(header[1]) << 16 | Int(header[2]) << 8 | Int(header[3])
        height = Int(header[4]) << 24 | Int(header[5]) << 16 | Int(header[6]) << 8 | Int(header[7])
        let compressed = chunks.filter { $0.type == "IDAT" }.flatMap(\.body)
        let rowBytes = 1 + width * 3
        var raw = [UInt8](repeating: 0, count: rowBytes * height + 1)
        var length = uLongf(raw.count)
        guard uncompress(&raw, &length, compressed, uLong(compressed.count)) == Z_OK, Int(length) == rowBytes * height else {
            throw StructureError("IDAT does not inflate to \(height) rows of \(rowBytes) bytes")
        }
        for y in 0..<height {
            guard raw[y * rowBytes] == 0 else { throw StructureError("row \(y) uses filter \(raw[y * rowBytes]); only 0 (none) is written") }
            pixels += raw[(y * rowBytes + 1)..<((y + 1) * rowBytes)]
        }
    }

    func pixel(_ x: Int, _ y: Int) -> Colour {
        let o = (y * width + x) * 3
        return Colour(red: pixels[o], green: pixels[o + 1], blue: pixels[o + 2])
    }

    /// `iTXt` keyword → (language, text), for uncompressed entries (flag 0, method 0).
    var texts: [String: (language: String, text: String)] {
        var out: [String: (String, String)] = [:]
        for c in chunks where c.type == "iTXt" {
            // keyword, 0, flag, method, language, 0, translated keyword, 0, text
            let parts = c.body.split(separator: 0, maxSplits: 5, omittingEmptySubsequences: false)
            guard parts.count == 6, parts[1].isEmpty, parts[2].isEmpty else { continue }
            out[String(decoding: parts[0], as: UTF8.self)] = (String(decoding: parts[3], as: UTF8.self), String(decoding: parts[5], as: UTF8.self))
        }
        return out
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
        #expect(png.chunks.map(\.type) == ["IHDR", "pHYs", "iTXt", "iTXt", "IDAT", "IEND"])
        #expect((png.width, png.height) == (37, 23))
        #expect(Array(png.header[8...]) == [8, 2, 0, 0, 0], "8-bit RGB, deflate, no filter method, no interlace")
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

    /// Cairo's own PNG reader and `file` read the same file: the output is no private dialect.
    @Test func otherReadersAgree() throws {
        let s = try surface()
        let path = try makeTemporaryFolder() + "/test.png"
        try PNGEncoder.encode(s, dpi: 150, text: words).write(to: URL(fileURLWithPath: path))
        let back = try CairoSurface.png(path: path)
        #expect(back.pixelSize.width == 37 && back.pixelSize.height == 23)
        for y in 0..<23 { for x in 0..<37 where back.pixel(x: x, y: y) != s.pixel(x: x, y: y) { Issue.record("(\(x), \(y)) differs") } }
        #expect(try tool("file", ["-b", path]).stdout.hasPrefix("PNG image data, 37 x 23, 8-bit/color RGB, non-interlaced"))
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
