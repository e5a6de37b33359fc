import Foundation
import Testing
import BriefingTestSupport
import ZIPFoundation

/// One way to break a file: flip bits, cut it short, repeat an attribute, make a count huge,
/// negative or zero, or copy a stretch over itself.
func mutate(_ data: Data, _ g: inout SeededGenerator, xml: Bool) -> Data {
    var bytes = [UInt8](data)
    let text = { String(decoding: bytes, as: UTF8.self) }
    switch Int.random(in: 0..<6, using: &g) {
    case 0:
        for _ in 0..<Int.random(in: 1...8, using: &g) {
            let i = Int.random(in: 0..<bytes.count, using: &g)
            bytes[i] ^= UInt8(1) << UInt8.random(in: 0...7, using: &g)
        }
    case 1:
        bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &g)))
    case 2 where xml:
        let attrs = ["table:number-columns-repeated", "table:number-rows-repeated", "text:c", "office:date-value"]
        let a = attrs.randomElement(using: &g)!
        let s = text()
        guard let r = s.range(of: "\(a)=\"") else { break }
        return Data(s.replacingCharacters(in: r, with: "\(a)=\"1\" \(a)=\"").utf8)
    case 3 where xml:
        let counts = ["-1", "0", "99999999999999999999", "4294967297", "1048576", "16384", "2147483647", "1e9", ""]
        let s = text()
        let pattern = #"(number-columns-repeated|number-rows-repeated|text:c)="[^"]*""#
        let matches = s.ranges(of: try! Regex(pattern))
        guard !matches.isEmpty else { break }
        let r = matches[Int.random(in: 0..<matches.count, using: &g)]
        let name = s[r].prefix { $0 != "=" }
        return Data(s.replacingCharacters(in: r, with: "\(name)=\"\(counts.randomElement(using: &g)!)\"").utf8)
    case 4:
        let start = Int.random(in: 0..<bytes.count, using: &g), length = Int.random(in: 1...min(5000, bytes.count - start), using: &g)
        let at = Int.random(in: 0..<bytes.count, using: &g)
        bytes.insert(contentsOf: Array(bytes[start..<(start + length)]), at: at)
    default:
        let i = Int.random(in: 0..<bytes.count, using: &g)
        bytes.insert(contentsOf: Array(repeating: UInt8(ascii: xml ? "<" : ","), count: Int.random(in: 1...3000, using: &g)), at: i)
    }
    return Data(bytes)
}

/// Mutates the real publications a few hundred times with a fixed seed; every run of the real
/// binary must end in 0 or 65, within a time guard and under 1 GB of address space: a crash,
/// hang or runaway allocation fails the test with the mutation that caused it.
@Suite(.enabled(if: Repo.sharedData != nil, Comment(rawValue: sharedAbsent)), .serialized)
struct Fuzz {
    func run(_ args: [String], reports: String) throws -> ProcessResult {
        try Briefing.run(["import"] + args + ["--reports", reports], timeout: 30, limits: ["-v 1000000"])
    }

    func check(_ r: ProcessResult, _ what: String, keep data: Data, as name: String) throws {
        guard r.status != 0 && r.status != 65 else { return }
        let kept = try makeTemporaryFolder("briefing-fuzz-failure") + "/" + name
        try data.write(to: URL(fileURLWithPath: kept))
        Issue.record("\(what) ended with status \(r.status) (kept at \(kept)): \(r.stderr.suffix(500))")
    }

    @Test func mutatedOutcomesODS() throws {
        let ods = Repo.sharedData! + "/ofsted/LA_Inspection_Outcomes_as_at_31_March_2025.ods"
        let archive = try Archive(url: URL(fileURLWithPath: ods), accessMode: .read)
        var content = Data()
        _ = try archive.extract(archive["content.xml"]!) { content.append($0) }
        let raw = try Data(contentsOf: URL(fileURLWithPath: ods))
        let dir = try makeTemporaryFolder("briefing-fuzz"), reports = dir + "/Reports"
        var g = SeededGenerator(state: 20_250_331)
        for i in 0..<120 {
            // Two in three mutate the XML inside a sound ZIP; the rest break the ZIP itself.
            let data: Data
            if i % 3 == 2 {
                data = mutate(raw, &g, xml: false)
            } else {
                let path = dir + "/m.ods"
                try? FileManager.default.removeItem(atPath: path)
                let out = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
                let xml = mutate(content, &g, xml: true)
                let mime = Data("application/vnd.oasis.opendocument.spreadsheet".utf8)
                try out.addEntry(with: "mimetype", type: .file, uncompressedSize: Int64(mime.count), compressionMethod: .none) { (pos: Int64, size: Int) in
                    mime.subdata(in: Int(pos)..<Int(pos) + size)
                }
                try out.addEntry(with: "content.xml", type: .file, uncompressedSize: Int64(xml.count), compressionMethod: .none) { (pos: Int64, size: Int) in
                    xml.subdata(in: Int(pos)..<Int(pos) + size)
                }
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            }
            let path = dir + "/fuzz.ods"
            try data.write(to: URL(fileURLWithPath: path))
            try check(try run(["ofsted", path], reports: reports), "ODS mutation \(i)", keep: data, as: "mutation-\(i).ods")
        }
    }

    @Test func mutatedEESCSV() throws {
        let csv = try Data(contentsOf: URL(fileURLWithPath: Repo.sharedData! + "/dfe/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"))
        let dir = try makeTemporaryFolder("briefing-fuzz"), reports = dir + "/Reports"
        try FileManager.default.createDirectory(atPath: reports, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repo.path("Reports/indicators.yaml"), toPath: reports + "/indicators.yaml")
        var g = SeededGenerator(state: 20_251_030)
        for i in 0..<80 {
            let data = mutate(csv, &g, xml: false)
            let path = dir + "/c1.csv"
            try data.write(to: URL(fileURLWithPath: path))
            try check(try run(["dfe", "--all-authorities", path], reports: reports), "CSV mutation \(i)", keep: data, as: "mutation-\(i).csv")
        }
    }
}
