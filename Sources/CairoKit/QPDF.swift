import CQPDF
import Foundation

/// Failures of libqpdf while reading, changing or writing a PDF, and structure that is not what
/// the drawing code asked cairo for.
public enum PDFEditError: Error, CustomStringConvertible {
    case qpdf(String)
    case unexpectedStructure(String)

    public var description: String {
        switch self {
        case let .qpdf(message): return "qpdf: \(message)"
        case let .unexpectedStructure(what): return "the PDF's structure is not as drawn: \(what)"
        }
    }
}

/// Owns one libqpdf document (`qpdf_data`) read from memory; the bytes it was read from are
/// kept alive with it, as qpdf requires, and everything is freed in `deinit`.
public final class QPDFDocument {
    private var data: qpdf_data?
    private let input: UnsafeMutableRawBufferPointer

    public init(_ pdf: Data) throws {
        input = UnsafeMutableRawBufferPointer.allocate(byteCount: max(pdf.count, 1), alignment: 1)
        _ = pdf.copyBytes(to: input.bindMemory(to: UInt8.self))
        data = qpdf_init()
        qpdf_silence_errors(data)
        qpdf_set_suppress_warnings(data, 1)
        let code = qpdf_read_memory(data, "briefing.pdf", input.baseAddress!.assumingMemoryBound(to: CChar.self), UInt64(pdf.count), nil)
        if code & Int32(QPDF_ERRORS) != 0 { throw error() }
    }

    deinit {
        qpdf_cleanup(&data)
        input.deallocate()
    }

    private func error() -> PDFEditError {
        guard qpdf_has_error(data) != 0, let e = qpdf_get_error(data), let text = qpdf_get_error_full_text(data, e) else {
            return .qpdf("unknown error")
        }
        return .qpdf(String(cString: text))
    }

    /// Throws the first error an object call left behind (qpdf records them instead of failing).
    public func check() throws {
        if qpdf_has_error(data) != 0 { throw error() }
    }

    public var root: PDFObject { PDFObject(doc: self, handle: qpdf_get_root(data)) }
    public var trailer: PDFObject { PDFObject(doc: self, handle: qpdf_get_trailer(data)) }
    public var pageCount: Int { Int(qpdf_get_num_pages(data)) }
    public func page(_ index: Int) -> PDFObject { PDFObject(doc: self, handle: qpdf_get_page_n(data, index)) }

    /// An object from PDF syntax, e.g. `<< /Type /OBJR >>`.
    public func parse(_ text: String) -> PDFObject { PDFObject(doc: self, handle: qpdf_oh_parse(data, text)) }
    public func name(_ n: String) -> PDFObject { PDFObject(doc: self, handle: qpdf_oh_new_name(data, n)) }
    public func text(_ s: String) -> PDFObject { PDFObject(doc: self, handle: qpdf_oh_new_unicode_string(data, s)) }
    public var null: PDFObject { PDFObject(doc: self, handle: qpdf_oh_new_null(data)) }
    /// An empty array and an integer, made directly: `parse` runs qpdf's tokenizer, which is
    /// slower, and the structure walk makes one of these for most elements.
    public func newArray() -> PDFObject { PDFObject(doc: self, handle: qpdf_oh_new_array(data)) }
    public func integer(_ n: Int) -> PDFObject { PDFObject(doc: self, handle: qpdf_oh_new_integer(data, Int64(n))) }

    /// A new indirect stream holding `bytes`, its dictionary given in PDF syntax.
    public func stream(_ bytes: Data, dictionary: String) -> PDFObject {
        let s = qpdf_oh_new_stream(data)
        let dict = qpdf_oh_parse(data, dictionary)
        bytes.withUnsafeBytes { raw in
            qpdf_oh_replace_stream_data(data, s, raw.bindMemory(to: UInt8.self).baseAddress, raw.count, qpdf_oh_new_null(data), qpdf_oh_new_null(data))
        }
        let d = qpdf_oh_get_dict(data, s)
        qpdf_oh_begin_dict_key_iter(data, dict)
        while qpdf_oh_dict_more_keys(data) != 0 {
            let key = qpdf_oh_dict_next_key(data)!
            qpdf_oh_replace_key(data, d, key, qpdf_oh_get_key(data, dict, key))
        }
        return PDFObject(doc: self, handle: s)
    }

    public func streamData(_ s: PDFObject) throws -> Data {
        var buffer: UnsafeMutablePointer<UInt8>?
        var length = 0
        var filtered: QPDF_BOOL = 0
        let code = qpdf_oh_get_stream_data(data, s.handle, qpdf_dl_generalized, &filtered, &buffer, &length)
        if code & Int32(QPDF_ERRORS) != 0 || filtered == 0 { throw PDFEditError.qpdf("cannot decode a content stream") }
        defer { free(buffer) }
        return buffer.map { Data(bytes: $0, count: length) } ?? Data()
    }

    /// Replaces a stream's bytes with unfiltered `bytes` (qpdf compresses them when writing).
    public func replaceStreamData(_ s: PDFObject, _ bytes: Data) {
        bytes.withUnsafeBytes { raw in
            qpdf_oh_replace_stream_data(data, s.handle, raw.bindMemory(to: UInt8.self).baseAddress, raw.count, qpdf_oh_new_null(data), qpdf_oh_new_null(data))
        }
    }

