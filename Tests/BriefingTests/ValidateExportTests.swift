import Foundation
import Testing
import BriefingTestSupport

@Suite(.serialized) struct ValidateAndExport {
    @Test func embeddedRecordValidates() throws {
        let r = try Briefing.run(["validate"], in: .repository)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("liverpool.yaml: ok"))
        #expect(r.stderr.isEmpty, "the embedded record should have no warnings: \(r.stderr)")
    }

    @Test func warningsAloneExitZero() throws {
        let ws = try TestWorkspace.fixture()
        let record = "\(ws)/Reports/authorities/liverpool.yaml"
        let text = try String(contentsOfFile: record, encoding: .utf8)
        try writeFile(record, text.replacingOccurrences(of: "sources:\n", with: "sources:\n  - id: spare\n    publisher: Nobody\n    title: Unused\n    date: 2020\n"))
        let r = try Briefing.run(["validate"], in: ws)
        #expect(r.status == 0)
        #expect(r.stderr.contains("\(record):"))
        #expect(r.stderr.contains("warning: source \"spare\" is not cited by anything in this record"))
    }

    /// Exact answers, so from the fixture record: the live one gains events.
    @Test func exportJSONCarriesRecordAndAnswers() throws {
        let ws = try TestWorkspace.fixture()
        let r = try Briefing.run(["export", "--json"], in: ws)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        let answers = try #require(json["answers"] as? [String: Any])
        #expect(answers["asOf"] as? String == "2026-07-07")
        let changes = try #require(answers["gradeChanges"] as? [[String: Any]])
        let hp = changes.filter { $0["area"] as? String == "help-and-protection" }
        #expect(hp.map { $0["direction"] as? String } == ["declined", "improved"])
        #expect(hp.map { $0["steps"] as? Int } == [-1, 2])
        let record = try #require(json["record"] as? [String: Any])
        let events = try #require(record["events"] as? [[String: Any]])
        #expect(events.count == 15)
        let again = try Briefing.run(["export", "--json"], in: ws)
        #expect(again.stdoutData == r.stdoutData, "export should be byte-identical between runs")
        let noFormat = try Briefing.run(["export"])
        #expect(noFormat.status == 64)
    }

    /// A repeated key in a record was once reported without file, line or column.
    @Test func theValidatorSaysWhereAKeyIsRepeated() throws {
        let ws = try TestWorkspace.fixture()
        let record = ws.liverpoolRecord
        var lines = try read(record).components(separatedBy: "\n")
        let i = try #require(lines.firstIndex { $0.hasPrefix("  name:") || $0.hasPrefix("  council:") })
        lines.insert(lines[i], at: i + 1)
        try writeFile(record, lines.joined(separator: "\n"))
        let r = try Briefing.run(["validate", record], in: ws)
        #expect(r.status == 65)
        #expect(r.stderr.contains("\(record):\(i + 2):3: error: \""), "\(r.stderr)")
        #expect(r.stderr.contains("is given twice in one mapping (first at line \(i + 1))"), "\(r.stderr)")
    }
}
