import Diagnostics
import Foundation
import Yams

/// YAML files read from disk: Yams parses them and the result becomes `Diagnostics`' located
/// tree. Only this module (and those above it) import Yams, so `Diagnostics` and `Judgements`
/// compile while Yams does, instead of after it.
extension YAMLDocument {
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
        return YAMLDocument(path: file, root: tree(node, file: file))
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

    /// Yams's node as the located tree, every value with its line and column.
    static func tree(_ node: Node, file: String) -> YAMLValue {
        let content: YAMLValue.Content
        switch node {
        case let .scalar(s):
            // Yams resolves a tag by trying its regular expressions in turn, which was 1 % of the
            // 153-pack batch; only text that can be a null ("", "~", "null") needs its tag.
            let maybeNull = s.string.isEmpty || s.string == "~" || s.string == "null"
            content = .scalar(s.string, nullTag: maybeNull && s.tag.description == Tag.Name.null.rawValue)
        case let .sequence(items):
            content = .sequence(items.map { tree($0, file: file) })
        case let .mapping(pairs):
            content = .mapping(pairs.map { (key: tree($0.key, file: file), value: tree($0.value, file: file)) })
        case .alias:
            content = .alias
        }
        return YAMLValue(content, file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
    }
}
