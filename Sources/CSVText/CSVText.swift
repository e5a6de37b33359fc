import Foundation

/// The project's one CSV writer, for the committed official data and for every chart's data file,
/// so the two can never disagree on quoting: RFC 4180, as CSV.swift's `CSVWriter` writes it (a
/// field holding a comma, a double quote, CR or LF is quoted and its quotes doubled; a test
/// checks the two give the same bytes). CSV.swift still reads every CSV; its writer is not used
/// because it searches each field five times with Foundation and writes scalar by scalar to a
/// stream, which cost 3 % of the 153-pack batch's time (0.7 s of CPU) for files of a few rows.
/// With no package behind it, this module also no longer waits for CSV.swift in a cold build.
public enum CSVText {
    public enum LineEnd: Sendable { case lf, crlf }

    /// `rows` as CSV, each row ended by `lineEnd` (the last too), optionally after a UTF-8
    /// byte-order mark (which Excel needs to read "Neighbours’" correctly).
    public static func data(_ rows: [[String]], lineEnd: LineEnd = .crlf, byteOrderMark: Bool = false) -> Data {
        var out: [UInt8] = byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        out.reserveCapacity(rows.count * 64)
        for row in rows {
            for (i, field) in row.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                append(field, to: &out)
            }
            if lineEnd == .crlf { out.append(UInt8(ascii: "\r")) }
            out.append(UInt8(ascii: "\n"))
        }
        return Data(out)
    }

    /// One field, quoted when it must be.
    static func append(_ field: String, to out: inout [UInt8]) {
        let bytes = field.utf8
        let quote = UInt8(ascii: "\"")
        guard bytes.contains(where: { $0 == quote || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") }) else {
            out.append(contentsOf: bytes)
            return
        }
        out.append(quote)
        for b in bytes {
            if b == quote { out.append(quote) }
            out.append(b)
        }
        out.append(quote)
    }
}
