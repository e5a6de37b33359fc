/// Exit statuses from BSD's sysexits, which scripts and `make` can tell apart.
public enum ExitStatus: Int32, Sendable {
    case ok = 0
    case usage = 64
    /// The input data (a record, pack, style or official file) is wrong.
    case dataError = 65
    /// An input file is not there, is a folder or cannot be opened.
    case noInput = 66
    /// Something failed that is not the user's input (a drawing failure, a bug).
    case software = 70
    /// An output file or folder cannot be created.
    case cannotCreateOutput = 73
    /// Reading or writing failed part-way (a full disk, a device error).
    case ioError = 74
}
