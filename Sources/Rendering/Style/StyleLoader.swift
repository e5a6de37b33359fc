import Diagnostics
import Foundation
import Judgements

/// Reads style files. A file may name a `base:` style in the same folder and give only what
/// differs from it; after inheritance every key is required, and unknown keys are errors, so a
/// typo never silently falls back to a default. Read once per pack (a few milliseconds of YAML),
/// so not optimised (`@_optimize(none)`: Rendering compiles in 15.8 s instead of 17.3 s;
/// CONTRIBUTING, "Code the optimiser skips").
public enum StyleLoader {
    static let pageSizes: [String: (Double, Double)] = ["A4": (595.276, 841.89)]
    static let topKeys = ["base", "name", "description", "fonts", "sizes", "colours", "grades", "statuses", "page", "spacing", "strokes"]
    static var statusKeys: [String] { ProgressStatus.allCases.map { $0.rawValue.replacingOccurrences(of: " ", with: "-") } }

    /// What one file says, every part optional until the chain of bases is merged.
    struct Partial {
        var name: String?, description: String?
        var families: [String]?
        var sizes: [String: Double] = [:], spacing: [String: Double] = [:], strokes: [String: Double] = [:], colours: [String: Colour] = [:]
        var grades: [String: [String: String]] = [:], statuses: [String: [String: String]] = [:]
        var page: (Double, Double)?, margin: Double?

        /// `other` over `self`: each key `other` gives replaces this one's.
        @_optimize(none) func overlaid(by other: Partial) -> Partial {
            var out = self
            out.name = other.name ?? name; out.description = other.description ?? description
            out.families = other.families ?? families
            out.sizes.merge(other.sizes) { $1 }; out.spacing.merge(other.spacing) { $1 }; out.strokes.merge(other.strokes) { $1 }; out.colours.merge(other.colours) { $1 }
            for (k, v) in other.grades { out.grades[k, default: [:]].merge(v) { $1 } }
            for (k, v) in other.statuses { out.statuses[k, default: [:]].merge(v) { $1 } }
            out.page = other.page ?? page; out.margin = other.margin ?? margin
            return out
        }
    }

    @_optimize(none) public static func load(path: String, yaml: some YAMLReading) throws(InputError) -> Style {
        let log = DiagnosticLog()
        let merged = try chain(path, seen: [], log, yaml)
        let at = SourceLocation(file: path, line: 1, column: 1)
        func need<T>(_ v: T?, _ key: String) -> T? {
            if v == nil { log.error(at, "the style (with its bases) gives no \(key)") }
            return v
        }
        for (section, keys, given) in [("sizes", Style.Sizes.keys, Set(merged.sizes.keys)), ("spacing", Style.Spacing.keys, Set(merged.spacing.keys)), ("strokes", Style.Strokes.keys, Set(merged.strokes.keys)),
                                       ("colours", Style.Colours.keys, Set(merged.colours.keys)), ("grades", Grade.allCases.map(\.key), Set(merged.grades.keys)),
                                       ("statuses", statusKeys, Set(merged.statuses.keys))] {
            for k in keys where !given.contains(k) { log.error(at, "the style (with its bases) gives no \(section).\(k)") }
        }
        var grades: [Grade: Style.GradeColours] = [:]
        for g in Grade.allCases {
            guard let f = merged.grades[g.key] else { continue }
            if let fill = need(f["fill"].flatMap(Colour.init(hex:)), "grades.\(g.key).fill"), let text = need(f["text"].flatMap(Colour.init(hex:)), "grades.\(g.key).text"),
               let p = need(f["pattern"].flatMap(Style.Pattern.init(rawValue:)), "grades.\(g.key).pattern") {
                grades[g] = .init(fill: fill, text: text, pattern: p)
            }
        }
        var statuses: [ProgressStatus: Style.StatusLook] = [:]
        for (status, key) in zip(ProgressStatus.allCases, statusKeys) {
            guard let f = merged.statuses[key] else { continue }
            if let fill = need(f["fill"].flatMap(Colour.init(hex:)), "statuses.\(key).fill"), let text = need(f["text"].flatMap(Colour.init(hex:)), "statuses.\(key).text"),
               let p = need(f["pattern"].flatMap(Style.Pattern.init(rawValue:)), "statuses.\(key).pattern"), let symbol = need(f["symbol"], "statuses.\(key).symbol") {
                statuses[status] = .init(fill: fill, text: text, pattern: p, symbol: symbol)
            }
        }
        let name = need(merged.name, "name"), description = need(merged.description, "description")
        let families = need(merged.families, "fonts"), page = need(merged.page, "page.size"), margin = need(merged.margin, "page.margin")
        try log.throwIfErrors()
        return Style(name: name!, description: description!, fontFamilies: families!, sizes: Style.Sizes(merged.sizes)!, colours: Style.Colours(merged.colours)!,
                     grades: grades, statuses: statuses, pageWidth: page!.0, pageHeight: page!.1, margin: margin!, spacing: Style.Spacing(merged.spacing)!, strokes: Style.Strokes(merged.strokes)!)
    }

