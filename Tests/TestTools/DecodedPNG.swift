import BriefingZlib
import Foundation

/// A PNG read back without Cairo: chunks with their CRCs checked, IHDR, pHYs, iTXt, and the
/// pixels from IDAT inflated with zlib and unfiltered: 8-bit grey, RGB or palette, every pixel
/// given as red, green and blue.
public struct DecodedPNG {
    public var chunks: [(type: String, body: [UInt8])] = []
    public var width = 0, height = 0
    public var header: [UInt8] = []
    /// Red, green and blue of each pixel, row by row, whatever the file's colour type.
    public var pixels: [UInt8] = []
    /// The IHDR colour type: 0 grey, 2 RGB, 3 palette.
    public var colourType: UInt8 { header[9] }
    /// The PLTE chunk's colours, as red, green and blue (empty without one).
    public var palette: [UInt8] { chunks.first { $0.type == "PLTE" }?.body ?? [] }

    public init(_ data: Data) throws {
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
        guard header[8] == 8, [0, 2, 3].contains(header[9]) else { throw StructureError("bit depth \(header[8]), colour type \(header[9]): only 8-bit grey, RGB and palette are written") }
        let samples = header[9] == 2 ? 3 : 1
        let rowBytes = 1 + width * samples
        var raw = [UInt8](repeating: 0, count: rowBytes * height + 1)
        var length = uLongf(raw.count)
        guard uncompress(&raw, &length, compressed, uLong(compressed.count)) == Z_OK, Int(length) == rowBytes * height else {
            throw StructureError("IDAT does not inflate to \(height) rows of \(rowBytes) bytes")
        }
        pixels.reserveCapacity(width * height * 3)
        for y in 0..<height {
            guard raw[y * rowBytes] == 0 else { throw StructureError("row \(y) uses filter \(raw[y * rowBytes]); only 0 (none) is written") }
            let row = raw[(y * rowBytes + 1)..<((y + 1) * rowBytes)]
            switch header[9] {
            case 0: for v in row { pixels += [v, v, v] }
            case 3:
                let palette = self.palette
                for i in row {
                    guard 3 * Int(i) + 2 < palette.count else { throw StructureError("row \(y) uses palette entry \(i) of \(palette.count / 3)") }
                    pixels += palette[(3 * Int(i))...(3 * Int(i) + 2)]
                }
            default: pixels += row
            }
        }
    }

    /// The file at `path`.
    public init(path: String) throws { try self.init(try Data(contentsOf: URL(fileURLWithPath: path))) }

    /// One pixel's red, green and blue, made into the caller's colour type (`as: Colour.init`);
    /// nil outside the image.
    public func pixel<C>(_ x: Int, _ y: Int, as make: (_ red: UInt8, _ green: UInt8, _ blue: UInt8) -> C) -> C? {
        guard x >= 0, y >= 0, x < width, y < height else { return nil }
        let o = (y * width + x) * 3
        return make(pixels[o], pixels[o + 1], pixels[o + 2])
    }

    /// `iTXt` keyword → (language, text), for uncompressed entries (flag 0, method 0).
    public var texts: [String: (language: String, text: String)] {
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
