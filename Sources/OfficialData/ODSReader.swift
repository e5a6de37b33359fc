import Diagnostics
import Foundation
import ZIPFoundation

/// One cell of a spreadsheet: text as displayed, plus the typed value when the cell has one.
public struct SheetCell: Sendable, Hashable {
    public var text: String
    /// `office:date-value` of a date cell, e.g. "2023-03-13T00:00:00".
    public var dateValue: String?
    /// The target of a `HYPERLINK(...)` formula or a text link in the cell.
    public var link: String?

    public static let empty = SheetCell(text: "", dateValue: nil, link: nil)
    public var isEmpty: Bool { text.isEmpty && dateValue == nil }
}

/// A sheet's rows, each with its 1-based row number in the spreadsheet (for messages).
public struct Sheet: Sendable {
    public var name: String
    public var rows: [(number: Int, cells: [SheetCell])]
}

/// An OpenDocument spreadsheet read from its ZIP. Every step is bounded, because the file comes
/// from outside: the file is checked to be a regular file that starts as a ZIP before anything
/// else, `content.xml` may declare at most 256 MB and is read no further than it declares (a zip
/// bomb, honest or lying about its size, stops there), and
/// the XML is read by `ODSContent`, which bounds repeat counts, cells and text.
public struct Spreadsheet: Sendable {
    public var sheets: [Sheet]

    public func sheet(_ name: String) -> Sheet? { sheets.first { $0.name == name } }

    /// Larger than any spreadsheet Ofsted publishes (about 1 MB) by far; refuses a wrong file fast.
    public static let maxFileBytes: Int64 = 300_000_000
    /// The most `content.xml` may expand to: a valid 40 MB one reads, a bomb is stopped here.
    public static let maxContentBytes: Int64 = 256_000_000

    public static func readODS(path: String) throws(InputError) -> Spreadsheet {
        let location = SourceLocation(file: path)
        let size = try InputFile.check(path)
        guard size <= maxFileBytes else {
            throw InputError(location, "the file is \(InputFile.megabytes(size)), more than the \(InputFile.megabytes(maxFileBytes)) an ODS spreadsheet may be")
        }
        guard try isZIP(path) else {
            throw InputError(location, "not an ODS spreadsheet: it does not start as a ZIP archive (an .ods file is one)")
        }
        guard try hasEndRecord(path, size: size) else {
            throw InputError(location, "not a readable ODS spreadsheet: the ZIP container is damaged or truncated (no central directory at its end)")
        }
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw InputError(location, "not a readable ODS spreadsheet: the ZIP container is damaged or truncated")
        }
        guard let entry = archive["content.xml"], entry.type == .file else {
            let names = archive.prefix(5).map(\.path).joined(separator: ", ")
            throw InputError(location, "not an ODS spreadsheet, or a damaged one: the ZIP holds no content.xml (entries found: \(names.isEmpty ? "none" : names))")
        }
        guard entry.uncompressedSize <= UInt64(maxContentBytes) else {
            throw InputError(location, "the spreadsheet's content.xml declares \(InputFile.megabytes(Int64(entry.uncompressedSize))), more than the \(InputFile.megabytes(maxContentBytes)) allowed")
        }
        // Reading stops at the size the ZIP declares (at most the cap, checked above): a ZIP that
        // claims 2 KB and inflates to 300 MB is refused after 2 KB, where it once ran on to the
        // 256 MB cap (1.9 s and 285 MB of memory in a debug build).
        let declared = Int64(entry.uncompressedSize)
        struct TooLarge: Error {}
        var xml = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard Int64(xml.count + chunk.count) <= declared else { throw TooLarge() }
                xml.append(chunk)
            }
        } catch is TooLarge {
            throw InputError(location, "the spreadsheet's content.xml holds more than the \(InputFile.megabytes(declared)) its ZIP directory declares, so the file is damaged or hostile (a content.xml may be at most \(InputFile.megabytes(maxContentBytes)))")
        } catch {
            throw InputError(location, "the spreadsheet's content.xml cannot be read: the file is damaged or truncated (\(error))")
        }
        return try parse(xml: xml, file: path)
    }

    /// Parses `content.xml` bytes.
    public static func parse(xml: Data, file: String) throws(InputError) -> Spreadsheet {
        try Spreadsheet(sheets: ODSContent.parse(xml, file: "\(file) (content.xml)"))
    }

    /// True when the last 64 KB hold a ZIP end-of-central-directory record, where the format puts
    /// it. Checked first because ZIPFoundation otherwise searches the whole file for it, byte by
    /// byte: 200 MB of random bytes took 38 s to refuse.
    static func hasEndRecord(_ path: String, size: Int64) throws(InputError) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(SourceLocation(file: path), "cannot open: \(String(cString: strerror(errno)))", kind: .noInput)
        }
        defer { try? handle.close() }
        let tail: Data
        do {
            try handle.seek(toOffset: UInt64(max(0, size - 65_557)))
            tail = try handle.readToEnd() ?? Data()
        } catch {
            throw InputError(SourceLocation(file: path), "reading failed: \(error.localizedDescription)", kind: .io)
        }
        return tail.range(of: Data([0x50, 0x4B, 0x05, 0x06])) != nil
    }

    /// True when the file starts with a ZIP local header, as every ODS does (its first entry is
    /// `mimetype`): random bytes are refused at once instead of being searched for a directory.
    static func isZIP(_ path: String) throws(InputError) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(SourceLocation(file: path), "cannot open: \(String(cString: strerror(errno)))", kind: .noInput)
        }
        defer { try? handle.close() }
        let head: Data
        do { head = try handle.read(upToCount: 4) ?? Data() } catch {
            throw InputError(SourceLocation(file: path), "reading failed: \(error.localizedDescription)", kind: .io)
        }
        return head == Data([0x50, 0x4B, 0x03, 0x04])
    }
}
