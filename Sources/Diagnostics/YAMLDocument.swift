import Foundation
import Yams

/// A YAML file read with the position of every value kept, so that every later complaint about
/// the data can point at a line and column.
public struct YAMLDocument {
    public let path: String
    public let root: YAMLValue

    /// Reads and parses `path`. A missing file or a YAML syntax error is an `InputError`.
    public static func load(path: String) throws(InputError) -> YAMLDocument {
        ReadLog.note(path)
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw InputError(SourceLocation(file: path),
                             exists ? "cannot read this file" : "file not found", kind: .noInput)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(SourceLocation(file: path), "the file is not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws(InputError) -> YAMLDocument {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw InputError(Self.located(error, file: file))
        } catch {
            throw InputError(SourceLocation(file: file), "cannot parse YAML: \(error)")
        }
        guard let node else {
            throw InputError(SourceLocation(file: file, line: 1, column: 1), "the file is empty")
        }
        return YAMLDocument(path: file, root: YAMLValue(node: node, file: file))
    }

    private static func located(_ error: YamlError, file: String) -> [Diagnostic] {
        func at(_ mark: Mark, _ problem: String, _ context: YamlError.Context?) -> [Diagnostic] {
            var message = "YAML syntax: \(problem)"
            if let context { message += " (\(context.text))" }
            return [Diagnostic(.error, SourceLocation(file: file, line: mark.line, column: mark.column), message)]
        }
        switch error {
        case let .scanner(context, problem, mark, _): return at(mark, problem, context)
        case let .parser(context, problem, mark, _): return at(mark, problem, context)
        case let .composer(context, problem, mark, _): return at(mark, problem, context)
        case let .duplicatedKeysInMapping(duplicates, context):
            return duplicates.map { duplicate(key: $0, first: context.mark, text: context.text, file: file) }
        default:
            return [Diagnostic(.error, SourceLocation(file: file), "cannot parse YAML: \(error)")]
        }
    }
}

extension YAMLDocument {
    /// Yams reports a repeated key with the first one's place and the whole text; the reader
    /// needs the second one's place, which is the next line after it with the key at the same indent.
    static func duplicate(key: String, first: Mark, text: String, file: String) -> Diagnostic {
        let lines = text.components(separatedBy: "\n")
        let indent = max(0, first.column - 1)
        var place = SourceLocation(file: file, line: first.line, column: first.column)
        for n in first.line..<lines.count {   // lines[n] is line n + 1
            let line = lines[n]
            guard line.count > indent else { continue }
            let rest = line.dropFirst(indent)
            if line.prefix(indent).allSatisfy({ $0 == " " || $0 == "-" }) && (rest.hasPrefix("\(key):") || rest.hasPrefix("\"\(key)\":")) {
                place = SourceLocation(file: file, line: n + 1, column: indent + 1)
                break
            }
        }
        return Diagnostic(.error, place, "\"\(key)\" is given twice in one mapping (first at line \(first.line)); YAML keeps only one, so say it once")
    }
}

/// One value in a YAML file and where it stands.
public struct YAMLValue {
    public let node: Node
    public let file: String

    public init(node: Node, file: String) {
        self.node = node
        self.file = file
    }

    public var location: SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
    }

    /// The text of a scalar; nil for lists and mappings. A YAML null (`~`, empty) is nil too.
    public var scalar: String? {
        guard let s = node.scalar else { return nil }
        if s.tag.description == Tag.Name.null.rawValue && (s.string.isEmpty || s.string == "~" || s.string == "null") {
            return nil
        }
        return s.string
    }

    public var isNull: Bool {
        guard let s = node.scalar else { return false }
        return s.string.isEmpty || s.string == "~" || s.string == "null"
    }

    public var sequence: [YAMLValue]? {
        node.sequence.map { $0.map { YAMLValue(node: $0, file: file) } }
    }

    public var mapping: YAMLMapping? {
        node.mapping.map { YAMLMapping(value: self, mapping: $0) }
    }

    /// "a list", "a mapping" or "text", for messages such as "expected a list, found text".
    public var kindName: String {
        switch node {
        case .scalar: return isNull ? "nothing" : "text"
        case .sequence: return "a list"
        case .mapping: return "a mapping (key: value lines)"
        case .alias: return "an alias"
        }
    }
}

/// A YAML mapping with its keys in file order; accessors report what is missing or mistyped.
public struct YAMLMapping {
    public struct Entry {
        public let key: String
        public let keyLocation: SourceLocation
        public let value: YAMLValue
    }

