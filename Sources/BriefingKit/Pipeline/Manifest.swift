import CPango
import Foundation
import Synchronization

/// What a pack was built from: a SHA-256 of every file its load step read (`ReadLog`), the tool
/// that built it (its version and its executable's size and time), the font files Pango chose,
/// the options that change the output, and a SHA-256 of every output. When all of these match and every output
/// is there with the bytes this build wrote, the pack is not rebuilt: a pack left half-written by
/// an interrupted run (some files moved into place, the old manifest still there) is rebuilt.
struct Manifest: Codable, Equatable {
    var tool: String
    var inputs: [String: String]
    var fonts: [String]
    var options: [String: String]
    var outputs: [String]
    /// Output name to SHA-256 (nil in manifests written before outputs were hashed: rebuilt).
    var outputHashes: [String: String]?

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
    /// later counts as a change; a path ending in `/` is a folder whose listing was read, and its
    /// sorted names are hashed).
    static func hashes(_ paths: [String], cache: HashCache? = nil, waiting: Bool = true) -> [String: String] {
        if waiting { cache?.waitForPrefetch() }
        var out: [String: String] = [:]
        for p in Set(paths) {
            if let known = cache?[p] { out[p] = known; continue }
            let h: String
            if p.hasSuffix("/") {
                h = (try? FileManager.default.contentsOfDirectory(atPath: p)).map { hash(Data($0.sorted().joined(separator: "\n").utf8)) } ?? "missing"
            } else {
                h = FileManager.default.contents(atPath: p).map(hash) ?? "missing"
            }
            cache?[p] = h
            out[p] = h
        }
        return out
    }

    /// Hashes already taken in this run: every pack on the official data shares its files and
    /// the fonts (about 3 MB), which are hashed once, not once a pack.
    final class HashCache: Sendable {
        private let known = Mutex<[String: String]>([:])
        /// Entered while `prefetch` hashes (see InputPrefetch.swift).
        let prefetching = DispatchGroup()
        subscript(path: String) -> String? {
            get { known.withLock { $0[path] } }
            set { known.withLock { $0[path] = newValue } }
        }
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

    /// True when `stored` was built from exactly these inputs and all its outputs are still in
    /// `out`, each with the bytes that build wrote.
    func matches(_ stored: Manifest?, in out: String) -> Bool {
        guard let stored, stored.tool == tool, stored.inputs == inputs, stored.fonts == fonts, stored.options == options,
              !stored.outputs.isEmpty, let hashes = stored.outputHashes else { return false }
        return stored.outputs.allSatisfy { name in
            guard let data = FileManager.default.contents(atPath: "\(out)/\(name)") else { return false }
            return hashes[name] == Self.hash(data)
        }
    }

    /// Removes files staged by a run that is no longer running (`.name.PID.tmp`, left by an
    /// interrupted build): a later run must start from whole files only.
    static func removeStaleTemporaries(in out: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
        for name in names where name.hasPrefix(".") && name.hasSuffix(AtomicWriter.temporarySuffix) {
            let parts = name.dropLast(AtomicWriter.temporarySuffix.count).split(separator: ".")
            if let pid = parts.last.flatMap({ Int32($0) }), pid != getpid(), kill(pid, 0) == 0 || errno == EPERM { continue }
            unlink("\(out)/\(name)")
        }
    }
}
