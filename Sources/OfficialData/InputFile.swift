import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Opens an input file the way a careful user would: a missing file, a folder, a device or a
/// pipe is refused before anything is read (a folder named `x.ods` once made the reader spin),
/// and every failure carries the system's own reason ("Permission denied").
public enum InputFile {
    /// The file's size, after checking it is a regular file that exists.
    public static func check(_ path: String) throws(InputError) -> Int64 {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            throw InputError(SourceLocation(file: path), errno == ENOENT ? "file not found (\(reason))" : "cannot open: \(reason)",
                             kind: .noInput)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return Int64(info.st_size)
        case S_IFDIR: throw InputError(SourceLocation(file: path), "this is a folder, not a file", kind: .noInput)
        default: throw InputError(SourceLocation(file: path), "this is not a regular file (a device, pipe or socket)", kind: .noInput)
        }
    }

    /// The whole file, refused when larger than `limit` bytes (said in megabytes, with `what`).
    public static func read(_ path: String, limit: Int64, what: String = "an input file") throws(InputError) -> Data {
        ReadLog.note(path)
        let size = try check(path)
        guard size <= limit else {
            throw InputError(SourceLocation(file: path), "the file is \(megabytes(size)), more than the \(megabytes(limit)) \(what) may be")
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw InputError(SourceLocation(file: path), "cannot open: \(String(cString: strerror(errno)))", kind: .noInput)
        }
        defer { close(fd) }
        var data = Data(count: Int(size))
        var done = 0
        while done < Int(size) {
            let n = data.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, Int(size) - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError(SourceLocation(file: path), "reading failed: \(String(cString: strerror(errno)))", kind: .io)
            }
            if n == 0 { break }
            done += n
        }
        return data.prefix(done)
    }

    static func megabytes(_ bytes: Int64) -> String {
        bytes >= 1_000_000 ? "\(bytes / 1_000_000) MB" : "\(bytes) bytes"
    }
}
