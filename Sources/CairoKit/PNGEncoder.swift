import CCairo
import BriefingZlib
import Foundation

/// Writes an RGB image surface as PNG with a fast zlib level. Cairo's own writer uses zlib's
/// default level and spends about 25 times as long compressing a page as drawing it; charts are
/// flat colour, so the fastest level costs little in size. The output is a standard PNG (8-bit
/// RGB, no interlace) with a pHYs chunk giving the resolution and an `iTXt` chunk (UTF-8,
/// uncompressed, en-GB) for each of `text`'s keywords, and is the same for the same image.
public enum PNGEncoder {
    public enum EncodeError: Error { case zlib(Int32) }

    public static func encode(_ surface: CairoSurface, dpi: Double, level: Int32 = 1, text: [(keyword: String, value: String)] = []) throws -> Data {
        let s = surface.pointer
        cairo_surface_flush(s)
        let width = Int(cairo_image_surface_get_width(s)), height = Int(cairo_image_surface_get_height(s))
        let stride = Int(cairo_image_surface_get_stride(s))
        guard let base = cairo_image_surface_get_data(s) else { return Data() }
        // Scanlines: a filter byte (0, none) then R, G, B for each pixel.
        let rowBytes = 1 + width * 3
        var raw = [UInt8](repeating: 0, count: rowBytes * height)
        raw.withUnsafeMutableBufferPointer { out in
            for y in 0..<height {
                let row = UnsafeRawPointer(base + y * stride).assumingMemoryBound(to: UInt32.self)
                var o = y * rowBytes + 1
                for x in 0..<width {
                    let p = row[x]
                    out[o] = UInt8(truncatingIfNeeded: p >> 16)
                    out[o + 1] = UInt8(truncatingIfNeeded: p >> 8)
                    out[o + 2] = UInt8(truncatingIfNeeded: p)
                    o += 3
                }
            }
        }
        var compressedLength = compressBound(uLong(raw.count))
        var compressed = [UInt8](repeating: 0, count: Int(compressedLength))
        let status = compress2(&compressed, &compressedLength, raw, uLong(raw.count), level)
        guard status == Z_OK else { throw EncodeError.zlib(status) }

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
        chunk("IHDR", be32(UInt32(width)) + be32(UInt32(height)) + [8, 2, 0, 0, 0])
        let ppm = UInt32((dpi / 0.0254).rounded())
        chunk("pHYs", be32(ppm) + be32(ppm) + [1])
        for (keyword, value) in text {
            // keyword, 0, compression flag 0, method 0, language tag, 0, translated keyword (none), 0, text
            chunk("iTXt", Array(keyword.utf8) + [0, 0, 0] + Array("en-GB".utf8) + [0, 0] + Array(value.utf8))
        }
        chunk("IDAT", Array(compressed[0..<Int(compressedLength)]))
        chunk("IEND", [])
        return png
    }

    static func be32(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
    }
}
