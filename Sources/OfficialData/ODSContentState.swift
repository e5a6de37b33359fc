import Diagnostics
import Foundation

/// What the ODS reader has built so far, and the bounds it keeps while building it. Repeated
/// rows and cells are expanded only up to the last one holding a value (the published file
/// repeats empty rows a million times and empty cells sixteen thousand times).
struct ContentState {
    let file: String
    /// Where the reader is, for messages.
    var at: SourceLocation
    var sheets: [Sheet] = []
    var inParagraph = false
    var depthInTable = 0

    private var sheetName: String?
    private var rows: [(number: Int, cells: [SheetCell])] = []
    private var rowNumber = 0
    private var rowRepeat = 1
    private var cells: [SheetCell] = []
    /// Columns the row has passed, including empty cells not (yet) kept.
    private var column = 0
    private var pendingEmpty = 0
    private var cell: SheetCell?
    private var cellRepeat = 1
    private var paragraphs: [String] = []
    private var text = ""
    private var cellsKept = 0
    private var textBytes = 0

    init(file: String) {
        self.file = file
        self.at = SourceLocation(file: file)
    }

    func damaged(_ why: String) -> InputError {
        InputError(at, "the spreadsheet is damaged: \(why)")
    }

    /// A repeat count: a whole number from 1 to `max`, anything else a located error.
    func count(_ raw: String?, _ attribute: String, max: Int) throws(InputError) -> Int {
        guard let raw else { return 1 }
        guard let n = Int(raw.trimmingCharacters(in: .whitespaces)), n >= 1, n <= max else {
            throw damaged("\(attribute)=\"\(raw.prefix(40))\" should be a whole number from 1 to \(max)")
        }
        return n
    }

    mutating func start(_ name: String, attribute: (String) -> String?) throws(InputError) {
        switch name {
        case "table:table":
            sheetName = attribute("table:name") ?? "Sheet\(sheets.count + 1)"
            rows = []
            rowNumber = 0
            depthInTable += 1
        case "table:table-row":
            cells = []
            column = 0
            pendingEmpty = 0
            rowRepeat = try count(attribute("table:number-rows-repeated"), "table:number-rows-repeated", max: ODSContent.maxRowRepeat)
        case "table:table-cell", "table:covered-table-cell":
            cellRepeat = try count(attribute("table:number-columns-repeated"), "table:number-columns-repeated", max: ODSContent.maxColumns)
            var link: String?
            if let formula = attribute("table:formula"), let r = formula.range(of: "HYPERLINK(\"") {
                let rest = formula[r.upperBound...]
                if let end = rest.firstIndex(of: "\"") { link = String(rest[..<end]) }
            }
            cell = SheetCell(text: "", dateValue: attribute("office:date-value"), link: link)
            paragraphs = []
        case "text:p":
            inParagraph = true
            text = ""
        case "text:s":
            try addText(String(repeating: " ", count: count(attribute("text:c"), "text:c", max: ODSContent.maxSpaces)))
        case "text:tab":
            try addText("\t")
        case "text:line-break":
            try addText("\n")
        case "text:a":
            if cell?.link == nil { cell?.link = attribute("xlink:href") }
        default:
            break
        }
    }

    mutating func addText(_ s: String) throws(InputError) {
        guard inParagraph else { return }
        textBytes += s.utf8.count
        guard textBytes <= ODSContent.maxTextBytes else {
            throw damaged("the cells hold more than \(ODSContent.maxTextBytes / 1_000_000) MB of text")
        }
        text += s
    }

    mutating func end(_ name: String) throws(InputError) {
        switch name {
        case "text:p":
            if inParagraph { paragraphs.append(text) }
            inParagraph = false
        case "table:table-cell", "table:covered-table-cell":
            guard var c = cell else { return }
            c.text = paragraphs.joined(separator: "\n").trimmingCharacters(in: .whitespaces)
            cell = nil
            column += cellRepeat
            guard column <= ODSContent.maxColumns else {
                throw damaged("row \(rowNumber + 1) has more than \(ODSContent.maxColumns) columns")
            }
            // Empty cells are counted, and kept only once a value follows them.
            if c.isEmpty && c.link == nil { pendingEmpty += cellRepeat; return }
            try keep(pendingEmpty + cellRepeat)
            cells += Array(repeating: SheetCell.empty, count: pendingEmpty)
            cells += Array(repeating: c, count: cellRepeat)
            pendingEmpty = 0
        case "table:table-row":
            if cells.isEmpty {
                rowNumber += rowRepeat
            } else {
                try keep(cells.count * (rowRepeat - 1))
                for _ in 0..<rowRepeat {
                    rowNumber += 1
                    rows.append((rowNumber, cells))
                }
            }
        case "table:table":
            sheets.append(Sheet(name: sheetName ?? "", rows: rows))
            sheetName = nil
            rows = []
            depthInTable -= 1
        default:
            break
        }
    }

    private mutating func keep(_ n: Int) throws(InputError) {
        cellsKept += n
        guard cellsKept <= ODSContent.maxCells else {
            throw damaged("the sheets hold more than \(ODSContent.maxCells) cells with values")
        }
    }
}
