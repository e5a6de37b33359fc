import BriefingTestSupport
import Foundation
import Judgements
import OfficialData
import Testing
import YAMLFiles

let sharedAbsent = "../shared/data is absent: skipping the tests on the real official files"

@Suite(.enabled(if: Repo.sharedData != nil, Comment(rawValue: sharedAbsent)))
struct RealOfficialFiles {
    var shared: String { Repo.sharedData! }

    @Test func theOutcomesODS() throws {
        let rows = try OfstedOutcomesImport.readODS(path: shared + "/ofsted/LA_Inspection_Outcomes_as_at_31_March_2025.ods")
        #expect(rows.filter { $0.sheet == .latest }.count == 153)
        #expect(rows.filter { $0.sheet == .inYear }.count == 112)
        #expect(rows.filter { $0.sheet == .history }.count == 271)
        let visits = rows.filter { $0.name == "Liverpool" && $0.kind == .monitoringVisit }.sorted { $0.date < $1.date }
        #expect(visits.map(\.date.iso) == ["2024-07-08", "2024-12-10", "2025-03-25"])
        #expect(visits.map(\.theme) == ["Achieving permanence", "Care leavers", "Vulnerable adolescents"])
        #expect(rows.contains { $0.region == "North East, Yorkshire and the Humber" })
        #expect(rows.first { $0.name == "Liverpool" }?.link == "https://reports.ofsted.gov.uk/provider/44/341")
    }

    @Test func dfeIndicatorsAndNeighbours() throws {
        let indicators = try IndicatorCatalogue.load(path: Repo.path("Reports/indicators.yaml"), yaml: .files)
        let files = try FileManager.default.contentsOfDirectory(atPath: shared + "/dfe").map { shared + "/dfe/" + $0 }
        let (obs, groups, directory) = try OfficialImport.dfe(paths: files, indicators: indicators, home: nil)
        #expect(directory.count == 153)
        // Current ONS codes, the former ones as aliases with a note.
        let northYorkshire = try #require(directory.first { $0.dfeCode == 815 })
        #expect(northYorkshire.onsCode == "E06000065" && northYorkshire.formerCodes == ["E10000023"])
        #expect(northYorkshire.note?.contains("E10000023 for 2013–2023") == true)
        #expect(directory.first { $0.dfeCode == 825 }?.onsCode == "E06000060")
        #expect(directory.first { $0.dfeCode == 933 }?.onsCode == "E06000066")
        #expect(directory.first { $0.dfeCode == 341 }?.onsCode == "E08000012")
        #expect(groups.first { $0.dfeCode == 341 }?.neighbours == [890, 805, 806, 355, 393, 340, 394, 391, 807, 354])
        func value(_ i: String, _ code: String, _ period: String = "2025") -> IndicatorValue? {
            obs.first { $0.indicator == i && $0.code == code && $0.period == period }?.value
        }
        #expect(value("referrals", "E08000012") == .value(8410))
        #expect(value("rereferrals-percent", "E08000012") == .value(30.5))
        #expect(value("cla-count", "E08000012") == .value(1416))
        #expect(value("cla-rate", "E08000012") == .value(145))
        #expect(value("caseload", "E08000012") == .value(10.1))
        #expect(value("referrals", "E92000001") != nil)
        #expect(Set(obs.filter { $0.level == .localAuthority }.compactMap(\.dfeCode)).isSuperset(of: directory.map(\.dfeCode)),
                "every authority in the directory has figures")
        #expect(obs.contains { $0.value.number == nil }, "the real files carry suppressed values")
    }

    /// The committed compact files are exactly what importing today's official files gives.
    @Test func committedDataMatchesAFreshImport() throws {
        let indicators = try IndicatorCatalogue.load(path: Repo.path("Reports/indicators.yaml"), yaml: .files)
        let files = try FileManager.default.contentsOfDirectory(atPath: shared + "/dfe").map { shared + "/dfe/" + $0 }
        let (obs, groups, directory) = try OfficialImport.dfe(paths: files, indicators: indicators, home: nil)
        let outcomes = try OfficialImport.ofsted(path: shared + "/ofsted/LA_Inspection_Outcomes_as_at_31_March_2025.ods")
        let store = OfficialDataStore(outcomes: outcomes, observations: obs, neighbourGroups: groups, directory: directory)
        for (name, data) in store.compactFiles() {
            let committed = try Data(contentsOf: URL(fileURLWithPath: Repo.path("Reports/data/\(name)")))
            #expect(committed == data, "Reports/data/\(name) differs from a fresh import: run make import")
        }
    }
}

