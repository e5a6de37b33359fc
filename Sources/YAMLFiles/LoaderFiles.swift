import Diagnostics
import Judgements

/// The record and frameworks loaders' entry points from a path: read and parsed here, checked by
/// `Judgements` (which reads a parsed document and never imports Yams).
extension FrameworkLoader {
    /// Reads `Reports/frameworks.yaml`: the ILACS framework eras and the judgements each makes.
    public static func load(path: String) throws(InputError) -> Frameworks {
        try read(try YAMLDocument.load(path: path))
    }
}

extension RecordLoader {
    /// Loads the record at `path`, using the eras and themes in `frameworksPath`. Given the ids of
    /// the official indicators, a quote's `indicator:` is checked against them.
    public static func load(path: String, frameworksPath: String, indicators: [String]? = nil) throws(InputError) -> AuthorityRecord {
        let frameworks = try FrameworkLoader.load(path: frameworksPath)
        let doc = try YAMLDocument.load(path: path)
        return try read(doc, frameworks: frameworks, indicators: indicators)
    }
}
