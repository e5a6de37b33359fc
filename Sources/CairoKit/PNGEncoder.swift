import CCairo
import BriefingZlib
import CDeflate
import Foundation

/// Writes an RGB image surface as PNG. Cairo's own writer uses zlib's default level on 8-bit RGB
/// and spends about 25 times as long compressing a chart as drawing it. Charts are a few flat
/// colours and the anti-aliased edges between them, so this writer stores one byte a pixel:
///
/// - 8-bit grey when every pixel is grey (the greyscale style): exact.
/// - a palette of the image's own colours when it has at most 256: exact.
/// - otherwise (text and lines anti-aliased against several colours give 400 to 2,500) a
///   256-colour palette that keeps every colour covering many pixels exactly (fills, text, lines,
///   the background) and approximates the rarest shades, which lie on the edges of shapes: a
///   pixel of an edge may be a shade or two off, never a fill, and at 150 dpi no reader can see
///   it. Councillors and officers paste these charts into papers that are printed, so the
///   resolution stays at 150 dpi; the palette halves the files instead (the Liverpool scrutiny
///   pack's eight charts: 2.0 MB as 8-bit RGB at zlib level 1, 1.0 MB with the palette at level
///   3, which also compresses in two thirds of the time, 0.88 MB with libdeflate, see `Deflater`).
/// - 8-bit RGB when `palette` is false or the image has more than 65,535 colours.
///
/// The file is a standard PNG (no interlace, filter 0 on every row) with a pHYs chunk giving the
/// resolution and an `iTXt` chunk (UTF-8, uncompressed, en-GB) for each of `text`'s keywords,
/// and is the same for the same image.
public enum PNGEncoder {
    public enum EncodeError: Error { case deflate(String) }

    public static func encode(_ surface: CairoSurface, dpi: Double, level: Int32 = 6, palette: Bool = true,
                              text: [(keyword: String, value: String)] = []) throws -> Data {
        let s = surface.pointer
        cairo_surface_flush(s)
        let width = Int(cairo_image_surface_get_width(s)), height = Int(cairo_image_surface_get_height(s))
        let stride = Int(cairo_image_surface_get_stride(s))
        guard let base = cairo_image_surface_get_data(s) else { return Data() }
        let pixels = Pixels(base: UnsafeRawPointer(base), width: width, height: height, stride: stride)
        let image = (palette ? pixels.census().map { Self.indexed(pixels, $0) } : nil) ?? Self.rgb(pixels)

        let compressed = try Deflater(level: level).zlib(image.rows)

        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        func chunk(_ type: String, _ body: [UInt8]) {
            let typeBytes = Array(type.utf8)
            png.append(contentsOf: be32(UInt32(body.count)))
            var crc = crc32(0, typeBytes, uInt(typeBytes.count))
            if !body.isEmpty { crc = crc32(crc, body, uInt(body.count)) }
            png.append(contentsOf: typeBytes)
            png.append(contentsOf: body)
            png.append(contentsOf: be32(UInt32(crc)))
        }
        chunk("IHDR", be32(UInt32(width)) + be32(UInt32(height)) + [8, image.colourType, 0, 0, 0])
        if !image.palette.isEmpty {
            var entries: [UInt8] = []
            for colour: UInt32 in image.palette { entries += [UInt8(colour >> 16 & 0xFF), UInt8(colour >> 8 & 0xFF), UInt8(colour & 0xFF)] }
            chunk("PLTE", entries)
        }
        let ppm = UInt32((dpi / 0.0254).rounded())
        chunk("pHYs", be32(ppm) + be32(ppm) + [1])
        for (keyword, value) in text {
            // keyword, 0, compression flag 0, method 0, language tag, 0, translated keyword (none), 0, text
            chunk("iTXt", Array(keyword.utf8) + [0, 0, 0] + Array("en-GB".utf8) + [0, 0] + Array(value.utf8))
        }
        chunk("IDAT", compressed)
        chunk("IEND", [])
        return png
    }

    static func be32(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
    }

    /// Scanlines ready to compress: each a filter byte (0, none) then the row's samples, and
    /// the PNG colour type (0 grey, 2 RGB, 3 palette) with the palette when there is one.
    struct Encoded {
        var colourType: UInt8
        var palette: [UInt32] = []
        var rows: [UInt8]
    }

