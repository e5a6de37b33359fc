import CCairo
import Foundation

/// Failures of Cairo itself (not of the input data), with what was being done and Cairo's status.
public enum CairoError: Error, CustomStringConvertible {
    case cairo(String, String)

    public var description: String {
        switch self {
        case let .cairo(what, status): return "cairo could not \(what): \(status)"
        }
    }
}

/// Bytes a Cairo stream surface writes, collected in memory so that outputs reach the disk only
/// whole (see `AtomicWriter`).
final class ByteSink {
    /// Cairo calls `write` once for every PDF operator it writes outside a compressed stream, a few
    /// bytes each time: a buffer of its own (grown by doubling, freed in `deinit`) costs a copy,
    /// where appending to `Data` cost more than the bytes themselves.
    private var buffer: UnsafeMutableRawPointer
    private var capacity = 1 << 20
    private var count = 0

    init() { buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16) }
    deinit { buffer.deallocate() }

    func append(_ bytes: UnsafeRawPointer, _ length: Int) {
        if count + length > capacity {
            var grown = capacity * 2
            while count + length > grown { grown *= 2 }
            let bigger = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 16)
            bigger.copyMemory(from: buffer, byteCount: count)
            buffer.deallocate()
            buffer = bigger
            capacity = grown
        }
        (buffer + count).copyMemory(from: bytes, byteCount: length)
        count += length
    }

    var data: Data { Data(bytes: buffer, count: count) }

    static let write: cairo_write_func_t = { closure, bytes, length in
        guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
        Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().append(bytes, Int(length))
        return CAIRO_STATUS_SUCCESS
    }

    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}

/// Owns a `cairo_surface_t`; PDF surfaces write into a `ByteSink`.
public final class CairoSurface {
    /// The Cairo surface, for the PDF-specific calls (metadata, outline) this kit does not wrap.
    public let pointer: OpaquePointer
    let sink: ByteSink?

    init(pointer: OpaquePointer, sink: ByteSink?) throws {
        let status = cairo_surface_status(pointer)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(pointer)
            throw CairoError.cairo("create a surface", String(cString: cairo_status_to_string(status)))
        }
        self.pointer = pointer
        self.sink = sink
    }

    /// A PDF document of pages `width`×`height` points.
    public static func pdf(width: Double, height: Double) throws -> CairoSurface {
        let sink = ByteSink()
        return try CairoSurface(pointer: cairo_pdf_surface_create_for_stream(ByteSink.write, sink.opaque, width, height)!, sink: sink)
    }

    /// An RGB raster of whole pixels.
    public static func image(pixelWidth: Int, pixelHeight: Int) throws -> CairoSurface {
        try CairoSurface(pointer: cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(pixelWidth), Int32(pixelHeight))!, sink: nil)
    }

    /// Finishes the document and returns the bytes a stream surface wrote.
    public func finish() throws -> Data {
        cairo_surface_finish(pointer)
        let status = cairo_surface_status(pointer)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw CairoError.cairo("finish the document", String(cString: cairo_status_to_string(status)))
        }
        return sink?.data ?? Data()
    }

    /// Encodes an image surface as PNG in memory.
    public func pngData() throws -> Data {
        let sink = ByteSink()
        cairo_surface_flush(pointer)
        let status = cairo_surface_write_to_png_stream(pointer, ByteSink.write, sink.opaque)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw CairoError.cairo("encode PNG", String(cString: cairo_status_to_string(status)))
        }
        return sink.data
    }

    /// The document information a PDF surface writes (cairo's own fields; XMP is added later).
    public struct PDFMetadata {
        public var title = "", author = "", subject = "", creator = "", keywords = ""
        /// ISO 8601.
        public var createDate = ""
        public init() {}
    }

    public func setPDFMetadata(_ m: PDFMetadata) {
        for (key, value) in [(CAIRO_PDF_METADATA_TITLE, m.title), (CAIRO_PDF_METADATA_AUTHOR, m.author),
                             (CAIRO_PDF_METADATA_SUBJECT, m.subject), (CAIRO_PDF_METADATA_CREATOR, m.creator),
                             (CAIRO_PDF_METADATA_KEYWORDS, m.keywords), (CAIRO_PDF_METADATA_CREATE_DATE, m.createDate)] {
            cairo_pdf_surface_set_metadata(pointer, key, value)
        }
    }

    /// The outline's root, the parent of top-level bookmarks.
    public static let outlineRoot = Int32(CAIRO_PDF_OUTLINE_ROOT)

    /// Adds an open bookmark under `parent` to `target` (cairo's "page=N pos=[x y]") and returns its id.
    @discardableResult
    public func addOutline(_ text: String, target: String, under parent: Int32 = outlineRoot) -> Int32 {
        cairo_pdf_surface_add_outline(pointer, parent, text, target, CAIRO_PDF_OUTLINE_FLAG_OPEN)
    }

    public var pixelSize: (width: Int, height: Int) {
        (Int(cairo_image_surface_get_width(pointer)), Int(cairo_image_surface_get_height(pointer)))
    }

    deinit { cairo_surface_destroy(pointer) }
}

/// Owns a `cairo_t` drawing onto a surface it keeps alive.
public final class CairoContext {
    /// The Cairo context, for the calls (tags' status, Pango) this kit does not wrap.
    public let pointer: OpaquePointer
    public let surface: CairoSurface

