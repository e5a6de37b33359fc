import CCairo
import Foundation

/// Failures of the drawing library itself (not of the input data).
public enum RenderError: Error, CustomStringConvertible {
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
    var data = Data()

    static let write: cairo_write_func_t = { closure, bytes, length in
        guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        sink.data.append(bytes, count: Int(length))
        return CAIRO_STATUS_SUCCESS
    }

    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}

/// Owns a `cairo_surface_t`; PDF surfaces write into a `ByteSink`.
public final class CairoSurface {
    let pointer: OpaquePointer
    let sink: ByteSink?

    init(pointer: OpaquePointer, sink: ByteSink?) throws {
        let status = cairo_surface_status(pointer)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(pointer)
            throw RenderError.cairo("create a surface", String(cString: cairo_status_to_string(status)))
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
            throw RenderError.cairo("finish the document", String(cString: cairo_status_to_string(status)))
        }
        return sink?.data ?? Data()
    }

    /// Encodes an image surface as PNG in memory.
    public func pngData() throws -> Data {
        let sink = ByteSink()
        cairo_surface_flush(pointer)
        let status = cairo_surface_write_to_png_stream(pointer, ByteSink.write, sink.opaque)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RenderError.cairo("encode PNG", String(cString: cairo_status_to_string(status)))
        }
        return sink.data
    }

    public var pixelSize: (width: Int, height: Int) {
        (Int(cairo_image_surface_get_width(pointer)), Int(cairo_image_surface_get_height(pointer)))
    }

    deinit { cairo_surface_destroy(pointer) }
}

/// Owns a `cairo_t` drawing onto a surface it keeps alive.
public final class CairoContext {
    let pointer: OpaquePointer
    public let surface: CairoSurface

    public init(_ surface: CairoSurface) {
        self.surface = surface
        self.pointer = cairo_create(surface.pointer)
    }

    deinit { cairo_destroy(pointer) }

    func setColour(_ c: Colour) { cairo_set_source_rgb(pointer, c.r, c.g, c.b) }

    func fill(_ r: Rect, _ c: Colour) {
        setColour(c)
        cairo_rectangle(pointer, r.x, r.y, r.width, r.height)
        cairo_fill(pointer)
    }

    func stroke(_ r: Rect, _ c: Colour, width: Double, dashed: Bool = false) {
        setColour(c)
        cairo_set_line_width(pointer, width)
        let dash = dashed ? [3.0, 2.0] : []
        cairo_set_dash(pointer, dash, Int32(dash.count), 0)
        cairo_rectangle(pointer, r.x + width / 2, r.y + width / 2, r.width - width, r.height - width)
        cairo_stroke(pointer)
        cairo_set_dash(pointer, nil, 0, 0)
    }

    func path(_ p: PathMark) {
        guard let first = p.points.first else { return }
        cairo_new_path(pointer)
        cairo_move_to(pointer, first.0, first.1)
        for pt in p.points.dropFirst() { cairo_line_to(pointer, pt.0, pt.1) }
        if p.closed { cairo_close_path(pointer) }
        if let fill = p.fill {
            setColour(fill)
            if p.stroke != nil { cairo_fill_preserve(pointer) } else { cairo_fill(pointer) }
        }
        if let stroke = p.stroke {
            setColour(stroke)
            cairo_set_line_width(pointer, p.width)
            cairo_set_line_join(pointer, CAIRO_LINE_JOIN_ROUND)
            cairo_set_dash(pointer, p.dash, Int32(p.dash.count), 0)
            cairo_stroke(pointer)
            cairo_set_dash(pointer, nil, 0, 0)
        }
        cairo_new_path(pointer)
    }

    /// A print-safe texture clipped to `r`.
    func pattern(_ kind: Style.Pattern, in r: Rect, _ ink: Colour) {
        cairo_save(pointer)
        cairo_rectangle(pointer, r.x, r.y, r.width, r.height)
        cairo_clip(pointer)
        setColour(ink)
        cairo_set_line_width(pointer, 0.8)
        switch kind {
        case .none:
            break
        case .solid:
            cairo_rectangle(pointer, r.x, r.y, r.width, r.height)
            cairo_fill(pointer)
        case .dots:
            var y = r.y + 2
            while y < r.maxY {
                var x = r.x + 2
                while x < r.maxX {
                    cairo_arc(pointer, x, y, 0.9, 0, 2 * Double.pi)
                    cairo_fill(pointer)
                    x += 3.5
                }
                y += 3.5
            }
        case .hatch, .crosshatch:
            var d = -r.height
            while d < r.width {
                cairo_move_to(pointer, r.x + d, r.maxY)
                cairo_line_to(pointer, r.x + d + r.height, r.y)
                if kind == .crosshatch {
                    cairo_move_to(pointer, r.x + d, r.y)
                    cairo_line_to(pointer, r.x + d + r.height, r.maxY)
                }
                d += 3.5
            }
            cairo_stroke(pointer)
        case .vertical:
            var x = r.x + 1.5
            while x < r.maxX {
                cairo_move_to(pointer, x, r.y)
                cairo_line_to(pointer, x, r.maxY)
                x += 3
            }
            cairo_stroke(pointer)
        }
        cairo_restore(pointer)
    }

    func line(from a: (Double, Double), to b: (Double, Double), _ c: Colour, width: Double, dash: [Double] = []) {
        setColour(c)
        cairo_set_line_width(pointer, width)
        cairo_set_dash(pointer, dash, Int32(dash.count), 0)
        cairo_move_to(pointer, a.0, a.1)
        cairo_line_to(pointer, b.0, b.1)
        cairo_stroke(pointer)
        cairo_set_dash(pointer, nil, 0, 0)
    }

    /// Diagonal hatching clipped to `r`: the "not judged" texture that survives greyscale print.
    func hatch(_ r: Rect, _ c: Colour, spacing: Double, width: Double) {
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

    func save() { cairo_save(pointer) }
    func restore() { cairo_restore(pointer) }
    func translate(_ x: Double, _ y: Double) { cairo_translate(pointer, x, y) }
    func scale(_ s: Double) { cairo_scale(pointer, s, s) }
    func showPage() { cairo_show_page(pointer) }

    func beginTag(_ name: String, _ attributes: String = "") { cairo_tag_begin(pointer, name, attributes) }
    func endTag(_ name: String) { cairo_tag_end(pointer, name) }
}
