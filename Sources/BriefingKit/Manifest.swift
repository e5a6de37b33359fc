import CPango
import Foundation

/// What a pack was built from: a SHA-256 for every input file, the tool that built it (its
/// version and its executable's size and time), the fonts Pango chose, and the options that
/// change the output. When all of these match and every output is there, the pack is not rebuilt.
struct Manifest: Codable, Equatable {
    var tool: String
    var inputs: [String: String]
    var fonts: [String]
    var options: [String: String]
    var outputs: [String]

    static func path(out: String, id: String) -> String { "\(out)/\(id).manifest.json" }

    /// SHA-256 through GLib's `GChecksum`, already linked through Pango: no crypto package to
    /// build (swift-crypto brought 359 BoringSSL compile steps for this one hash).
    static func hash(_ data: Data) -> String {
        let hex = data.withUnsafeBytes { raw -> UnsafeMutablePointer<gchar>? in
            g_compute_checksum_for_data(G_CHECKSUM_SHA256, raw.bindMemory(to: guchar.self).baseAddress, gsize(raw.count))
        }
        defer { g_free(hex) }
        return hex.map { String(cString: $0) } ?? ""
    }

    /// Hashes of the files at `paths` (a missing file hashes as "missing", so its appearance
    /// later counts as a change).
    static func hashes(_ paths: [String]) -> [String: String] {
        var out: [String: String] = [:]
        for p in Set(paths) {
            out[p] = FileManager.default.contents(atPath: p).map(hash) ?? "missing"
        }
        return out
    }

    /// The running executable's version, size and modification time: a rebuilt tool rebuilds
    /// every pack. (Hashing the 25 MB binary would cost more than building a pack.)
    static let toolIdentity: String = {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let a = try? FileManager.default.attributesOfItem(atPath: exe)
        let size = (a?[.size] as? NSNumber)?.intValue ?? 0
        let modified = (a?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "briefing \(BriefingVersion.string) \(exe) \(size) \(Int(modified))"
    }()

    static func load(out: String, id: String) -> Manifest? {
        guard let data = FileManager.default.contents(atPath: path(out: out, id: id)) else { return nil }
        return try? JSONDecoder().decode(Manifest.self, from: data)
    }

    func encoded() -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? e.encode(self)) ?? Data()
    }

    /// True when `stored` was built from exactly these inputs and all its outputs are still in `out`.
    func matches(_ stored: Manifest?, in out: String) -> Bool {
        guard let stored, stored.tool == tool, stored.inputs == inputs, stored.fonts == fonts, stored.options == options,
              !stored.outputs.isEmpty else { return false }
        return stored.outputs.allSatisfy { FileManager.default.fileExists(atPath: "\(out)/\($0)") }
    }
}
