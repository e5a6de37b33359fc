import Foundation

/// Writes a set of output files so that each appears whole or not at all: everything is first
/// written beside its target under a temporary name, then renamed into place in the order given
/// (a manifest last). A failure before the renames leaves every previous output exactly as it was.
/// POSIX calls rather than FileManager, so every failure keeps the system's reason.
public struct AtomicWriter {
    public enum WriteError: Error, CustomStringConvertible {
        /// A folder or file could not be created (permissions, a file where a folder should be): 73.
        case cannotCreate(String, String)
        /// Writing failed part-way (no space left on device, a device error, a size limit): 74.
        case io(String, String)

        public var description: String {
            switch self {
            case let .cannotCreate(path, why): return "\(path): cannot create: \(why)"
            case let .io(path, why): return "\(path): cannot write: \(why)"
            }
        }
    }

    /// The suffix of staged files; `briefing build` removes stale ones at its next start.
    public static let temporarySuffix = ".tmp"

    /// Whether each file is flushed to the disk (`fsync`) before it is renamed into place, so a
    /// power cut can never leave an empty or torn file under a real name. Imports and exports
    /// keep this: their files are the project's data. A pack's files are written without it:
    /// each can be drawn again, and a build skips a pack only when every output's bytes still
    /// hash to what its manifest (renamed last) recorded, so a file a power cut tore is simply
    /// rebuilt. The flushes were a third of a single pack's wall time (37 files, one disk
    /// journal commit each) and more on a disk other work is writing to.
    public var durable: Bool

    public init(durable: Bool = true) { self.durable = durable }

    public func write(_ files: [(path: String, data: Data)]) throws(WriteError) {
        var staged: [(tmp: String, path: String)] = []
        defer { for (tmp, _) in staged { unlink(tmp) } }
        for (path, data) in files {
            let url = URL(fileURLWithPath: path)
            let folder = url.deletingLastPathComponent().path
            try Self.makeFolder(folder, for: path)
            let tmp = "\(folder)/.\(url.lastPathComponent).\(getpid())\(Self.temporarySuffix)"
            let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw .cannotCreate(path, Self.reason()) }
            staged.append((tmp, path))
            var done = 0
            while done < data.count {
                let n = data.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + done, data.count - done) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { let why = Self.reason(); close(fd); throw .io(path, why) }
                done += n
            }
            if (durable && fsync(fd) != 0) || close(fd) != 0 { throw .io(path, Self.reason()) }
        }
        for (i, (tmp, path)) in staged.enumerated() where rename(tmp, path) != 0 {
            let why = Self.reason()
            staged.removeFirst(i)
            throw errno == ENOSPC || errno == EIO ? .io(path, why) : .cannotCreate(path, why)
        }
        staged = []
    }

    /// Creates `folder` and its parents; a file in the way or a read-only parent is a 73.
    static func makeFolder(_ folder: String, for path: String) throws(WriteError) {
        var info = stat()
        if stat(folder, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw .cannotCreate(path, "\(folder) is a file, not a folder") }
            return
        }
        let parent = URL(fileURLWithPath: folder).deletingLastPathComponent().path
        if parent != folder && !parent.isEmpty { try makeFolder(parent, for: path) }
        if mkdir(folder, 0o755) != 0 && errno != EEXIST { throw .cannotCreate(path, "\(folder): \(reason())") }
    }

    static func reason() -> String { String(cString: strerror(errno)) }
}
