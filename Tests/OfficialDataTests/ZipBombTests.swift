import Foundation
import OfficialData
import Testing
import BriefingTestSupport
import ZIPFoundation

/// An ODS whose content.xml is a valid XML prefix and then spaces, `size` bytes in all, compressed
/// as it is made, a megabyte at a time: the test never holds it whole (300 MB of spaces deflates
/// to about 300 KB). With `declaring`, the ZIP's local header and central directory are then
/// patched to claim that many bytes instead: a ZIP whose declared size lies.
func writeBombODS(expandingTo size: Int64, declaring declared: UInt32? = nil) throws -> String {
    let path = try makeTemporaryFolder("briefing-bomb") + "/outcomes.ods"
    let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
    let mimetype = Data("application/vnd.oasis.opendocument.spreadsheet".utf8)
    try archive.addEntry(with: "mimetype", type: .file, uncompressedSize: Int64(mimetype.count), compressionMethod: .none) { pos, n in
        mimetype.subdata(in: Int(pos)..<Int(pos) + n)
    }
    let prefix = Data(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
        + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"><office:body><office:spreadsheet><table:table table:name=\"Inspections_as_at_31_March\">").utf8)
    let spaces = Data(repeating: UInt8(ascii: " "), count: 1 << 20)
    try archive.addEntry(with: "content.xml", type: .file, uncompressedSize: size, compressionMethod: .deflate, bufferSize: 1 << 20) { pos, n in
        pos == 0 ? prefix + spaces.prefix(n - prefix.count) : spaces.prefix(n)
    }
    guard let declared else { return path }
    var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    let name = Data("content.xml".utf8)
    func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
    var patched = 0
    // Local file header (size at +22, name at +30) and central directory header (+24, +46).
    for (signature, sizeAt, nameAt) in [([0x50, 0x4B, 0x03, 0x04] as [UInt8], 22, 30), ([0x50, 0x4B, 0x01, 0x02], 24, 46)] {
        var from = bytes.startIndex
        while let r = bytes.range(of: Data(signature), in: from..<bytes.endIndex) {
            from = r.upperBound
            guard r.lowerBound + nameAt + name.count <= bytes.endIndex,
                  bytes[(r.lowerBound + nameAt)..<(r.lowerBound + nameAt + name.count)] == name else { continue }
            bytes.replaceSubrange((r.lowerBound + sizeAt)..<(r.lowerBound + sizeAt + 4), with: le32(declared))
            patched += 1
        }
    }
    #expect(patched == 2, "the local header and the central directory both name content.xml")
    try bytes.write(to: URL(fileURLWithPath: path))
    return path
}

/// Every file in `dir` and its bytes.
func folderBytes(_ dir: String) throws -> [String: Data] {
    var out: [String: Data] = [:]
    for f in try FileManager.default.contentsOfDirectory(atPath: dir) { out[f] = try Data(contentsOf: URL(fileURLWithPath: "\(dir)/\(f)")) }
    return out
}

/// README: an ODS's content.xml may declare, and expand to, at most 256 MB. Each bomb is made
/// in the test, imported by the real binary (under a 60 s guard: a hang or a slow crawl through
/// 256 MB fails), and must leave the workspace's data byte for byte as it was.
@Suite(.serialized) struct ZipBombs {
    static let size: Int64 = 300_000_000

    func importInto(_ path: String) throws -> (ProcessResult, before: [String: Data], after: [String: Data]) {
        let ws = try TestWorkspace.copy()
        let before = try folderBytes("\(ws)/Reports/data")
        let r = try Briefing.run(["import", "ofsted", "--reports", "\(ws)/Reports", path], timeout: 60)
        return (r, before, try folderBytes("\(ws)/Reports/data"))
    }

    @Test func aContentXMLThatDeclaresMoreThan256MBIsRefused() throws {
        let path = try writeBombODS(expandingTo: Self.size)
        let entry = try #require(try Archive(url: URL(fileURLWithPath: path), accessMode: .read)["content.xml"])
        #expect(entry.uncompressedSize == UInt64(Self.size) && entry.compressedSize < 2_000_000, "a real bomb: \(entry.compressedSize) bytes on disk")
        let (r, before, after) = try importInto(path)
        #expect(r.status == 65, "\(r.status): \(r.stderr)")
        #expect(r.stderr.contains("\(path): error: the spreadsheet's content.xml declares 300 MB, more than the 256 MB allowed"), "\(r.stderr)")
        #expect(after == before, "Reports/data is untouched")
    }

    /// The ZIP says content.xml is 2 KB; it inflates to 300 MB. Reading stops as soon as it has
    /// more than the entry declares, long before the 256 MB cap.
    @Test func aContentXMLLargerThanItsZIPDeclaresIsRefused() throws {
        let path = try writeBombODS(expandingTo: Self.size, declaring: 2_000)
        #expect(try Archive(url: URL(fileURLWithPath: path), accessMode: .read)["content.xml"]?.uncompressedSize == 2_000)
        let (r, before, after) = try importInto(path)
        #expect(r.status == 65, "\(r.status): \(r.stderr)")
        #expect(r.stderr.contains("\(path): error: the spreadsheet's content.xml holds more than the 2000 bytes its ZIP directory declares"), "\(r.stderr)")
        #expect(r.stderr.contains("at most 256 MB"), "the limit is named: \(r.stderr)")
        #expect(after == before, "Reports/data is untouched")
    }
}
