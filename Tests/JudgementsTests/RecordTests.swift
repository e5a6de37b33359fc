import Diagnostics
import Foundation
import Judgements
import Testing
import TestTools
import YAMLFiles

/// Loads the fixture copy of Liverpool's record (`Fixtures.liverpoolRecord`, never the live one,
/// whose events grow), optionally edited, from a temporary copy.
func loadLiverpool(replacing old: String? = nil, with new: String = "") throws -> AuthorityRecord {
    var text = try Fixtures.liverpoolText()
    if let old {
        #expect(text.contains(old), "fixture edit did not apply: \(old)")
        text = text.replacingOccurrences(of: old, with: new)
    }
    let path = try makeTemporaryFolder() + "/liverpool.yaml"
    try writeFile(path, text)
    return try RecordLoader.load(path: path, frameworksPath: Fixtures.frameworks, yaml: .files)
}

/// The diagnostics an edited fixture record produces.
func problems(replacing old: String, with new: String) throws -> [Diagnostic] {
    do {
        _ = try loadLiverpool(replacing: old, with: new)
        Issue.record("expected the edited record to be rejected")
        return []
    } catch let error as InputError {
        return error.diagnostics
    }
}

@Suite struct LiverpoolRecord {
    @Test func loadsThreeGradedInspections() throws {
        let record = try loadLiverpool()
        #expect(record.authority.dfeCode == 341)
        #expect(record.authority.onsCode == "E08000012")
        #expect(record.gradedInspections.map(\.id) == ["ilacs-2018", "ilacs-2023", "ilacs-2026"])
        #expect(record.gradedInspections.map { $0.published?.iso } == ["2018-07-02", "2023-05-25", "2026-07-07"])
    }

    @Test func everyJudgementCitesAKnownSource() throws {
        let record = try loadLiverpool()
        for e in record.events {
            #expect(!e.sources.isEmpty)
            for c in e.sources { #expect(record.source(c.sourceID) != nil, "\(e.id) cites unknown \(c.sourceID)") }
        }
    }

    @Test func gridStatesEveryJudgementAndExplainsEveryGap() throws {
        let grid = try loadLiverpool().judgementGrid
        #expect(grid.cell(.helpAndProtection, "ilacs-2018") == .graded(.requiresImprovement, note: nil))
        #expect(grid.cell(.helpAndProtection, "ilacs-2023") == .graded(.inadequate, note: nil))
        #expect(grid.cell(.helpAndProtection, "ilacs-2026") == .graded(.good, note: nil))
        #expect(grid.cell(.overallEffectiveness, "ilacs-2023") == .graded(.inadequate, note: nil))
        #expect(grid.cell(.childrenInCare, "ilacs-2023") == .graded(.requiresImprovement, note: nil))
        #expect(grid.cell(.careLeavers, "ilacs-2023") == .graded(.inadequate, note: nil))
        #expect(grid.cell(.careLeavers, "ilacs-2026") == .graded(.requiresImprovement, note: nil))
        #expect(grid.cell(.overallEffectiveness, "ilacs-2026") == .notJudged(reason: "not judged under the 2026 framework"))
        #expect(grid.cell(.careLeavers, "ilacs-2018") == .notJudged(reason: "judged with children in care"))
        guard case let .graded(g, note)? = grid.cell(.childrenInCare, "ilacs-2018") else {
            Issue.record("2018 children in care should be graded"); return
        }
        #expect(g == .requiresImprovement)
        #expect(note?.contains("care leavers") == true)
    }

    @Test func newestDateIsThe2026Publication() throws {
        #expect(try loadLiverpool().newestDate.iso == "2026-07-07")
    }
}

@Suite struct RecordErrors {
    @Test func judgementTheEraDoesNotHave() throws {
        let d = try problems(replacing: "      leaders: Good\n", with: "      leaders: Good\n      overall-effectiveness: Good\n")
        #expect(d.count == 1)
        let e = try #require(d.first)
        #expect(e.location.file.hasSuffix("liverpool.yaml"))
        #expect(e.location.line > 0 && e.location.column > 0)
        #expect(e.message.contains("no \"overall-effectiveness\" judgement"))
        #expect(e.message.contains("not judged under the 2026 framework"))
    }