    /// 8-bit RGB, every pixel as it is.
    static func rgb(_ pixels: Pixels) -> Encoded {
        let rowBytes = 1 + pixels.width * 3
        var raw = [UInt8](repeating: 0, count: rowBytes * pixels.height)
        raw.withUnsafeMutableBufferPointer { out in
            for y in 0..<pixels.height {
                let row = pixels.row(y)
                var o = y * rowBytes + 1
                for x in 0..<pixels.width {
                    let p = row[x]
                    out[o] = UInt8(truncatingIfNeeded: p >> 16)
                    out[o + 1] = UInt8(truncatingIfNeeded: p >> 8)
                    out[o + 2] = UInt8(truncatingIfNeeded: p)
                    o += 3
                }
            }
        }
        return Encoded(colourType: 2, rows: raw)
    }

    /// One byte a pixel: grey when every colour is grey, else an index into `ColourPalette`'s choice.
    static func indexed(_ pixels: Pixels, _ census: Census) -> Encoded {
        let grey = census.colours.allSatisfy { ($0 >> 16) & 0xFF == $0 & 0xFF && ($0 >> 8) & 0xFF == $0 & 0xFF }
        let palette = grey ? [] : ColourPalette.choose(census.colours, counts: census.counts)
        // What each colour number becomes: its grey level, or its palette entry.
        let byte: [UInt8] = grey ? census.colours.map { UInt8($0 & 0xFF) } : ColourPalette.nearest(census.colours, in: palette)
        let width = pixels.width, rowBytes = 1 + width, runs = census.runs
        let raw = [UInt8](unsafeUninitializedCapacity: rowBytes * pixels.height) { out, count in
            count = rowBytes * pixels.height
            guard count > 0 else { return }
            // Rows of no pixels are their filter bytes alone.
            guard width > 0 else { out.initialize(repeating: 0); return }
            withExtendedLifetime(runs) {
                byte.withUnsafeBufferPointer { byte in
                    // Each run filled at once, cut where a row ends: `row` is the row's filter byte (0).
                    let end = out.baseAddress! + count
                    var row = out.baseAddress!, x = 0
                    row[0] = 0
                    let numbers = runs.numbers, lengths = runs.lengths
                    for r in 0..<runs.count {
                        let b = byte[Int(numbers[r])]
                        var n = Int(lengths[r])
                        while n > 0 {
                            let k = min(n, width - x)
                            (row + 1 + x).initialize(repeating: b, count: k)
                            x += k; n -= k
                            if x == width {
                                x = 0; row += rowBytes
                                if row < end { row[0] = 0 }
                            }
                        }
                    }
                }
            }
        }
        return Encoded(colourType: grey ? 0 : 3, palette: palette, rows: raw)
    }
}

/// Owns one libdeflate compressor (freed in `deinit`). libdeflate compresses a whole buffer at
/// once, which is all a PNG's image data needs, and at its level 6 writes chart scanlines 14 %
/// smaller than zlib's level 3 in less time (the Liverpool scrutiny pack's eight charts: 0.88 MB
/// in 33 ms against 1.02 MB in 40 ms); the stream is standard zlib, as PNG requires.
final class Deflater {
    private let compressor: OpaquePointer

    init(level: Int32) throws {
        guard let c = libdeflate_alloc_compressor(level) else { throw PNGEncoder.EncodeError.deflate("no compressor at level \(level)") }
        compressor = c
    }

    deinit { libdeflate_free_compressor(compressor) }

    /// `bytes` as one zlib stream.
    func zlib(_ bytes: [UInt8]) throws -> [UInt8] {
        let bound = libdeflate_zlib_compress_bound(compressor, bytes.count)
        var out = [UInt8](repeating: 0, count: bound)
        let n = bytes.withUnsafeBytes { input in
            out.withUnsafeMutableBytes { libdeflate_zlib_compress(compressor, input.baseAddress, input.count, $0.baseAddress, bound) }
        }
        guard n > 0 else { throw PNGEncoder.EncodeError.deflate("the image did not fit the compressor's bound") }
        out.removeSubrange(n...)
        return out
    }
}
