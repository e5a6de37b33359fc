import Foundation

/// Where something was found in an input file, so a message can send the reader straight to it.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    /// 1-based; 0 when the problem concerns the file as a whole.
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        line > 0 ? "\(file):\(line):\(column)" : file
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// One problem with the input, in plain English, tied to its place in a file.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// `file:line:column: error: message`, the form editors and CI logs link to.
    public var description: String {
        "\(location): \(severity.rawValue): \(message)"
    }
}

/// Input that cannot be used; carries every problem found, not just the first.
public struct InputError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is, so a command can answer with the right sysexits code:
    /// bad data (65), an input that is not there or not readable (66), or a read that failed (74).
    public enum Kind: Sendable { case data, noInput, io }

    public var diagnostics: [Diagnostic]
    public var kind: Kind = .data

    public init(_ diagnostics: [Diagnostic], kind: Kind = .data) {
        self.diagnostics = diagnostics
        self.kind = kind
    }

    public init(_ location: SourceLocation, _ message: String, kind: Kind = .data) {
        self.diagnostics = [Diagnostic(.error, location, message)]
        self.kind = kind
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// Collects problems while a file is read, so one run reports all of them.
public final class DiagnosticLog {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public func error(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.error, location, message))
    }

    public func warning(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.warning, location, message))
    }

    public func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Sorted by place, so messages read top to bottom like the file.
    public var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            a.element.location == b.element.location ? a.offset < b.offset : a.element.location < b.element.location
        }.map(\.element)
    }

    /// Throws every diagnostic collected so far when any of them is an error.
    public func throwIfErrors() throws(InputError) {
        if hasErrors { throw InputError(sorted) }
    }
}
