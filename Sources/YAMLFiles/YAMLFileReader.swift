import Diagnostics
import YAMLFiles

/// Reads YAML files with Yams (`YAMLDocument.load`): what every loader is given.
public struct YAMLFileReader: YAMLReading {
    public init() {}
    public func document(at path: String) throws(InputError) -> YAMLDocument { try YAMLDocument.load(path: path) }
}

extension YAMLReading where Self == YAMLFileReader {
    /// The files on disk, parsed by Yams: `RecordLoader.load(path: p, frameworksPath: f, yaml: .files)`.
    public static var files: YAMLFileReader { YAMLFileReader() }
}
