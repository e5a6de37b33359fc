import CSV
import CSVText
import Foundation
import Testing

/// `CSVText` writes CSV itself (CSV.swift's writer cost 3 % of the batch); it must write what
/// CSV.swift's `CSVWriter` writes, byte for byte, or the committed data would change under it.
@Suite struct CSVWriterAgreement {
    static let awkward: [[String]] = [
        ["Authority", "Rate", "Note"],
        ["Liverpool", "102.5", "plain"],
        ["Bristol, City of", "7,550", "comma in both"],
        ["Quote \"inside\"", "\"", "lone quote"],
        ["two\nlines", "cr\rhere", "crlf\r\nthere"],
        ["", "", ""],
        ["Neighbours’ average", "é ü ß – —", "🙂 emoji"],
        ["trailing space ", " leading", "\"\""],
    ]

    /// What CSV.swift's writer gives for the same rows, with CSVText's final line end.
    static func reference(_ rows: [[String]], newline: CSVWriter.Newline) throws -> Data {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, codecType: UTF8.self, delimiter: ",", newline: newline)
        for row in rows { try writer.write(row: row) }
        stream.close()
        var out = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        out += Data((newline == .lf ? "\n" : "\r\n").utf8)
        return out
    }

    @Test func sameBytesAsCSVSwiftWithEitherLineEnd() throws {
        #expect(CSVText.data(Self.awkward, lineEnd: .crlf) == (try Self.reference(Self.awkward, newline: .crlf)))
        #expect(CSVText.data(Self.awkward, lineEnd: .lf) == (try Self.reference(Self.awkward, newline: .lf)))
    }

    @Test func quotedFieldsReadBackAsWritten() throws {
        let text = String(decoding: CSVText.data(Self.awkward, lineEnd: .crlf), as: UTF8.self)
        let reader = try CSVReader(string: text)
        var read: [[String]] = []
        while let row = reader.next() { read.append(row) }
        #expect(read == Self.awkward)
    }

    @Test func byteOrderMarkComesFirst() {
        let data = CSVText.data([["a"]], byteOrderMark: true)
        #expect(Array(data) == [0xEF, 0xBB, 0xBF, UInt8(ascii: "a"), 13, 10])
    }
}
