import Foundation

/// A YAML file read with the position of every value kept, so that every later complaint about
/// the data can point at a line and column. The tree is this module's own, not Yams's: the
/// modules that read records and styles (Judgements above all) then compile without waiting for
/// Yams, which `YAMLFiles` alone imports to parse (a cold build's longest chain was Yams first).
public struct YAMLDocument: Sendable {
    public let path: String
    public let root: YAMLValue

    public init(path: String, root: YAMLValue) {
        self.path = path
        self.root = root
    }
}

/// One value in a YAML file and where it stands.
public struct YAMLValue: Sendable {
    /// What a parser found: text (with whether it is YAML's null: `~`, `null` or nothing, plain,
    /// not quoted), a list, a mapping with its keys in file order, or an alias.
    public enum Content: Sendable {
        case scalar(String, nullTag: Bool)
        case sequence([YAMLValue])
        case mapping([(key: YAMLValue, value: YAMLValue)])
        case alias
    }

    public let content: Content
    public let file: String
    public let line: Int
    public let column: Int

    public init(_ content: Content, file: String, line: Int, column: Int) {
        self.content = content
        self.file = file
        self.line = line
        self.column = column
    }

    public var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    /// The text of a scalar; nil for lists and mappings. A YAML null (`~`, empty) is nil too.
    public var scalar: String? {
        guard case let .scalar(s, nullTag) = content else { return nil }
        if nullTag && (s.isEmpty || s == "~" || s == "null") { return nil }
        return s
    }

    public var isNull: Bool {
        guard case let .scalar(s, _) = content else { return false }
        return s.isEmpty || s == "~" || s == "null"
    }

    public var sequence: [YAMLValue]? {
        guard case let .sequence(items) = content else { return nil }
        return items
    }

    public var mapping: YAMLMapping? {
        guard case let .mapping(pairs) = content else { return nil }
        return YAMLMapping(value: self, pairs: pairs)
    }

    /// "a list", "a mapping" or "text", for messages such as "expected a list, found text".
    public var kindName: String {
        switch content {
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

    init(value: YAMLValue, pairs: [(key: YAMLValue, value: YAMLValue)]) {
        self.value = value
        self.entries = pairs.map { pair in
            let key: String
            if case let .scalar(s, _) = pair.key.content { key = s } else { key = "" }
            return Entry(key: key, keyLocation: pair.key.location, value: pair.value)
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

/// What reads a YAML file into the located tree. The loaders (records, frameworks, styles, the
/// indicator catalogue) take one instead of calling a parser, so their modules never import Yams
/// and compile while it does; `YAMLFiles`' `YAMLFileReader` (Yams) is the one the product uses.
public protocol YAMLReading: Sendable {
    func document(at path: String) throws(InputError) -> YAMLDocument
}
