import Diagnostics
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
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

/// An OpenDocument spreadsheet read from its ZIP: `content.xml` is parsed as a stream of XML
/// events, repeated rows and cells are expanded only up to the last one holding a value (the
/// published file repeats empty rows a million times and empty cells sixteen thousand times).
public struct Spreadsheet: Sendable {
    public var sheets: [Sheet]

    public func sheet(_ name: String) -> Sheet? { sheets.first { $0.name == name } }

    public static func readODS(path: String) throws(InputError) -> Spreadsheet {
        let location = SourceLocation(file: path)
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            throw InputError(location, exists ? "not a readable ODS spreadsheet: the ZIP container is damaged or truncated" : "file not found")
        }
        guard let entry = archive["content.xml"] else {
            throw InputError(location, "not an ODS spreadsheet: the ZIP holds no content.xml")
        }
        var xml = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { xml.append($0) }
        } catch {
            throw InputError(location, "the spreadsheet's content.xml cannot be read: the file is damaged or truncated (\(error))")
        }
        return try parse(xml: xml, file: path)
    }

    /// Parses `content.xml` bytes.
    public static func parse(xml: Data, file: String) throws(InputError) -> Spreadsheet {
        let parser = XMLParser(data: xml)
        let delegate = ContentHandler()
        parser.delegate = delegate
        parser.shouldProcessNamespaces = false
        if !parser.parse() {
            let line = parser.lineNumber, column = parser.columnNumber
            throw InputError(SourceLocation(file: "\(file) (content.xml)", line: line, column: column),
                             "the spreadsheet XML is malformed: \(parser.parserError.map { "\($0)" } ?? "parse error")")
        }
        return Spreadsheet(sheets: delegate.sheets)
    }
}

/// SAX handler for ODS `content.xml`.
private final class ContentHandler: NSObject, XMLParserDelegate {
    static let maxRepeat = 1000

    var sheets: [Sheet] = []
    private var sheetName: String?
    private var rows: [(number: Int, cells: [SheetCell])] = []
    private var rowNumber = 0
    private var rowRepeat = 1
    private var cells: [SheetCell] = []
    private var cell: SheetCell?
    private var cellRepeat = 1
    private var paragraphs: [String] = []
    private var text = ""
    private var inParagraph = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "table:table":
            sheetName = attributes["table:name"] ?? "Sheet\(sheets.count + 1)"
            rows = []
            rowNumber = 0
        case "table:table-row":
            cells = []
            rowRepeat = Int(attributes["table:number-rows-repeated"] ?? "1") ?? 1
        case "table:table-cell", "table:covered-table-cell":
            cellRepeat = Int(attributes["table:number-columns-repeated"] ?? "1") ?? 1
            var link: String?
            if let formula = attributes["table:formula"], let r = formula.range(of: "HYPERLINK(\"") {
                let rest = formula[r.upperBound...]
                if let end = rest.firstIndex(of: "\"") { link = String(rest[..<end]) }
            }
            cell = SheetCell(text: "", dateValue: attributes["office:date-value"], link: link)
            paragraphs = []
        case "text:p":
            inParagraph = true
            text = ""
        case "text:s":
            text += String(repeating: " ", count: Int(attributes["text:c"] ?? "1") ?? 1)
        case "text:tab":
            text += "\t"
        case "text:line-break":
            text += "\n"
        case "text:a":
            if cell?.link == nil { cell?.link = attributes["xlink:href"] }
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inParagraph { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "text:p":
            paragraphs.append(text)
            inParagraph = false
        case "table:table-cell", "table:covered-table-cell":
            guard var c = cell else { return }
            c.text = paragraphs.joined(separator: "\n").trimmingCharacters(in: .whitespaces)
            // Repeats are capped; trailing empty cells are dropped when the row ends.
            let n = min(cellRepeat, Self.maxRepeat)
            for _ in 0..<n { cells.append(c) }
            cell = nil
        case "table:table-row":
            while let last = cells.last, last.isEmpty { cells.removeLast() }
            if cells.isEmpty {
                rowNumber += rowRepeat
            } else {
                for _ in 0..<min(rowRepeat, Self.maxRepeat) {
                    rowNumber += 1
                    rows.append((rowNumber, cells))
                }
            }
        case "table:table":
            sheets.append(Sheet(name: sheetName ?? "", rows: rows))
            sheetName = nil
        default:
            break
        }
    }
}
