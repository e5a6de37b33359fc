import Diagnostics
import Foundation
import Judgements

/// Builds an authority's record from the official data alone: graded inspections from Ofsted's
/// ILACS history (and latest-judgement sheet), visits from the in-year sheet, all citing the
/// outcomes publication. Used for any of the 153 authorities that has no hand-written record.
public enum OfficialRecord {
    public static func make(for entry: AuthorityEntry, store: OfficialDataStore, frameworks: Frameworks,
                            outcomesSource: Source) -> AuthorityRecord {
        let rows = store.outcomes(for: entry)
        let cite = [Citation(sourceID: outcomesSource.id, locator: nil)]
        var events: [Event] = []
        var seen: Set<String> = []
        // History first, then the latest sheet (for an inspection the history lacks), then visits.
        let ordered = rows.filter { $0.sheet == .history } + rows.filter { $0.sheet == .latest } + rows.filter { $0.sheet == .inYear }
        for r in ordered {
            guard let kind = r.kind else { continue }
            let start = PartialDate(year: r.date.year, month: r.date.month, day: r.date.day)
            // The latest sheet names no type: match graded inspections on date alone.
            let key = kind.isGraded ? "graded@\(start.iso)" : "\(kind.rawValue)@\(start.iso)"
            if !seen.insert(key).inserted { continue }
            var judgements: [Judgement] = []
            if kind.isGraded, let era = frameworks.eras.first(where: { $0.contains(start) }) {
                for (area, grade) in r.grades {
                    // The file's "children in care" column holds the joint judgement before 2023.
                    let mapped = area == .childrenInCare && era.judgements.contains(.childrenInCareAndCareLeavers)
                        ? JudgementArea.childrenInCareAndCareLeavers : area
                    if era.judgements.contains(mapped) { judgements.append(Judgement(area: mapped, grade: grade)) }
                }
                judgements.sort { $0.area.rawValue < $1.area.rawValue }
            }
            events.append(Event(id: "\(kind.rawValue)-\(start.iso)", kind: kind, title: nil, start: start, end: nil,
                                published: r.published.map { PartialDate(year: $0.year, month: $0.month, day: $0.day) },
                                leadInspector: nil, theme: r.theme, themeInferred: false, note: nil,
                                judgements: judgements, sources: cite))
        }
        let link = rows.compactMap(\.link).first
        let authority = Authority(name: entry.name, council: entry.name, dfeCode: entry.dfeCode, onsCode: entry.onsCode ?? "",
                                  ofstedRegion: rows.compactMap(\.region).first ?? entry.region, ofstedURN: nil,
                                  statisticalNeighbours: store.neighbours(of: entry).map(\.name), source: cite[0])
        var source = outcomesSource
        if source.url == nil { source.url = link }
        var record = AuthorityRecord(authority: authority, sources: [source], events: events.sorted { $0.start < $1.start },
                                     eras: frameworks.eras)
        let period = inYearPeriod(outcomesSource)
        record.officialOnly = OfficialOnly(reportsURL: link, visitsFrom: period?.from, visitsTo: period?.to)
        return record
    }

    /// The in-year table's period: the year to the file's "as at" date, read from its title
    /// ("… as at 31 March 2025": 1 April 2024 to 31 March 2025), as Ofsted's sheet is titled
    /// ("in-year inspection activity 2024-25"). Nil when the title gives no day.
    public static func inYearPeriod(_ source: Source) -> (from: PartialDate, to: PartialDate)? {
        guard let r = source.title.range(of: "as at "), let to = PartialDate.parse(String(source.title[r.upperBound...])),
              let day = to.day else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let next = calendar.date(byAdding: .day, value: 1, to: DayDate(year: to.year - 1, month: to.month, day: day).date) else { return nil }
        let d = DayDate(next)
        return (PartialDate(year: d.year, month: d.month, day: d.day), to)
    }
}

/// Turns newly published official files into the compact store.
public enum OfficialImport {
    /// Reads the Ofsted outcomes publication (ODS, or a CSV export of one sheet).
    public static func ofsted(path: String, csvSheet: OutcomeRow.Sheet = .history) throws(InputError) -> [OutcomeRow] {
        try ofstedTables(path: path, csvSheet: csvSheet).rows
    }

    /// The rows and which tables they replace: all three from an ODS (told from a CSV by its
    /// first bytes, not its name), the one named by `csvSheet` (or the CSV's "Sheet" column).
    public static func ofstedTables(path: String, csvSheet: OutcomeRow.Sheet = .history)
        throws(InputError) -> (rows: [OutcomeRow], sheets: Set<OutcomeRow.Sheet>) {
        _ = try InputFile.check(path)
        if try Spreadsheet.isZIP(path) || path.lowercased().hasSuffix(".ods") {
            return (try OfstedOutcomesImport.readODS(path: path), Set(OutcomeRow.Sheet.allCases))
        }
        let rows = try OfstedOutcomesImport.readCSV(path: path, sheet: csvSheet)
        return (rows, rows.isEmpty ? [csvSheet] : Set(rows.map(\.sheet)))
    }

    /// Reads DfE indicator CSVs and the statistical neighbour model, keeping England, the home
    /// authority's region, the home authority and its neighbours (all authorities when `home` is nil),
    /// as a first import into an empty store.
    public static func dfe(paths: [String], indicators: [IndicatorDefinition], home: Int?)
        throws(InputError) -> (observations: [Observation], neighbours: [NeighbourGroup], directory: [AuthorityEntry]) {
        let update = try DfEUpdate(paths: paths, indicators: indicators, home: home, stored: DfEUpdate.Stored(), allowFewer: true)
        return (update.store.observations, update.store.neighbourGroups, update.store.directory)
    }
}