    public let value: YAMLValue
    public let entries: [Entry]

    init(value: YAMLValue, mapping: Node.Mapping) {
        self.value = value
        self.entries = mapping.map { pair in
            let key = YAMLValue(node: pair.key, file: value.file)
            return Entry(key: pair.key.scalar?.string ?? "", keyLocation: key.location,
                         value: YAMLValue(node: pair.value, file: value.file))
        }
    }

    public var location: SourceLocation { value.location }

    public subscript(key: String) -> YAMLValue? {
        entries.first { $0.key == key }?.value
    }

    public func has(_ key: String) -> Bool { self[key] != nil }

    /// Reports keys that are not in `allowed` (with the nearest allowed spelling) and keys given twice.
    public func checkKeys(_ allowed: [String], _ log: DiagnosticLog, in what: String) {
        var seen: [String: SourceLocation] = [:]
        for entry in entries {
            if let first = seen[entry.key] {
                log.error(entry.keyLocation, "\"\(entry.key)\" is given twice in \(what) (first at line \(first.line))")
            }
            seen[entry.key] = entry.keyLocation
            if !allowed.contains(entry.key) {
                log.error(entry.keyLocation, "unknown key \"\(entry.key)\" in \(what)\(Suggestion.hint(for: entry.key, in: allowed))")
            }
        }
    }

    /// A text value; logs an error when it is required and missing, or when it is not text.
    public func string(_ key: String, _ log: DiagnosticLog, in what: String, required: Bool = true) -> String? {
        guard let v = self[key], !v.isNull else {
            if required { log.error(location, "\(what) has no \"\(key)\"") }
            return nil
        }
        guard let s = v.scalar else {
            log.error(v.location, "\"\(key)\" in \(what) should be text, found \(v.kindName)")
            return nil
        }
        let trimmed = s.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            if required { log.error(v.location, "\"\(key)\" in \(what) is empty") }
            return nil
        }
        return trimmed
    }

    public func int(_ key: String, _ log: DiagnosticLog, in what: String, required: Bool = true) -> Int? {
        guard let text = string(key, log, in: what, required: required) else { return nil }
        guard let n = Int(text) else {
            log.error(self[key]!.location, "\"\(key)\" in \(what) should be a whole number, found \"\(text)\"")
            return nil
        }
        return n
    }

    public func bool(_ key: String, _ log: DiagnosticLog, in what: String) -> Bool? {
        guard let text = string(key, log, in: what, required: false) else { return nil }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            log.error(self[key]!.location, "\"\(key)\" in \(what) should be true or false, found \"\(text)\"")
            return nil
        }
    }

    /// A list value (missing is an empty list unless required).
    public func list(_ key: String, _ log: DiagnosticLog, in what: String, required: Bool = false) -> [YAMLValue] {
        guard let v = self[key], !v.isNull else {
            if required { log.error(location, "\(what) has no \"\(key)\" list") }
            return []
        }
        guard let items = v.sequence else {
            log.error(v.location, "\"\(key)\" in \(what) should be a list, found \(v.kindName)")
            return []
        }
        return items
    }

    /// A nested mapping value.
    public func map(_ key: String, _ log: DiagnosticLog, in what: String, required: Bool = true) -> YAMLMapping? {
        guard let v = self[key], !v.isNull else {
            if required { log.error(location, "\(what) has no \"\(key)\" section") }
            return nil
        }
        guard let m = v.mapping else {
            log.error(v.location, "\"\(key)\" in \(what) should be a mapping (key: value lines), found \(v.kindName)")
            return nil
        }
        return m
    }

    /// A list of text values.
    public func strings(_ key: String, _ log: DiagnosticLog, in what: String) -> [(String, SourceLocation)] {
        list(key, log, in: what).compactMap { item in
            guard let s = item.scalar else {
                log.error(item.location, "each item of \"\(key)\" in \(what) should be text, found \(item.kindName)")
                return nil
            }
            return (s, item.location)
        }
    }
}

extension YAMLValue {
    /// This value as a mapping, logging an error when it is something else.
    public func requireMapping(_ log: DiagnosticLog, as what: String) -> YAMLMapping? {
        guard let m = mapping else {
            log.error(location, "\(what) should be a mapping (key: value lines), found \(kindName)")
            return nil
        }
        return m
    }
}
