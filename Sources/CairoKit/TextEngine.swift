import CCairo
import CPango
import Foundation

/// Text measured by Pango: the size it really takes at a given wrap width.
public struct TextMetrics: Sendable, Hashable {
    public var size: Size
    public var lineCount: Int
}

public enum TextAlignment: Sendable, Hashable {
    case left, centre, right
}

/// Measures and draws text with Pango (no hinted metrics, no glyph-position rounding), drawing
/// the very layout it measured, so that text wraps the same way in the PDF, the PNG and the SVG
/// as it did when the page was planned.
/// Not Sendable: each rendering task owns its own engine.
public final class TextEngine {
    /// This engine's own font map: Pango's default one is shared by every engine created on a
    /// thread, and a font map must not be used from two threads at once.
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    private let pango: OpaquePointer
    /// The context text is measured, and then drawn, with.
    var measuring: OpaquePointer { pango }
    private var fontCache: [FontSpec: OpaquePointer] = [:]
    /// Measurements already made: charts are laid out whole and then in page-sized pieces, and
    /// the same words are measured again and again. Pango's answer never changes for the same
    /// text, font and width, so it is kept.
    private struct MeasureKey: Hashable { var text: TextBytes; var font: FontSpec; var width: Double? }
    private var measured: [MeasureKey: TextMetrics] = [:]
    /// Layouts made in the measuring context, kept so that text laid out to be measured is not
    /// laid out (shaped and broken into lines) again to be drawn in the PDF or written as SVG:
    /// that second layout was most of the time text took to draw.
    private struct LayoutKey: Hashable { var text: TextBytes; var font: FontSpec; var width: Double?; var alignment: TextAlignment }
    private var layouts: [LayoutKey: OpaquePointer] = [:]
    /// Kept layouts are let go past this many, and kept measurements past `keptMeasurements`,
    /// so a batch of 153 packs does not keep every pack's text; the answers are the same either
    /// way, only slower to come.
    static let keptLayouts = 3000, keptMeasurements = 20000

    /// The pack whose text the kept layouts are.
    private var keptFor: String?

    /// Called as each task of a pack starts: a thread moving on to another pack lets the last
    /// one's layouts go (a few kilobytes each, and never drawn again), while tasks of the same
    /// pack on one thread (a chart's PNG, SVG and HTML) share them.
    public func begin(pack: String) {
        if keptFor != pack { forgetLayouts(); keptFor = pack }
    }

    func forgetLayouts() {
        for (_, l) in layouts { g_object_unref(UnsafeMutableRawPointer(l)) }
        layouts.removeAll(keepingCapacity: true)
    }

    public init() throws {
        fontMap = pango_cairo_font_map_new()!
        pango = pango_font_map_create_context(fontMap)!
        Self.configure(pango)
    }

    /// The engine of the calling thread, made on first use and kept for the thread's life, so
    /// fonts are loaded once per thread and no engine is ever used by two threads.
    public static func forCurrentThread() throws -> TextEngine {
        let key = "briefing.TextEngine"
        if let engine = Thread.current.threadDictionary[key] as? TextEngine { return engine }
        let engine = try TextEngine()
        Thread.current.threadDictionary[key] = engine
        return engine
    }

    deinit {
        for (_, d) in fontCache { pango_font_description_free(d) }
        for (_, l) in layouts { g_object_unref(UnsafeMutableRawPointer(l)) }
        g_object_unref(UnsafeMutableRawPointer(pango))
        g_object_unref(UnsafeMutableRawPointer(fontMap))
    }

    static func configure(_ context: OpaquePointer) {
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_context_set_round_glyph_positions(context, 0)
    }

