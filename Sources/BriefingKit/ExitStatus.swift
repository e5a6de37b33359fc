/// Exit statuses from BSD's sysexits, which scripts and `make` can tell apart.
public enum ExitStatus: Int32, Sendable {
    case ok = 0
    case usage = 64
    /// The input data (a record, pack or style file) is wrong or missing.
    case dataError = 65
    /// Something failed that is not the user's input (a drawing or write failure).
    case software = 70
    case cannotCreateOutput = 73
}
