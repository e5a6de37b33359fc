import Diagnostics
import Foundation
import Testing
import TestSupport

@Suite struct YAMLDuplicateKeys {
    /// A repeated key in a record was reported without file, line or column.
    @Test func aRepeatedKeyIsReportedWhereItIsRepeated() throws {
        let text = "authority:\n  name: Liverpool\n  council: Liverpool City Council\n  name: Knowsley\nevents: []\n"
        do {
            _ = try YAMLDocument.parse(text, file: "liverpool.yaml")
            Issue.record("a repeated key should be an error")
        } catch {
            let d = try #require(error.diagnostics.first)
            #expect(d.description == "liverpool.yaml:4:3: error: \"name\" is given twice in one mapping (first at line 2); YAML keeps only one, so say it once")
        }
    }

    @Test func theValidatorSaysWhereThroughTheBinary() throws {
        let ws = try makeWorkspaceCopy()
        let record = "\(ws)/Reports/authorities/liverpool.yaml"
        var lines = try String(contentsOfFile: record, encoding: .utf8).components(separatedBy: "\n")
        let i = try #require(lines.firstIndex { $0.hasPrefix("  name:") || $0.hasPrefix("  council:") })
        lines.insert(lines[i], at: i + 1)
        try writeFile(record, lines.joined(separator: "\n"))
        let r = try runProcess(Repo.binary, ["validate", "--reports", "\(ws)/Reports", record])
        #expect(r.status == 65)
        #expect(r.stderr.contains("\(record):\(i + 2):3: error: \""), "\(r.stderr)")
        #expect(r.stderr.contains("is given twice in one mapping (first at line \(i + 1))"), "\(r.stderr)")
    }
}