    public init(_ surface: CairoSurface) {
        self.surface = surface
        self.pointer = cairo_create(surface.pointer)
    }

    deinit { cairo_destroy(pointer) }

    public func setColour(_ c: Colour) { cairo_set_source_rgb(pointer, c.r, c.g, c.b) }

    public func fill(_ r: Rect, _ c: Colour) {
        setColour(c)
        cairo_rectangle(pointer, r.x, r.y, r.width, r.height)
        cairo_fill(pointer)
    }

    public func stroke(_ r: Rect, _ c: Colour, width: Double, dashed: Bool = false) {
        setColour(c)
        cairo_set_line_width(pointer, width)
        let dash = dashed ? [3.0, 2.0] : []
        cairo_set_dash(pointer, dash, Int32(dash.count), 0)
        cairo_rectangle(pointer, r.x + width / 2, r.y + width / 2, r.width - width, r.height - width)
        cairo_stroke(pointer)
        cairo_set_dash(pointer, nil, 0, 0)
    }

    /// Starts a new path of straight segments through `points`, closed back to the first when `closed`.
    public func polyline(_ points: [(Double, Double)], closed: Bool) {
        cairo_new_path(pointer)
        guard let first = points.first else { return }
        cairo_move_to(pointer, first.0, first.1)
        for pt in points.dropFirst() { cairo_line_to(pointer, pt.0, pt.1) }
        if closed { cairo_close_path(pointer) }
    }

    /// Fills the current path; `keep` leaves it to be stroked too.
    public func fillPath(_ c: Colour, keep: Bool = false) {
        setColour(c)
        if keep { cairo_fill_preserve(pointer) } else { cairo_fill(pointer) }
    }

    /// Strokes the current path with round joins.
    public func strokePath(_ c: Colour, width: Double, dash: [Double] = []) {
        setColour(c)
        cairo_set_line_width(pointer, width)
        cairo_set_line_join(pointer, CAIRO_LINE_JOIN_ROUND)
        cairo_set_dash(pointer, dash, Int32(dash.count), 0)
        cairo_stroke(pointer)
        cairo_set_dash(pointer, nil, 0, 0)
    }

    /// Adds a segment to the current path.
    public func segment(from a: (Double, Double), to b: (Double, Double)) {
        cairo_move_to(pointer, a.0, a.1)
        cairo_line_to(pointer, b.0, b.1)
    }

    /// Adds a whole circle to the current path.
    public func addCircle(at x: Double, _ y: Double, radius: Double) { cairo_arc(pointer, x, y, radius, 0, 2 * Double.pi) }
    public func addRectangle(_ r: Rect) { cairo_rectangle(pointer, r.x, r.y, r.width, r.height) }
    public func setLineWidth(_ w: Double) { cairo_set_line_width(pointer, w) }
    /// Fills or strokes the current path in the colour and line width already set.
    public func fillCurrent() { cairo_fill(pointer) }
    public func strokeCurrent() { cairo_stroke(pointer) }

    /// Limits drawing to `r` until the matching `restore()`.
    public func clip(to r: Rect) {
        cairo_rectangle(pointer, r.x, r.y, r.width, r.height)
        cairo_clip(pointer)
    }

    public func newPath() { cairo_new_path(pointer) }

    public func line(from a: (Double, Double), to b: (Double, Double), _ c: Colour, width: Double, dash: [Double] = []) {
        setColour(c)
        cairo_set_line_width(pointer, width)
        cairo_set_dash(pointer, dash, Int32(dash.count), 0)
        cairo_move_to(pointer, a.0, a.1)
        cairo_line_to(pointer, b.0, b.1)
        cairo_stroke(pointer)
        cairo_set_dash(pointer, nil, 0, 0)
    }

    /// Diagonal hatching clipped to `r`: the "not judged" texture that survives greyscale print.
    public func hatch(_ r: Rect, _ c: Colour, spacing: Double, width: Double) {
        cairo_save(pointer)
        cairo_rectangle(pointer, r.x, r.y, r.width, r.height)
        cairo_clip(pointer)
        setColour(c)
        cairo_set_line_width(pointer, width)
        var d = -r.height
        while d < r.width {
            cairo_move_to(pointer, r.x + d, r.maxY)
            cairo_line_to(pointer, r.x + d + r.height, r.y)
            d += spacing
        }
        cairo_stroke(pointer)
        cairo_restore(pointer)
    }

    public func save() { cairo_save(pointer) }
    public func restore() { cairo_restore(pointer) }
    public func translate(_ x: Double, _ y: Double) { cairo_translate(pointer, x, y) }
    public func scale(_ s: Double) { cairo_scale(pointer, s, s) }
    public func showPage() { cairo_show_page(pointer) }

    public func beginTag(_ name: String, _ attributes: String = "") { cairo_tag_begin(pointer, name, attributes) }
    public func endTag(_ name: String) { cairo_tag_end(pointer, name) }

    /// Throws when drawing has failed (cairo records the first error and ignores what follows,
    /// such as tags that do not nest).
    public func check(_ what: String) throws {
        let status = cairo_status(pointer)
        guard status == CAIRO_STATUS_SUCCESS else { throw CairoError.cairo(what, String(cString: cairo_status_to_string(status))) }
    }
}
