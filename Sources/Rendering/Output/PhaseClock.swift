import Foundation
import Synchronization

/// Adds up the time spent in each named step of a run (load, aggregate, lay out, draw, encode,
/// write) for `make bench`. Shared by parallel tasks, so it locks. Never used by tests to judge.
public final class PhaseClock: Sendable {
    /// Each phase's total, and the order phases were first seen in.
    private let state = Mutex<(totals: [String: Double], order: [String])>(([:], []))

    public init() {}

    /// Runs `body`, adding its wall time to `phase`.
    public func time<T>(_ phase: String, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { add(phase, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
        return try body()
    }

    public func add(_ phase: String, _ seconds: Double) {
        state.withLock { s in
            if s.totals[phase] == nil { s.order.append(phase) }
            s.totals[phase, default: 0] += seconds
        }
    }

    public var report: [(phase: String, seconds: Double)] {
        state.withLock { s in s.order.map { ($0, s.totals[$0]!) } }
    }
}
