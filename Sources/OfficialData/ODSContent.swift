import CLibXML2
import Diagnostics
import Foundation

/// Reads an ODS `content.xml` with libxml2's streaming reader. Foundation's `XMLParser` keeps
/// libxml2's default 10 MB limits (a valid 40 MB file was "malformed") and cannot be stopped
/// cleanly from a handler; the reader is pulled node by node, so every bound below is checked
/// as the XML is read and a hostile file stops at the first excess, with its line and column.
enum ODSContent {
    /// A sheet has at most 1,048,576 rows and 16,384 columns; larger repeat counts are damage.
    static let maxRowRepeat = 1_048_576
    static let maxColumns = 16_384
    static let maxSpaces = 10_000
    /// Cells kept (empty trailing cells are never kept) and text held, across the workbook:
    /// far above Ofsted's 7,000 cells, low enough that any input stays well under 1 GB.
    static let maxCells = 4_000_000
    static let maxTextBytes = 100_000_000
    static let maxDepth = 64

    static func parse(_ xml: Data, file: String) throws(InputError) -> [Sheet] {
        // content.xml never declares a document type; one could define entities that expand
        // without bound, so it is refused before libxml2 sees it.
        if xml.range(of: Data("<!DOCTYPE".utf8)) != nil || xml.range(of: Data("<!ENTITY".utf8)) != nil {
            throw InputError(SourceLocation(file: file), "the spreadsheet is damaged: its content.xml declares a document type, which an ODS never does")
        }
        var state = ContentState(file: file)
        let errors = ErrorBox()
        let result: Result<Void, InputError> = xml.withUnsafeBytes { raw in
            let base = raw.bindMemory(to: CChar.self).baseAddress
            let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_HUGE.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
            guard let reader = xmlReaderForMemory(base, Int32(raw.count), "content.xml", nil, options) else {
                return .failure(InputError(SourceLocation(file: file), "the spreadsheet's content.xml cannot be read: the file is damaged"))
            }
            defer { xmlFreeTextReader(reader) }
            xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
                guard let context, let error else { return }
                let box = Unmanaged<ErrorBox>.fromOpaque(context).takeUnretainedValue()
                if box.message == nil {
                    box.message = error.pointee.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "parse error"
                    box.line = Int(error.pointee.line)
                    box.column = Int(error.pointee.int2)
                }
            }, Unmanaged.passUnretained(errors).toOpaque())
            return Result { () throws(InputError) in try read(reader, into: &state, count: raw.count, errors: errors) }
        }
        try result.get()
        return state.sheets
    }

    final class ErrorBox { var message: String?; var line = 0; var column = 0 }

    private static func read(_ reader: xmlTextReaderPtr, into state: inout ContentState, count: Int, errors: ErrorBox) throws(InputError) {
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { break }
            let line = Int(xmlTextReaderGetParserLineNumber(reader)), column = Int(xmlTextReaderGetParserColumnNumber(reader))
            if status < 0 {
                // A parser that stopped at the very end of the bytes ran out of document.
                let atEnd = Int(xmlTextReaderByteConsumed(reader)) >= count - 1
                let what = atEnd ? "truncated (it ends before the spreadsheet does)" : "damaged"
                throw InputError(SourceLocation(file: state.file, line: errors.line > 0 ? errors.line : line, column: errors.line > 0 ? errors.column : column),
                                 "the spreadsheet is \(what): \(errors.message ?? "the XML cannot be parsed")")
            }
            state.at = SourceLocation(file: state.file, line: line, column: column)
            let type = xmlTextReaderNodeType(reader)
            switch type {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                guard xmlTextReaderDepth(reader) <= maxDepth else {
                    throw state.damaged("elements are nested deeper than any spreadsheet's")
                }
                let name = String(cString: xmlTextReaderConstName(reader))
                try state.start(name) { attribute in
                    guard let value = xmlTextReaderGetAttribute(reader, attribute) else { return nil }
                    defer { briefing_xml_free(value) }
                    return String(cString: value)
                }
                if xmlTextReaderIsEmptyElement(reader) == 1 { try state.end(name) }
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                try state.end(String(cString: xmlTextReaderConstName(reader)))
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                 Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                if state.inParagraph, let value = xmlTextReaderConstValue(reader) { try state.addText(String(cString: value)) }
            default:
                break
            }
        }
        if state.depthInTable > 0 { throw state.damaged("the XML ends inside a sheet") }
    }
}
