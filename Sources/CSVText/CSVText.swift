import CSV
import Foundation

/// The project's one CSV writer: CSV.swift's `CSVWriter` (RFC 4180 quoting: a field holding a
/// comma, a double quote, CR or LF is quoted and its quotes doubled), used for the committed
/// official data and for every chart's data file, so the two can never disagree on quoting.
public enum CSVText {
    public enum LineEnd: Sendable { case lf, crlf }

    /// `rows` as CSV, each row ended by `lineEnd` (the last too), optionally after a UTF-8
    /// byte-order mark (which Excel needs to read "Neighbours’" correctly).
    public static func data(_ rows: [[String]], lineEnd: LineEnd = .crlf, byteOrderMark: Bool = false) -> Data {
        let stream = OutputStream(toMemory: ())
        // Writing to memory cannot fail short of running out of memory, so the writer's
        // stream errors are not part of this function's contract.
        do {
            let writer = try CSVWriter(stream: stream, codecType: UTF8.self, delimiter: ",", newline: lineEnd == .lf ? .lf : .crlf)
            for row in rows { try writer.write(row: row) }
        } catch {
            preconditionFailure("writing CSV to memory failed: \(error)")
        }
        stream.close()
        var out = byteOrderMark ? Data([0xEF, 0xBB, 0xBF]) : Data()
        out += stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        if !rows.isEmpty { out += Data((lineEnd == .lf ? "\n" : "\r\n").utf8) }
        return out
    }
}