    func fontDescription(_ font: FontSpec) -> OpaquePointer {
        if let d = fontCache[font] { return d }
        let d = pango_font_description_new()!
        pango_font_description_set_family(d, font.families.joined(separator: ","))
        pango_font_description_set_weight(d, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(d, font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        pango_font_description_set_absolute_size(d, font.size * Double(PANGO_SCALE))
        fontCache[font] = d
        loadFonts(d)
        return d
    }

    /// One engine loads its fonts at a time, process-wide.
    private static let loading = NSLock()
    /// Text using every face `d` may need: its own and the fallback's (for ▲, ▼ and ≈).
    private static let everyFace = "Ag \u{201C}x\u{201D} \u{2018}x\u{2019} \u{2013}\u{2014}\u{2022}\u{2026}\u{00A3}%0123456789 \u{25B2}\u{25BC}\u{2248}\u{2713}"

    /// Loads the fonts of `d` into this engine's font map by laying out `everyFace`, while no
    /// other engine is loading any. Engines have font maps of their own, but fonts loaded by two
    /// threads at once (packs built in parallel) could come out with glyph widths a hair apart,
    /// so one line ("… officer’s reading “some progress”:", 0.06 pt inside its width) wrapped
    /// differently from run to run; once loaded, a font measures the same on every thread.
    private func loadFonts(_ d: OpaquePointer) {
        Self.loading.lock()
        defer { Self.loading.unlock() }
        let l = pango_layout_new(pango)!
        defer { g_object_unref(UnsafeMutableRawPointer(l)) }
        pango_layout_set_font_description(l, d)
        pango_layout_set_text(l, Self.everyFace, -1)
        var extents = PangoRectangle()
        pango_layout_get_extents(l, nil, &extents)
    }

    func layout(in context: OpaquePointer, _ text: String, _ font: FontSpec, width: Double?,
                        alignment: TextAlignment) -> OpaquePointer {
        let layout = pango_layout_new(context)!
        pango_layout_set_font_description(layout, fontDescription(font))
        if let width {
            pango_layout_set_width(layout, Int32((width * Double(PANGO_SCALE)).rounded(.down)))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        }
        switch alignment {
        case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .centre: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        pango_layout_set_text(layout, text, -1)
        return layout
    }

    /// The size `text` takes when wrapped at `width` points (or unwrapped when nil).
    public func measure(_ text: String, _ font: FontSpec, width: Double? = nil) -> TextMetrics {
        let key = MeasureKey(text: TextBytes(text), font: font, width: width)
        if let known = measured[key] { return known }
        let metrics = measureAnew(text, font, width: width)
        if measured.count >= Self.keptMeasurements { measured.removeAll(keepingCapacity: true) }
        measured[key] = metrics
        return metrics
    }

    /// The measuring context's layout of `text`, made once and kept (see `layouts`).
    func kept(_ text: String, _ font: FontSpec, width: Double?, alignment: TextAlignment) -> OpaquePointer {
        let key = LayoutKey(text: TextBytes(text), font: font, width: width, alignment: alignment)
        if let l = layouts[key] { return l }
        if layouts.count >= Self.keptLayouts { forgetLayouts() }
        let l = layout(in: pango, text, font, width: width, alignment: alignment)
        layouts[key] = l
        return l
    }

    private func measureAnew(_ text: String, _ font: FontSpec, width: Double?) -> TextMetrics {
        let l = kept(text, font, width: width, alignment: .left)
        var logical = PangoRectangle()
        pango_layout_get_extents(l, nil, &logical)
        let scale = Double(PANGO_SCALE)
        return TextMetrics(size: Size(width: Double(logical.width) / scale, height: Double(logical.height) / scale),
                           lineCount: Int(pango_layout_get_line_count(l)))
    }

    /// The font family Pango actually chose for `font`, to check that the named face is installed.
    public func resolvedFamily(_ font: FontSpec) -> String? {
        guard let f = pango_context_load_font(pango, fontDescription(font)) else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(f)) }
        let d = pango_font_describe(f)
        defer { pango_font_description_free(d) }
        return pango_font_description_get_family(d).map { String(cString: $0) }
    }

    /// The font file Pango loads for each family of `families` (each on its own: the fallback
    /// family draws the glyphs the first lacks) in the regular, bold and italic faces the pages
    /// use, as "family face" and file path, for a build's manifest: the files are hashed like any
    /// other input, so a font updated or swapped by the system rebuilds the packs it draws.
    public func fontFiles(_ families: [String]) -> [(face: String, file: String)] {
        var out: [(face: String, file: String)] = []
        for family in families {
            for (bold, italic) in [(false, false), (true, false), (false, true)] {
                let face = "\(family)\(bold ? " bold" : "")\(italic ? " italic" : "")"
                guard let font = pango_context_load_font(pango, fontDescription(FontSpec(families: [family], size: 10, bold: bold, italic: italic))) else {
                    out.append((face, "none")); continue
                }
                defer { g_object_unref(UnsafeMutableRawPointer(font)) }
                let instance = UnsafeMutableRawPointer(font).assumingMemoryBound(to: GTypeInstance.self)
                guard g_type_check_instance_is_a(instance, pango_fc_font_get_type()) != 0,
                      let pattern = pango_fc_font_get_pattern(UnsafeMutableRawPointer(font).assumingMemoryBound(to: PangoFcFont.self)) else {
                    out.append((face, "unknown")); continue
                }
                var file: UnsafeMutablePointer<FcChar8>?
                if FcPatternGetString(pattern, FC_FILE, 0, &file) == FcResultMatch, let file {
                    out.append((face, String(cString: file)))
                } else {
                    out.append((face, "unknown"))
                }
            }
        }
        return out
    }

    /// Draws `text` with its top-left at (x, y), wrapped at `width` as when it was measured.
    public func draw(_ text: String, _ font: FontSpec, at x: Double, _ y: Double, width: Double?, alignment: TextAlignment,
              colour: Colour, on cr: CairoContext) {
        // The layout made to measure the text, drawn as it is: unscaled (the PDF's pages) it is
        // exactly what a layout made for the surface would be, and scaled (a PNG) Cairo still
        // draws its glyphs' outlines at the device's resolution, in the same places to a
        // fraction of a pixel; either way the lines break where the page was planned.
        cr.setColour(colour)
        cairo_move_to(cr.pointer, x, y)
        pango_cairo_show_layout(cr.pointer, kept(text, font, width: width, alignment: alignment))
    }
}

/// Text in a key of `TextEngine`'s, compared and hashed as its UTF-8 bytes, which is what Pango
/// is given: String's own hashing first normalises the text (NFC), a visible cost for every
/// typographic quote and dash measured, and two spellings Swift calls equal are two texts to
/// Pango anyway.
private struct TextBytes: Hashable {
    var text: String
    init(_ text: String) { self.text = text }
    static func == (a: Self, b: Self) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }
    func hash(into hasher: inout Hasher) {
        var s = text
        s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
