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

    /// The surface's pixels as 0xRRGGBB (Cairo's RGB24 leaves the top byte undefined).
    struct Pixels {
        let base: UnsafeRawPointer
        let width: Int, height: Int, stride: Int

        func row(_ y: Int) -> UnsafePointer<UInt32> { (base + y * stride).assumingMemoryBound(to: UInt32.self) }

        /// Each colour once, how many pixels have it, and the table giving its number; nil when
        /// there are more than 65,535 colours (no chart has; a photograph might). Only colours are
        /// counted here: pixels are numbered as they are written out (`indexed`), which is one pass
        /// over the image less than numbering them here and reading the numbers back.
        func census() -> Census? {
            var colours: [UInt32] = [], counts: [Int] = []
            let table = ColourTable()
            var lookup = table.lookup
            var last: UInt32 = .max, lastNumber = 0, run = 0
            for y in 0..<height {
                let r = row(y)
                var x = 0
                while x < width {
                    // Runs of one colour are the rule in a chart (its background, its fills): eight
                    // pixels of the last colour are passed over at once.
                    if run > 0 && x + 8 <= width && PNGEncoder.eight(r + x, are: last) { run += 8; x += 8; continue }
                    let p = r[x] & 0xFFFFFF
                    x += 1
                    // Look a colour up only when it changes.
                    if p != last {
                        if run > 0 { counts[lastNumber] += run; run = 0 }
                        if let n = lookup.number(of: p) { lastNumber = Int(n) } else {
                            guard colours.count < Int(UInt16.max) else { return nil }
                            lastNumber = colours.count
                            table.insert(p, UInt16(lastNumber))
                            lookup = table.lookup
                            colours.append(p); counts.append(0)
                        }
                        last = p
                    }
                    run += 1
                }
            }
            if run > 0 { counts[lastNumber] += run }
            return Census(colours: colours, counts: counts, table: table)
        }
    }

    /// True when the eight pixels from `p` all have the colour `c` (their top bytes aside, and
    /// `c`'s: it must be a colour seen, not a marker such as `.max`).
    @inline(__always) static func eight(_ p: UnsafePointer<UInt32>, are c: UInt32) -> Bool {
        // As four 64-bit words (two pixels each): Swift's SIMD8 was forty times slower here.
        let q = UnsafeRawPointer(p), two = UInt64(c) | UInt64(c) << 32
        let differ = (q.loadUnaligned(as: UInt64.self) ^ two) | (q.loadUnaligned(fromByteOffset: 8, as: UInt64.self) ^ two)
            | (q.loadUnaligned(fromByteOffset: 16, as: UInt64.self) ^ two) | (q.loadUnaligned(fromByteOffset: 24, as: UInt64.self) ^ two)
        return differ & 0x00FF_FFFF_00FF_FFFF == 0
    }

    /// An image's colours, each once, with their pixel counts and numbers.
    struct Census {
        var colours: [UInt32]
        var counts: [Int]
        let table: ColourTable
    }

    /// An open-addressing hash table from colour to colour number, in memory of its own: it is
    /// asked about every change of colour along every row, and an array's reference counting
    /// cost more than the lookups.
    final class ColourTable {
        private var keys: UnsafeMutablePointer<UInt32>
        private var values: UnsafeMutablePointer<UInt16>
        private var capacity = 1 << 12, used = 0

        init() {
            keys = .allocate(capacity: capacity); keys.initialize(repeating: .max, count: capacity)
            values = .allocate(capacity: capacity); values.initialize(repeating: 0, count: capacity)
        }

        deinit { keys.deallocate(); values.deallocate() }

        @inline(__always) fileprivate static func slot(_ p: UInt32, _ keys: UnsafeMutablePointer<UInt32>, _ capacity: Int) -> Int {
            let mask = capacity - 1
            var i = Int(truncatingIfNeeded: (p &* 0x9E37_79B1) >> 12) & mask
            while keys[i] != .max && keys[i] != p { i = (i + 1) & mask }
            return i
        }

        func number(of p: UInt32) -> UInt16? { lookup.number(of: p) }

        /// The table as it is now, to look colours up in a loop: a plain value, so each lookup
        /// reads no property of the class (each such read is checked for exclusive access, which
        /// cost more than the lookup). Valid until the next `insert`.
        var lookup: Lookup { Lookup(keys: keys, values: values, capacity: capacity) }

        struct Lookup {
            let keys: UnsafeMutablePointer<UInt32>, values: UnsafeMutablePointer<UInt16>, capacity: Int

            @inline(__always) func number(of p: UInt32) -> UInt16? {
                let i = ColourTable.slot(p, keys, capacity)
                return keys[i] == p ? values[i] : nil
            }
        }

        func insert(_ p: UInt32, _ n: UInt16) {
            if (used + 1) * 2 > capacity {
                let (oldKeys, oldValues, oldCapacity) = (keys, values, capacity)
                capacity *= 2
                keys = .allocate(capacity: capacity); keys.initialize(repeating: .max, count: capacity)
                values = .allocate(capacity: capacity); values.initialize(repeating: 0, count: capacity)
                for j in 0..<oldCapacity where oldKeys[j] != .max {
                    let k = Self.slot(oldKeys[j], keys, capacity)
                    keys[k] = oldKeys[j]; values[k] = oldValues[j]
                }
                oldKeys.deallocate(); oldValues.deallocate()
            }
            let i = Self.slot(p, keys, capacity)
            keys[i] = p; values[i] = n; used += 1
        }
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
        let rowBytes = 1 + pixels.width, lookup = census.table.lookup
        let raw = [UInt8](unsafeUninitializedCapacity: rowBytes * pixels.height) { out, count in
            count = rowBytes * pixels.height
            byte.withUnsafeBufferPointer { byte in
                // Starting from the first pixel's colour: `eight` reads only a colour's low 24 bits.
                var last: UInt32 = pixels.height > 0 && pixels.width > 0 ? pixels.row(0)[0] & 0xFFFFFF : 0
                var lastByte: UInt8 = pixels.height > 0 && pixels.width > 0 ? byte[Int(lookup.number(of: last)!)] : 0
                for y in 0..<pixels.height {
                    let r = pixels.row(y), o = y * rowBytes + 1
                    out[o - 1] = 0
                    var x = 0
                    while x < pixels.width {
                        if x + 8 <= pixels.width && eight(r + x, are: last) {
                            (out.baseAddress! + o + x).initialize(repeating: lastByte, count: 8)
                            x += 8; continue
                        }
                        let p = r[x] & 0xFFFFFF
                        if p != last { last = p; lastByte = byte[Int(lookup.number(of: p)!)] }
                        out[o + x] = lastByte
                        x += 1
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