@Suite struct CompactStore {
    /// Liverpool's judgements as imported equal the hand-written record's, inspection by inspection.
    @Test func importedLiverpoolEqualsTheRecord() throws {
        let store = try OfficialDataStore.load(folder: Repo.path("Reports/data"))
        let frameworks = try FrameworkLoader.load(path: Repo.path("Reports/frameworks.yaml"), yaml: .files)
        let entry = try store.authority("Liverpool")
        let source = Source(id: "ofsted-outcomes", publisher: "Ofsted", title: "outcomes", date: PartialDate.parse("2025-09-25")!)
        let imported = OfficialRecord.make(for: entry, store: store, frameworks: frameworks, outcomesSource: source)
        let written = try RecordLoader.load(path: Repo.path("Reports/authorities/liverpool.yaml"), frameworksPath: Repo.path("Reports/frameworks.yaml"), yaml: .files)
        #expect(imported.gradedInspections.count == 2)
        for inspection in imported.gradedInspections {
            let match = try #require(written.gradedInspections.first { $0.start == inspection.start })
            #expect(Set(inspection.judgements) == Set(match.judgements), "\(inspection.start.iso)")
            #expect(inspection.published == match.published)
        }
        let visits = imported.events.filter { $0.kind == .monitoringVisit }
        for v in visits {
            let match = try #require(written.events.first { $0.kind == .monitoringVisit && $0.start == v.start })
            #expect(match.theme == v.theme)
        }
    }

    @Test func findsAuthoritiesByNameOrCode() throws {
        let store = try OfficialDataStore.load(folder: Repo.path("Reports/data"))
        #expect(try store.authority("Knowsley").dfeCode == 340)
        #expect(try store.authority("340").name == "Knowsley")
        #expect(try store.authority("E08000011").name == "Knowsley")
        #expect(try store.authority("redcar and cleveland").dfeCode == 807)
        do {
            _ = try store.authority("Knowsly")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.first?.message.contains("closest: Knowsley") == true)
        }
        #expect(store.directory.count == 153)
        #expect(store.neighbours(of: try store.authority("Liverpool")).map(\.name).first == "Blackpool")
    }

    @Test func neighbourAverageCountsOnlyPublishedFigures() throws {
        let indicators = try IndicatorCatalogue.load(path: Repo.path("Reports/indicators.yaml"), yaml: .files)
        let store = try OfficialDataStore.load(folder: Repo.path("Reports/data")).withDerived(indicators)
        let c = store.comparisons(for: try store.authority("Liverpool"), indicators: indicators)
        let nfa = try #require(c.first { $0.indicator.id == "nfa-percent" })
        #expect(nfa.neighbourCount == 10)
        #expect(nfa.neighboursWithValue < 10, "two neighbours' 2025 figures are suppressed")
        #expect(nfa.missingNeighbours.count == 10 - nfa.neighboursWithValue, "each neighbour without a figure is named with its reason")
        #expect(nfa.missingNeighbours.allSatisfy { !$0.reason.isEmpty })
        #expect(!c.contains { $0.indicator.isCount }, "places are compared by rates, never counts")
        let rate = try #require(c.first { $0.indicator.id == "referrals-rate" })
        #expect(rate.period == "2025" && rate.authority.number != nil)
    }
}
