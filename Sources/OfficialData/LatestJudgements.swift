import Foundation
import Judgements

/// An authority's newest known graded inspection, from whichever input knows the newer one:
/// Ofsted's outcomes file (as at its date) or the authority's own record (a report published
/// since). Comparisons of places use these, so no page compares with a superseded grade.
public struct KnownJudgements: Sendable, Hashable {
    public var dfeCode: Int
    public var name: String
    /// First day of fieldwork, at the precision the input gives.
    public var inspected: PartialDate
    /// One cell per comparison row (`JudgementArea.rows`), each a grade or the reason for none.
    public var cells: [JudgementArea: JudgementGrid.Cell]
    /// The publication the judgements come from.
    public var source: Source
    /// True when the authority's own record holds a newer inspection than the official file.
    public var fromRecord: Bool

    public func grade(_ area: JudgementArea) -> Grade? {
        if case let .graded(g, _)? = cells[area] { return g }
        return nil
    }
}

/// Answers "what is each authority's newest known judgement?" across the official data and the
/// hand-written records, and says as at when.
public struct JudgementIndex: Sendable {
    public let store: OfficialDataStore
    public let eras: [FrameworkEra]
    /// Hand-written records by DfE code (`Reports/authorities/*.yaml`).
    public let records: [Int: AuthorityRecord]
    public let outcomesSource: Source
    /// Every authority in the directory with its newest known judgements (nil: none on record),
    /// worked out once when the index is made: a batch asks for all of them in every pack (the
    /// national distribution), and the inputs cannot change while it runs (the fields are `let`).
    public let all: [(entry: AuthorityEntry, judgements: KnownJudgements?)]
    private let known: [AuthorityEntry: KnownJudgements?]

    public init(store: OfficialDataStore, eras: [FrameworkEra], records: [AuthorityRecord], outcomesSource: Source) {
        self.store = store; self.eras = eras; self.outcomesSource = outcomesSource
        let byCode = Dictionary(records.map { ($0.authority.dfeCode, $0) }, uniquingKeysWith: { a, _ in a })
        self.records = byCode
        let all = store.directory.map { ($0, Self.newest($0, store: store, eras: eras, records: byCode, outcomesSource: outcomesSource)) }
        self.all = all
        self.known = Dictionary(all.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
    }

    /// The newest graded inspection known for `entry`, or nil when no input has one.
    public func latest(_ entry: AuthorityEntry) -> KnownJudgements? {
        // An entry of the directory was worked out when the index was made; any other (a test's
        // made-up authority) is worked out now, by the same rule.
        if let k = known[entry] { return k }
        return Self.newest(entry, store: store, eras: eras, records: records, outcomesSource: outcomesSource)
    }

    private static func newest(_ entry: AuthorityEntry, store: OfficialDataStore, eras: [FrameworkEra],
                               records: [Int: AuthorityRecord], outcomesSource: Source) -> KnownJudgements? {
        let official = store.latestJudgements(for: entry).map { row -> KnownJudgements in
            let start = PartialDate(year: row.date.year, month: row.date.month, day: row.date.day)
            let era = eras.first { $0.contains(start) }
            var cells: [JudgementArea: JudgementGrid.Cell] = [:]
            for area in JudgementArea.rows {
                if let g = row.grades[area] {
                    // Before 2023 the file's children-in-care column holds the joint judgement.
                    let joint = area == .childrenInCare && (era?.judgements.contains(.childrenInCareAndCareLeavers) ?? false)
                    cells[area] = .graded(g, note: joint ? "one judgement for children in care and care leavers" : nil)
                } else {
                    cells[area] = .notJudged(reason: era?.notJudged[area]?.reason ?? "not judged")
                }
            }
            return KnownJudgements(dfeCode: entry.dfeCode, name: entry.name, inspected: start, cells: cells,
                                   source: outcomesSource, fromRecord: false)
        }
        guard let record = records[entry.dfeCode], let last = record.gradedInspections.last else { return official }
        if let official, last.start.earliest <= official.inspected.earliest { return official }
        let source = last.sources.compactMap { record.source($0.sourceID) }.filter { $0.publisher == "Ofsted" }.max { $0.date < $1.date }
            ?? last.sources.compactMap { record.source($0.sourceID) }.first ?? outcomesSource
        return KnownJudgements(dfeCode: entry.dfeCode, name: entry.name, inspected: last.start,
                               cells: record.cells(of: last), source: source, fromRecord: true)
    }

    /// "Ofsted outcomes as at 31 March 2025; Liverpool from Ofsted's report of 7 July 2026": where
    /// the judgements of `shown` come from, and as at when.
    public func provenance(of shown: [KnownJudgements]) -> String {
        var parts = ["\(outcomesSource.publisher) outcomes \(asAtPhrase(outcomesSource))"]
        for k in shown where k.fromRecord {
            parts.append("\(k.name) from \(k.source.publisher)\u{2019}s report of \(k.source.date.longDisplay)")
        }
        return parts.joined(separator: "; ")
    }

    /// "as at 31 March 2025" from the publication's title when it says so, else "published …".
    public func asAtPhrase(_ s: Source) -> String {
        if let r = s.title.range(of: "as at ") { return String(s.title[r.lowerBound...]) }
        return "published \(s.date.longDisplay)"
    }
}
