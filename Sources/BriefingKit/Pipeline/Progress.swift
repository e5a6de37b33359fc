import Foundation
import Synchronization

/// Shows a batch's progress: a bar with the count and time left when standard error is a
/// terminal, a plain line per pack otherwise, nothing when quiet.
final class Progress: Sendable {
    enum Mode { case bar, lines, quiet }

    let total: Int
    let mode: Mode
    /// How many packs have finished; the lock also keeps two packs' lines from interleaving.
    private let done = Mutex(0)
    private let start = Date()
    private let write: @Sendable (String) -> Void

    init(total: Int, quiet: Bool, write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.total = total
        self.write = write
        mode = quiet || total == 0 ? .quiet : (isatty(STDERR_FILENO) != 0 ? .bar : .lines)
    }

    func finished(_ what: String, _ outcome: String) {
        done.withLock { done in
            done += 1
            switch mode {
            case .quiet: break
            case .lines: write("[\(done)/\(total)] \(what): \(outcome)\n")
            case .bar:
                let width = 30
                let filled = total == 0 ? width : width * done / total
                let elapsed = Date().timeIntervalSince(start)
                let left = done == 0 ? 0 : elapsed / Double(done) * Double(total - done)
                write("\r[\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] \(done)/\(total) \u{00B7} \(Int(left.rounded()))s left ")
                if done == total { write("\n") }
            }
        }
    }
}
