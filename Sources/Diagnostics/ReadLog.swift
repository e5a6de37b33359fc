import Foundation
import Synchronization

/// The files a step read, noted where files are opened (`YAMLDocument.load`, `InputFile.read`,
/// a folder listed for its files) rather than listed by hand beside the code that reads them: a
/// build's manifest hashes exactly these, so a file that starts feeding a pack (another
/// authority's record feeding a neighbours grid) is an input the day it is read, and a file
/// nothing reads is not one.
///
/// A log is bound to the thread that runs `recording`: packs are loaded in parallel, one per
/// thread, and each must see only its own reads. Logs nest: a read is noted in the innermost log
/// and every log around it, so the official data loaded inside a pack's load step counts for both.
public final class ReadLog: Sendable {
    private let paths = Mutex<Set<String>>([])
    private let parent: ReadLog?

    private init(parent: ReadLog?) { self.parent = parent }

    private static let key = "briefing.ReadLog"

    /// The log of the calling thread's innermost `recording`, if any.
    private static var current: ReadLog? {
        get { Thread.current.threadDictionary[key] as? ReadLog }
        set { Thread.current.threadDictionary[key] = newValue }
    }

    /// Runs `body`, noting every file it reads; the files come back sorted.
    public static func recording<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> (T, files: [String]) {
        let outer = current
        let log = ReadLog(parent: outer)
        current = log
        defer { current = outer }
        let value = try body()
        return (value, log.files)
    }

    /// Notes that the file at `path` was read (or tried: a missing file is an input too, since
    /// its appearance changes what is built).
    public static func note(_ path: String) {
        var log = current
        while let l = log { l.add(path); log = l.parent }
    }

    /// Notes that `folder` was listed: the names in it are an input (a new record in
    /// `Reports/authorities` changes every comparison). Kept with a trailing `/`.
    public static func noteListing(_ folder: String) {
        note(folder.hasSuffix("/") ? folder : folder + "/")
    }

    /// Adds files read elsewhere (a shared load) to the calling thread's logs.
    public static func note(_ paths: [String]) { for p in paths { note(p) } }

    private func add(_ path: String) { _ = paths.withLock { $0.insert(path) } }

    public var files: [String] { paths.withLock { $0.sorted() } }
}

extension ReadLog {
    /// Runs `a` and `b` at once on two threads, as if one after the other on this one: the files
    /// each reads are noted in this thread's logs, and `a`'s error is the one thrown when both
    /// fail. The official data's files are read this way before any pack can start.
    public static func both<A: Sendable, B: Sendable>(_ a: @Sendable () throws(InputError) -> A,
                                                     _ b: @Sendable () throws(InputError) -> B) throws(InputError) -> (A, B) {
        let first = Outcome<A>(), second = Outcome<B>()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 { first.set { () throws(InputError) in try recording(a) } } else { second.set { () throws(InputError) in try recording(b) } }
        }
        let (x, y) = (first.take(), second.take())
        switch (x, y) {
        case let (.success(va), .success(vb)):
            note(va.files); note(vb.files)
            return (va.0, vb.0)
        case let (.failure(e), _), let (_, .failure(e)):
            throw e
        }
    }
}

/// One branch's value and the files it read, or its error.
private final class Outcome<T: Sendable>: Sendable {
    private let slot = Mutex<Result<(T, files: [String]), InputError>?>(nil)

    func set(_ body: () throws(InputError) -> (T, files: [String])) {
        let r = Result { () throws(InputError) in try body() }
        slot.withLock { $0 = r }
    }

    func take() -> Result<(T, files: [String]), InputError> { slot.withLock { $0! } }
}