    @Test func careLeaversBefore2023() throws {
        let d = try problems(replacing: "      children-in-care-and-care-leavers: Requires improvement to be good\n",
                             with: "      children-in-care: Good\n      care-leavers: Good\n")
        #expect(d.contains { $0.message.contains("no \"care-leavers\" judgement") && $0.message.contains("judged with children in care") })
        #expect(d.contains { $0.message.contains("missing judgements") && $0.message.contains("children-in-care-and-care-leavers") })
    }

    @Test func misspeltGradeSuggestsTheWording() throws {
        let d = try problems(replacing: "      care-leavers: Requires improvement to be good\n", with: "      care-leavers: Requires Improvment\n")
        let e = try #require(d.first)
        #expect(e.message.contains("unknown grade \"Requires Improvment\""))
        #expect(e.message.contains("did you mean"))
        let text = try Fixtures.liverpoolText()
        let lines = text.components(separatedBy: "\n")
        let expected = try #require(lines.firstIndex(of: "      care-leavers: Requires improvement to be good")) + 1
        #expect(e.location.line == expected)
        #expect(e.location.column == 21)
    }

    @Test func wildSpellingsAreAccepted() throws {
        let record = try loadLiverpool(replacing: "      care-leavers: Requires improvement to be good\n",
                                       with: "      care-leavers: requires improvement\n")
        #expect(record.judgementGrid.cell(.careLeavers, "ilacs-2026") == .graded(.requiresImprovement, note: nil))
    }

    @Test func endBeforeStart() throws {
        let d = try problems(replacing: "    end: 2023-03-24\n", with: "    end: 2023-03-01\n")
        #expect(d.contains { $0.message.contains("ends (1 Mar 2023) before it starts (13 Mar 2023)") })
    }

    @Test func unknownSourceAndNoSource() throws {
        let d = try problems(replacing: "    sources: [ofsted-ilacs-liverpool-2026]\n", with: "    sources: [ofsted-ilacs-liverpol-2026]\n")
        #expect(d.contains { $0.message.contains("not in the sources list") && $0.message.contains("did you mean \"ofsted-ilacs-liverpool-2026\"") })
        let e = try problems(replacing: "    sources: [ofsted-ilacs-liverpool-2026]\n", with: "")
        #expect(e.contains { $0.message.contains("names no source") })
    }

    @Test func yamlSyntaxErrorIsLocated() throws {
        let d = try problems(replacing: "  dfe_code: 341\n", with: "  dfe_code: [341\n")
        let e = try #require(d.first)
        #expect(e.location.line > 0)
        #expect(e.description.hasPrefix(e.location.file + ":"))
    }
}

@Suite struct Values {
    @Test func gradeSpellings() {
        #expect(Grade.parse("Requires improvement to be good") == .requiresImprovement)
        #expect(Grade.parse("requires  improvement") == .requiresImprovement)
        #expect(Grade.parse("INADEQUATE") == .inadequate)
        #expect(Grade.parse("Goood") == nil)
        #expect(Grade.inadequate < Grade.good)
    }

    @Test func partialDates() throws {
        let month = try #require(PartialDate.parse("Dec 2023"))
        #expect(month.precision == .month)
        #expect(month.display == "Dec 2023")
        #expect(month.iso == "2023-12")
        #expect(PartialDate.parse("2023-12") == month)
        #expect(PartialDate.parse("2018-07-02")?.display == "2 Jul 2018")
        #expect(PartialDate.parse("2023-02-30") == nil)
        #expect(PartialDate.parse("5 December 2023")?.iso == "2023-12-05")
        #expect(month.latest.iso == "2023-12-31")
    }
}
