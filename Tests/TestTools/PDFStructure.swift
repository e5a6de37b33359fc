import Foundation

/// A PDF's logical structure as `qpdf --json` reads it: the catalog, the pages in order and the
/// structure tree with every element's type, kids, marked content, attributes and annotations.
public struct PDFStructure {
    public struct Element {
        public var type: String
        public var kids: [Element]
        /// Marked-content ids of a leaf.
        public var mcids: [Int]
        /// The page (from 1) of the element's marked content.
        public var page: Int?
        public var alt: String?
        /// The /A attribute dictionary.
        public var attributes: [String: Any]
        /// Annotations the element refers to with OBJR.
        public var annotations: [[String: Any]]

        /// This element and every element under it, depth first.
        public var all: [Element] { [self] + kids.flatMap(\.all) }
    }

    public let objects: [String: Any]
    public let catalog: [String: Any]
    /// Page object references ("12 0 R") in page order.
    public let pages: [String]
    /// The structure tree root's kids.
    public let roots: [Element]

    public init(path: String) throws {
        let r = try runProcess("qpdf", ["--json", "--json-key=qpdf", path])
        guard r.status == 0 || r.status == 3,
              let json = try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any],
              let parts = json["qpdf"] as? [Any], parts.count == 2, let objects = parts[1] as? [String: Any] else {
            throw StructureError("qpdf --json could not read \(path): \(r.stderr)")
        }
        self.objects = objects
        let trailer = (objects["trailer"] as? [String: Any])?["value"] as? [String: Any] ?? [:]
        catalog = Self.dictionary(objects, trailer["/Root"]) ?? [:]
        var pages: [String] = []
        func collect(_ ref: Any?) {
            guard let node = Self.dictionary(objects, ref) else { return }
            if let kids = node["/Kids"] as? [Any] { kids.forEach(collect) } else if let r = ref as? String { pages.append(r) }
        }
        collect(catalog["/Pages"])
        self.pages = pages
        let tree = Self.dictionary(objects, catalog["/StructTreeRoot"]) ?? [:]
        func element(_ ref: Any) -> Element? {
            guard let d = Self.dictionary(objects, ref), let type = (d["/S"] as? String)?.dropFirst() else { return nil }
            let k: [Any] = (d["/K"] as? [Any]) ?? (d["/K"].map { [$0] } ?? [])
            var annotations: [[String: Any]] = []
            for kid in k {
                if let objr = kid as? [String: Any], objr["/Type"] as? String == "/OBJR", let a = Self.dictionary(objects, objr["/Obj"]) { annotations.append(a) }
            }
            return Element(type: String(type), kids: k.compactMap(element), mcids: k.compactMap { $0 as? Int },
                           page: (d["/Pg"] as? String).flatMap { pages.firstIndex(of: $0) }.map { $0 + 1 },
                           alt: Self.text(d["/Alt"]), attributes: Self.dictionary(objects, d["/A"]) ?? [:], annotations: annotations)
        }
        let k: [Any] = (tree["/K"] as? [Any]) ?? (tree["/K"].map { [$0] } ?? [])
        roots = k.compactMap(element)
    }

    /// A dictionary, following a reference ("12 0 R") and taking a stream's dictionary.
    public static func dictionary(_ objects: [String: Any], _ value: Any?) -> [String: Any]? {
        if let d = value as? [String: Any] { return d }
        guard let ref = value as? String, ref.hasSuffix(" R"), let o = objects["obj:\(ref)"] as? [String: Any] else { return nil }
        if let d = o["value"] as? [String: Any] { return d }
        return (o["stream"] as? [String: Any])?["dict"] as? [String: Any]
    }

    public func dictionary(_ value: Any?) -> [String: Any]? { Self.dictionary(objects, value) }

    /// A PDF text string from qpdf's JSON ("u:…").
    public static func text(_ value: Any?) -> String? {
        guard let s = value as? String, s.hasPrefix("u:") else { return nil }
        return String(s.dropFirst(2))
    }
}

public struct StructureError: Error, CustomStringConvertible {
    public var description: String
    public init(_ d: String) { description = d }
}
