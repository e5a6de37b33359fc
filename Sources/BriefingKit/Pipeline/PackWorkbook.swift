import CXLSXWriter
import Foundation
import Rendering

public enum WorkbookError: Error, CustomStringConvertible {
    case xlsx(String, String)
    /// The workbook could not be written in the temporary folder (a full disk, a size limit):
    /// the system's reason, and exit 74 like any other write, not an internal error.
    case io(String, String)

    public var description: String {
        switch self {
        case let .xlsx(what, why): return "libxlsxwriter could not \(what): \(why)"
        case let .io(path, why): return "\(path): cannot write the workbook in the temporary folder: \(why)"
        }
    }
}

/// Owns one libxlsxwriter workbook; it is written (and freed) by `close`, or freed unwritten in
/// `deinit` when something failed first.
final class XLSXWorkbook {
    private var pointer: UnsafeMutablePointer<lxw_workbook>?
    private var strings: [UnsafeMutablePointer<CChar>] = []

    private let path: String

    init(path: String) throws {
        self.path = path
        guard let p = workbook_new(path) else { throw WorkbookError.xlsx("create \(path)", "out of memory or bad path") }
        pointer = p
    }

    deinit {
        if let pointer { lxw_workbook_free(pointer) }
        strings.forEach { free($0) }
    }

    /// A C string that lives as long as the workbook (document properties keep pointers).
    private func keep(_ s: String) -> UnsafeMutablePointer<CChar> {
        let c = strdup(s)!
        strings.append(c)
        return c
    }

    func setProperties(title: String, author: String, subject: String, keywords: String, created: time_t) throws {
        var p = lxw_doc_properties()
        p.title = keep(title); p.author = keep(author); p.subject = keep(subject); p.keywords = keep(keywords)
        p.created = created
        try check(workbook_set_properties(pointer, &p), "set the document properties")
    }

    func format(bold: Bool = false, size: Double? = nil, wrap: Bool = false) -> UnsafeMutablePointer<lxw_format> {
        let f = workbook_add_format(pointer)!
        if bold { format_set_bold(f) }
        if let size { format_set_font_size(f, size) }
        if wrap { format_set_text_wrap(f) }
        return f
    }

    func sheet(_ name: String) throws -> UnsafeMutablePointer<lxw_worksheet> {
        guard let s = workbook_add_worksheet(pointer, name) else { throw WorkbookError.xlsx("add the sheet \(name)", "bad or repeated name") }
        return s
    }

    func close() throws {
        guard let p = pointer else { return }
        pointer = nil
        errno = 0
        let result = workbook_close(p)
        // libxlsxwriter says only "ZIP_ERRNO"; the system's reason is still in errno.
        let reason = errno
        guard result == LXW_NO_ERROR else {
            if reason != 0 { throw WorkbookError.io(path, String(cString: strerror(reason))) }
            throw WorkbookError.xlsx("write the workbook", String(cString: lxw_strerror(result)))
        }
    }

    func check(_ e: lxw_error, _ what: String) throws {
        guard e == LXW_NO_ERROR else { throw WorkbookError.xlsx(what, String(cString: lxw_strerror(e))) }
    }
}

/// One spreadsheet per pack, laid out as the Analysis Function's guidance for releasing
/// statistics in spreadsheets asks: a cover sheet, a notes sheet and a sheet per chart, each
/// with a short title block and then one table (headers in one row, no merged cells, numbers
/// as numbers, a missing value's reason in its own column).
enum PackWorkbook {
    static func make(pack: PackDefinition, metadata: DocumentMetadata, figures: [Figure], asOf: String, created: Int) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-xlsx-\(UUID().uuidString)")
        guard mkdir(folder.path, 0o700) == 0 else { throw WorkbookError.io(folder.path, String(cString: strerror(errno))) }
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("\(pack.id).xlsx").path
        let book = try XLSXWorkbook(path: path)
        try book.setProperties(title: metadata.title, author: metadata.author, subject: metadata.subject, keywords: metadata.keywords,
                               created: time_t(created))
        let title = book.format(bold: true, size: 14), bold = book.format(bold: true)
        let names = figures.map { String($0.id.prefix(31)) }
        func table(_ ws: UnsafeMutablePointer<lxw_worksheet>, at top: UInt32, _ columns: [String], _ rows: [[TidyTable.Cell]]) throws {
            var widths = columns.map(\.count)
            for (c, name) in columns.enumerated() { try book.check(worksheet_write_string(ws, top, UInt16(c), name, bold), "write a header") }
            for (r, row) in rows.enumerated() {
                for (c, cell) in row.enumerated() {
                    let at = (top + 1 + UInt32(r), UInt16(c))
                    switch cell {
                    case .empty: break
                    case let .number(n): try book.check(worksheet_write_number(ws, at.0, at.1, n, nil), "write a number")
                    case let .text(s):
                        try book.check(worksheet_write_string(ws, at.0, at.1, s, nil), "write a cell")
                        widths[c] = max(widths[c], s.count)
                    }
                }
            }
            for (c, w) in widths.enumerated() { worksheet_set_column(ws, UInt16(c), UInt16(c), Double(min(max(w, 8), 60)) + 2, nil) }
            worksheet_freeze_panes(ws, top + 1, 0)
        }

        let cover = try book.sheet("Cover")
        let lines = [metadata.title, "\(metadata.author). Data as at \(asOf). Protective marking: \(pack.marking).",
                     "This workbook holds the data behind every chart in the pack \(pack.id).pdf, one table a sheet.",
                     "Notes on units, missing values and sources are on the Notes sheet."]
        for (r, line) in lines.enumerated() { try book.check(worksheet_write_string(cover, UInt32(r), 0, line, r == 0 ? title : nil), "write the cover") }
        try table(cover, at: 5, ["Sheet", "Contents"], [[.text("Notes"), .text("Units, missing values and sources")]] +
                  zip(names, figures).map { [.text($0), .text($1.title)] })

        let notes = try book.sheet("Notes")
        try book.check(worksheet_write_string(notes, 0, 0, "Notes", title), "write the notes")
        var rows: [[TidyTable.Cell]] = [
            [.text("Values"), .text("Numbers are plain numbers. The Unit column says when a value is a percentage; counts have no unit.")],
            [.text("Missing values"), .text("A value that was not published, suppressed or not judged is left empty and the Missing reason column says why. It is never zero.")],
            [.text("Notes"), .text("The Note column holds what the PDF shows in brackets, such as how many neighbours had a figure.")],
        ]
        rows += zip(names, figures).map { [.text("Source for \($0)"), .text($1.sourceLine)] }
        try table(notes, at: 2, ["Note", "Text"], rows)

        for (name, f) in zip(names, figures) {
            let ws = try book.sheet(name)
            let tidy = TidyTable(f.table, shape: TidyTable.shapes[f.id])
            try book.check(worksheet_write_string(ws, 0, 0, f.title, title), "write a title")
            try book.check(worksheet_write_string(ws, 1, 0, "This worksheet contains one table. \(f.altText)", nil), "write a description")
            try book.check(worksheet_write_string(ws, 2, 0, f.sourceLine, nil), "write a source")
            try table(ws, at: 4, tidy.columns, tidy.rows)
        }
        try book.close()
        guard let data = FileManager.default.contents(atPath: path) else { throw WorkbookError.io(path, "the written workbook cannot be read back") }
        return data
    }
}