    /// The file at `path` over its bases, each checked as it is read.
    @_optimize(none) static func chain(_ path: String, seen: [String], _ log: DiagnosticLog, _ yaml: some YAMLReading) throws(InputError) -> Partial {
        let doc = try yaml.document(at: path)
        guard let root = doc.root.requireMapping(log, as: "a style file") else { throw InputError(log.sorted) }
        // Errors are collected, not thrown here, so one run also reports what the merged style lacks.
        let mine = read(root, log)
        guard let base = root.string("base", log, in: "the style", required: false) else { return mine }
        let basePath = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("\(base).yaml").path
        if seen.contains(basePath) || basePath == path {
            throw InputError(root["base"]!.location, "base \"\(base)\" leads back to this style: bases cannot go round in a circle")
        }
        guard FileManager.default.fileExists(atPath: basePath) else {
            throw InputError(root["base"]!.location, "base \"\(base)\" is not a style in this folder (no \(base).yaml)", kind: .noInput)
        }
        return try chain(basePath, seen: seen + [path], log, yaml).overlaid(by: mine)
    }

    /// Everything one file gives, each key optional, unknown keys and bad values located errors.
    @_optimize(none) static func read(_ root: YAMLMapping, _ log: DiagnosticLog) -> Partial {
        root.checkKeys(topKeys, log, in: "the style")
        var p = Partial()
        p.name = root.string("name", log, in: "the style", required: false)
        p.description = root.string("description", log, in: "the style", required: false)
        if let fonts = root.map("fonts", log, in: "the style", required: false) {
            fonts.checkKeys(["family", "fallback"], log, in: "fonts")
            p.families = [fonts.string("family", log, in: "fonts"), fonts.string("fallback", log, in: "fonts")].compactMap { $0 }
        }
        p.sizes = numbers(root, "sizes", keys: Style.Sizes.keys, log)
        p.spacing = numbers(root, "spacing", keys: Style.Spacing.keys, log)
        p.strokes = numbers(root, "strokes", keys: Style.Strokes.keys, log)
        if let m = root.map("colours", log, in: "the style", required: false) {
            m.checkKeys(Style.Colours.keys, log, in: "colours")
            for e in m.entries { if let c = colour(m, e.key, log, in: "colours") { p.colours[e.key] = c } }
        }
        p.grades = looks(root, "grades", keys: Grade.allCases.map(\.key), fields: ["fill", "text", "pattern"], log)
        p.statuses = looks(root, "statuses", keys: statusKeys, fields: ["fill", "text", "pattern", "symbol"], log)
        if let m = root.map("page", log, in: "the style", required: false) {
            m.checkKeys(["size", "margin"], log, in: "page")
            if let s = m.string("size", log, in: "page", required: false) {
                p.page = pageSizes[s]
                if p.page == nil { log.error(m["size"]!.location, "unknown page size \"\(s)\"; known: \(pageSizes.keys.sorted().joined(separator: ", "))") }
            }
            if m.has("margin") { p.margin = number(m, "margin", log, in: "page") }
        }
        return p
    }

    /// Grade or status looks: each field checked now (colours, patterns), kept as text to merge.
    @_optimize(none) static func looks(_ root: YAMLMapping, _ section: String, keys: [String], fields: [String], _ log: DiagnosticLog) -> [String: [String: String]] {
        guard let m = root.map(section, log, in: "the style", required: false) else { return [:] }
        m.checkKeys(keys, log, in: section)
        var out: [String: [String: String]] = [:]
        for e in m.entries where keys.contains(e.key) {
            guard let g = m.map(e.key, log, in: section) else { continue }
            let w = "\(section) \"\(e.key)\""
            g.checkKeys(fields, log, in: w)
            var f: [String: String] = [:]
            for field in fields where g.has(field) {
                switch field {
                case "fill", "text": if let c = colour(g, field, log, in: w) { f[field] = c.hex }
                case "pattern": if let p = pattern(g, log, in: w) { f[field] = p.rawValue }
                default: if let s = g.string(field, log, in: w) { f[field] = s }
                }
            }
            out[e.key] = f
        }
        return out
    }

    @_optimize(none) static func numbers(_ root: YAMLMapping, _ key: String, keys: [String], _ log: DiagnosticLog) -> [String: Double] {
        guard let m = root.map(key, log, in: "the style", required: false) else { return [:] }
        m.checkKeys(keys, log, in: key)
        var out: [String: Double] = [:]
        for e in m.entries where keys.contains(e.key) { if let v = number(m, e.key, log, in: key) { out[e.key] = v } }
        return out
    }

    @_optimize(none) static func number(_ m: YAMLMapping, _ key: String, _ log: DiagnosticLog, in what: String) -> Double? {
        guard let text = m.string(key, log, in: what) else { return nil }
        guard let v = Double(text), v > 0 else {
            log.error(m[key]!.location, "\"\(key)\" in \(what) should be a positive number of points, found \"\(text)\"")
            return nil
        }
        return v
    }

    @_optimize(none) static func pattern(_ m: YAMLMapping, _ log: DiagnosticLog, in what: String) -> Style.Pattern? {
        guard let text = m.string("pattern", log, in: what) else { return nil }
        guard let p = Style.Pattern(rawValue: text) else {
            let names = Style.Pattern.allCases.map(\.rawValue)
            log.error(m["pattern"]!.location, "unknown pattern \"\(text)\"\(Suggestion.hint(for: text, in: names)); use one of: \(names.joined(separator: ", "))")
            return nil
        }
        return p
    }

    @_optimize(none) static func colour(_ m: YAMLMapping, _ key: String, _ log: DiagnosticLog, in what: String) -> Colour? {
        guard let text = m.string(key, log, in: what) else { return nil }
        guard let c = Colour(hex: text) else {
            log.error(m[key]!.location, "\"\(key)\" in \(what) should be a colour written #RRGGBB, found \"\(text)\"")
            return nil
        }
        return c
    }
}
