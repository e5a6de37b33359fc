import Foundation

/// Writes a set of output files so that each appears whole or not at all: everything is first
/// written beside its target under a temporary name, then renamed into place. A failure before
/// the renames leaves every previous output exactly as it was.
public struct AtomicWriter {
    public enum WriteError: Error, CustomStringConvertible {
        case cannotWrite(String, String)
        public var description: String {
            switch self { case let .cannotWrite(path, why): return "\(path): cannot write: \(why)" }
        }
    }

    public init() {}

    public func write(_ files: [(path: String, data: Data)]) throws(WriteError) {
        var staged: [(tmp: String, path: String)] = []
        let fm = FileManager.default
        do {
            for (path, data) in files {
                let url = URL(fileURLWithPath: path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                let tmp = url.deletingLastPathComponent()
                    .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
                guard fm.createFile(atPath: tmp, contents: data) else {
                    throw WriteError.cannotWrite(path, "the folder is not writable")
                }
                staged.append((tmp, path))
            }
            for (tmp, path) in staged {
                if rename(tmp, path) != 0 { throw WriteError.cannotWrite(path, String(cString: strerror(errno))) }
            }
        } catch {
            for (tmp, _) in staged { try? fm.removeItem(atPath: tmp) }
            if let e = error as? WriteError { throw e }
            throw WriteError.cannotWrite(files.first?.path ?? "", "\(error)")
        }
    }
}