    /// Replaces a stream's bytes with `bytes` compressed here, by libdeflate at `level`, as
    /// /FlateDecode: `write` keeps them as they are (it decodes no stream), where qpdf would
    /// compress them again with zlib's default level, larger and slower.
    public func replaceStreamData(_ s: PDFObject, deflating bytes: Data, level: Int32) throws {
        let zlib = try Deflater(level: level).zlib([UInt8](bytes))
        zlib.withUnsafeBufferPointer { raw in
            qpdf_oh_replace_stream_data(data, s.handle, raw.baseAddress, raw.count, qpdf_oh_new_name(data, "/FlateDecode"), qpdf_oh_new_null(data))
        }
    }

    /// The whole file rewritten: compressed streams, an /ID made from the content (so the same
    /// input gives the same bytes), and the objects that are not streams packed into compressed
    /// object streams (PDF 1.5, which cairo already declares): a tagged pack is mostly its
    /// structure tree, over a thousand small dictionaries, and packing them halves the file.
    public func write() throws -> Data {
        if qpdf_init_write_memory(data) & Int32(QPDF_ERRORS) != 0 { throw error() }
        qpdf_set_deterministic_ID(data, 1)
        qpdf_set_compress_streams(data, 1)
        qpdf_set_object_stream_mode(data, qpdf_o_generate)
        // Streams are written as they are: cairo's fonts already deflated, page contents deflated
        // by `replaceStreamData(_:deflating:level:)`; only unfiltered ones (the XMP) are compressed.
        qpdf_set_decode_level(data, qpdf_dl_none)
        if qpdf_write(data) & Int32(QPDF_ERRORS) != 0 { throw error() }
        guard let buffer = qpdf_get_buffer(data) else { throw PDFEditError.qpdf("nothing was written") }
        return Data(bytes: buffer, count: qpdf_get_buffer_length(data))
    }

    fileprivate var raw: qpdf_data? { data }
}

/// A handle to one object of a `QPDFDocument`, valid while the document lives.
public struct PDFObject {
    let doc: QPDFDocument
    let handle: qpdf_oh
    private var q: qpdf_data? { doc.raw }

    /// Dictionary keys are given without their slash.
    public subscript(key: String) -> PDFObject { PDFObject(doc: doc, handle: qpdf_oh_get_key(q, handle, "/" + key)) }
    public func has(_ key: String) -> Bool { qpdf_oh_has_key(q, handle, "/" + key) != 0 }
    public func set(_ key: String, _ value: PDFObject) { qpdf_oh_replace_key(q, handle, "/" + key, value.handle) }
    public func remove(_ key: String) { qpdf_oh_remove_key(q, handle, "/" + key) }

    public var isNull: Bool { qpdf_oh_is_null(q, handle) != 0 }
    public var isArray: Bool { qpdf_oh_is_array(q, handle) != 0 }
    public var isDictionary: Bool { qpdf_oh_is_dictionary(q, handle) != 0 }
    public var isInteger: Bool { qpdf_oh_is_integer(q, handle) != 0 }
    public var isStream: Bool { qpdf_oh_is_stream(q, handle) != 0 }
    public var isString: Bool { qpdf_oh_is_string(q, handle) != 0 }
    public var isIndirect: Bool { qpdf_oh_is_indirect(q, handle) != 0 }

    /// The name without its slash, or nil when this is not a name.
    public var name: String? {
        guard qpdf_oh_is_name(q, handle) != 0, let n = qpdf_oh_get_name(q, handle) else { return nil }
        return String(String(cString: n).dropFirst())
    }
    public var int: Int? { isInteger ? Int(qpdf_oh_get_int_value_as_int(q, handle)) : nil }
    public var string: String? { isString ? qpdf_oh_get_utf8_value(q, handle).map { String(cString: $0) } : nil }
    public var objectID: Int { Int(qpdf_oh_get_object_id(q, handle)) }
    /// The stream's dictionary.
    public var dictionary: PDFObject { PDFObject(doc: doc, handle: qpdf_oh_get_dict(q, handle)) }

    public var count: Int { isArray ? Int(qpdf_oh_get_array_n_items(q, handle)) : 0 }
    public subscript(index: Int) -> PDFObject { PDFObject(doc: doc, handle: qpdf_oh_get_array_item(q, handle, Int32(index))) }
    public var items: [PDFObject] { (0..<count).map { self[$0] } }
    public func setItem(_ index: Int, _ value: PDFObject) { qpdf_oh_set_array_item(q, handle, Int32(index), value.handle) }
    public func append(_ value: PDFObject) { qpdf_oh_append_item(q, handle, value.handle) }
    public func erase(_ index: Int) { qpdf_oh_erase_item(q, handle, Int32(index)) }

    public var keys: [String] {
        var out: [String] = []
        qpdf_oh_begin_dict_key_iter(q, handle)
        while qpdf_oh_dict_more_keys(q) != 0 { out.append(String(String(cString: qpdf_oh_dict_next_key(q)).dropFirst())) }
        return out
    }
}
