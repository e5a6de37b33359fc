import Foundation

/// Adds up the time spent in each named step of a run (load, aggregate, lay out, draw, encode,
/// write) for `make bench`. Shared by parallel tasks, so it locks. Never used by tests to judge.
public final class PhaseClock: @unchecked Sendable {
    private var totals: [String: Double] = [:]
    private var order: [String] = []
    private let lock = NSLock()

    public init() {}

    /// Runs `body`, adding its wall time to `phase`.
    public func time<T>(_ phase: String, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { add(phase, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
        return try body()
    }

    public func add(_ phase: String, _ seconds: Double) {
        lock.lock(); defer { lock.unlock() }
        if totals[phase] == nil { order.append(phase) }
        totals[phase, default: 0] += seconds
    }

    public var report: [(phase: String, seconds: Double)] {
        lock.lock(); defer { lock.unlock() }
        return order.map { ($0, totals[$0]!) }
    }
}
