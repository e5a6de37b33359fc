import Foundation
import Synchronization

/// Adds up the time spent in each named step of a run (load, aggregate, lay out, draw, encode,
/// write) for `make bench`: wall time, and the CPU time of the thread that ran the step, which
/// other work on a shared machine disturbs far less. Shared by parallel tasks, so it locks.
/// Never used by tests to judge.
public final class PhaseClock: Sendable {
    /// Each phase's totals, and the order phases were first seen in.
    private let state = Mutex<(totals: [String: (wall: Double, cpu: Double)], order: [String])>(([:], []))

    public init() {}

    /// The calling thread's CPU time so far, in seconds.
    public static func threadCPU() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Runs `body`, adding its wall time and its thread's CPU time to `phase`.
    public func time<T>(_ phase: String, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds, cpu = Self.threadCPU()
        defer { add(phase, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, cpu: Self.threadCPU() - cpu) }
        return try body()
    }

    public func add(_ phase: String, _ seconds: Double, cpu: Double = 0) {
        state.withLock { s in
            if s.totals[phase] == nil { s.order.append(phase) }
            let t = s.totals[phase, default: (0, 0)]
            s.totals[phase] = (t.wall + seconds, t.cpu + cpu)
        }
    }

    public var report: [(phase: String, seconds: Double, cpu: Double)] {
        state.withLock { s in s.order.map { ($0, s.totals[$0]!.wall, s.totals[$0]!.cpu) } }
    }
}
