import Diagnostics
import Foundation
import Judgements
import Testing
import TestTools
import YAMLFiles

/// The text of the fixture record, for edits that break one rule each.
func liverpoolText() throws -> String { try Fixtures.liverpoolText() }

/// The 1-based line of the first line equal to `line` in the record.
func lineNumber(of line: String, in text: String) -> Int? {
    text.components(separatedBy: "\n").firstIndex(of: line).map { $0 + 1 }
}

/// One test per validation rule: each edit breaks exactly one rule, and the message names it at
/// the right place.
@Suite struct ValidationRules {
    @Test func publicationBeforeEnd() throws {
        let d = try problems(replacing: "    published: 2023-05-25\n", with: "    published: 2023-03-20\n")
        let e = try #require(d.first { $0.message.contains("is published (20 Mar 2023) before it ends (24 Mar 2023)") })
        #expect(e.location.line == lineNumber(of: "    published: 2023-03-20", in: try liverpoolText().replacingOccurrences(of: "    published: 2023-05-25", with: "    published: 2023-03-20")))
    }

    @Test func unknownEventKind() throws {
        let d = try problems(replacing: "    kind: dfe-review\n", with: "    kind: dfe-reveiw\n")
        #expect(d.contains { $0.message.contains("unknown event kind \"dfe-reveiw\" — did you mean \"dfe-review\"?") })
    }

    @Test func unknownTheme() throws {
        let d = try problems(replacing: "    theme: Achieving permanence\n", with: "    theme: Acheiving permanance\n")
        #expect(d.contains { $0.message.contains("unknown visit theme \"Acheiving permanance\" — did you mean \"Achieving permanence\"?") })
    }

    @Test func themeMatchesOfstedSpellingWhateverTheCase() throws {
        let r = try loadLiverpool(replacing: "    theme: Achieving permanence\n", with: "    theme: achieving PERMANENCE\n")
        #expect(r.events.first { $0.id == "mv-2024-07" }?.theme == "Achieving permanence")
    }

    @Test func unknownAreaForImprovement() throws {
        let d = try problems(replacing: "      - area: 2023-06\n", with: "      - area: 2023-66\n")
        #expect(d.contains { $0.message.contains("no inspection set an area for improvement \"2023-66\"") && $0.message.contains("did you mean") })
    }

    @Test func statusForAnAreaSetAfterTheVisit() throws {
        let d = try problems(replacing: "      - area: 2023-06\n", with: "      - area: 2026-03\n")
        #expect(d.contains { $0.message.contains("area \"2026-03\" was set by \"ilacs-2026\" (11 May 2026), after this visit (10 Dec 2024)") })
    }

    @Test func unknownStatus() throws {
        let d = try problems(replacing: "        status: insufficient progress\n", with: "        status: insuficient progress\n")
        #expect(d.contains { $0.message.contains("unknown status \"insuficient progress\" — did you mean \"insufficient progress\"?") })
    }

    @Test func findingsOnlyOnMonitoringVisits() throws {
        let e = try problems(replacing: "  - id: fv-2021-08\n    kind: focused-visit\n", with: "  - id: fv-2021-08\n    kind: focused-visit\n    findings:\n      - area: 2018-01\n        status: progress\n        quote: \"x\"\n        source: ofsted-outcomes-2025\n")
        #expect(e.contains { $0.message.contains("is a focused visit; only monitoring visits record progress") })
    }

    @Test func duplicateEventID() throws {
        let d = try problems(replacing: "  - id: mv-2025-09\n", with: "  - id: mv-2025-03\n")
        #expect(d.contains { $0.message.contains("event id \"mv-2025-03\" is used twice") })
    }

    @Test func duplicateEventSameKindAndDate() throws {
        let d = try problems(replacing: "    start: 2025-09\n", with: "    start: 2025-03-25\n")
        #expect(d.contains { $0.message.contains("event \"mv-2025-09\" duplicates \"mv-2025-03\"") })
    }

    @Test func leadershipAndQuotesNeedSources() throws {
        let d = try problems(replacing: "    known_from: 2024\n    note: Chief executive when the DfE wrote after its November 2023 review; his start date is not in a source held.\n    source: birkenhead-2024-green-shoots\n",
                             with: "    known_from: 2024\n")
        #expect(d.contains { $0.message.contains("the leadership entry for Andrew Lewis names no source") })
        let q = try problems(replacing: "    event: ilacs-2026\n    source: ofsted-ilacs-liverpool-2026\n", with: "    event: ilacs-2026\n")
        #expect(q.contains { $0.message.contains("the quote from Ofsted names no source") })
    }

    @Test func inferredNeedsANote() throws {
        let d = try problems(replacing: "    note: >-\n      Month only, as the council's news release gives it. Its theme is read from the release's\n      \"front door\" focus (contacts and referrals, child protection enquiries, assessments, the\n      LADO), not from an Ofsted file.\n", with: "")
        #expect(d.contains { $0.message.contains("event \"mv-2025-09\" is marked inferred but has no note") })
    }

    @Test func judgementsOnlyOnGradedInspections() throws {
        let d = try problems(replacing: "    theme: Vulnerable adolescents\n", with: "    theme: Vulnerable adolescents\n    judgements:\n      leaders: Good\n")
        #expect(d.contains { $0.message.contains("is a monitoring visit, which carries no judgements") })
    }

    @Test func unknownKeySuggestsTheKnownOne() throws {
        let d = try problems(replacing: "    lead_inspector: Lisa Summers HMI\n", with: "    lead_inspecter: Lisa Summers HMI\n")
        #expect(d.contains { $0.message.contains("unknown key \"lead_inspecter\" in an event — did you mean \"lead_inspector\"?") })
    }

    @Test func everyProblemIsReportedInOneRun() throws {
        var text = try liverpoolText()
        text = text.replacingOccurrences(of: "    kind: dfe-review\n", with: "    kind: dfe-reveiw\n")
        text = text.replacingOccurrences(of: "    theme: Achieving permanence\n", with: "    theme: Permanence\n")
        text = text.replacingOccurrences(of: "      leaders: Good\n", with: "      leaders: Gud\n")
        let path = try makeTemporaryFolder() + "/liverpool.yaml"
        try writeFile(path, text)
        do {
            _ = try RecordLoader.load(path: path, frameworksPath: Fixtures.frameworks, yaml: .files)
            Issue.record("expected errors")
        } catch {
            #expect(error.diagnostics.filter { $0.severity == .error }.count == 3)
            let lines = error.diagnostics.map(\.location.line)
            #expect(lines == lines.sorted(), "messages should read top to bottom")
        }
    }

    @Test func uncitedSourceIsOnlyAWarning() throws {
        let text = try liverpoolText().replacingOccurrences(of: "sources:\n", with: "sources:\n  - id: spare\n    publisher: Nobody\n    title: Unused\n    date: 2020\n\n", options: [], range: nil)
        let path = try makeTemporaryFolder() + "/liverpool.yaml"
        try writeFile(path, text)
        let doc = try YAMLDocument.load(path: path)
        var warnings: [Diagnostic] = []
        let record = try RecordLoader.read(doc, frameworks: try FrameworkLoader.load(path: Fixtures.frameworks, yaml: .files), warnings: &warnings)
        #expect(record.sources.contains { $0.id == "spare" })
        #expect(warnings.count == 1)
        #expect(warnings.first?.message == "source \"spare\" is not cited by anything in this record")
        #expect(warnings.first?.severity == .warning)
    }
}
