import BriefingTestSupport
import Foundation
import OfficialData
import Testing
import YAMLFiles

/// Sets figures in a copy's `Reports/data/indicators.csv` (place name, year, column → value) and
/// drops any year after `lastYear`, so the edited year stays the latest whatever is imported later.
func setFigures(_ ws: String, lastYear: Int, _ edits: [(place: String, year: Int, column: String, value: String)]) throws {
    let path = "\(ws)/Reports/data/indicators.csv"
    var lines = try read(path).split(separator: "\n").map(String.init)
    let header = lines[0].components(separatedBy: ",")
    lines = [lines[0]] + lines.dropFirst().filter { (Int($0.prefix(4)) ?? 0) <= lastYear }
    for e in edits {
        let c = try #require(header.firstIndex(of: e.column), "no column \(e.column)")
        let i = try #require(lines.firstIndex { $0.hasPrefix("\(e.year),") && $0.components(separatedBy: ",")[4] == e.place }, "no row \(e.place) \(e.year)")
        var fields = lines[i].components(separatedBy: ",")
        fields[c] = e.value
        lines[i] = fields.joined(separator: ",")
    }
    try writeFile(path, lines.joined(separator: "\n") + "\n")
}

@Suite(.serialized) struct FindingHonesty {
    /// A record from a handful of children: in a copy, Rutland's share of second or subsequent
    /// plans rises to the highest of nine years and above England's, on 3 plans of 10. The title
    /// says it rests on few children instead of ranking the year; the key-indicator table marks it;
    /// the summary does not rank it and no question is asked about it.
    @Test func aRecordFromFewChildrenIsNotClaimed() throws {
        let ws = try TestWorkspace.copy()
        let shares = ["10.0", "11.0", "12.0", "13.0", "14.0", "15.0", "16.0", "20.0", "30.0"]
        var edits = zip(2017...2025, shares).map { (place: "Rutland", year: $0, column: "cpp-subsequent-percent", value: $1) }
        edits += [("Rutland", 2024, "cpp-subsequent", "2"), ("Rutland", 2025, "cpp-subsequent", "3"), ("Rutland", 2025, "cpp-starts", "10"),
                  ("England", 2025, "cpp-subsequent-percent", "24.5")]
        try setFigures(ws.folder, lastYear: 2025, edits)
        let (r, out) = try Briefing.build(["--authority", "Rutland", "--pack", "scrutiny", "--formats", "pdf,csv,txt"], in: ws)
        #expect(r.status == 0, "\(r.stderr)")
        let text = normaliseSpace(try tool("pdftotext", ["\(out)/rutland-scrutiny.pdf", "-"]).stdout)
        let title = "Second or subsequent child protection plans at 30.0% in 2025 (England 24.5%), based on few children (3 second or subsequent plans); read with care"
        #expect(text.contains(title))
        #expect(try read("\(out)/rutland-scrutiny-indicator-trends.txt").contains(title), "the alt text says so too")
        #expect(!text.contains("Second or subsequent child protection plans at 30.0% in 2025, the highest"))
        // The key-indicator table marks the figure, in the PDF and in its tidy CSV.
        let row = try csvRows("\(out)/rutland-scrutiny-indicator-table.csv").first { $0.first == "Second or subsequent child protection plans" && $0.contains("Rutland") }
        #expect(row?[1].contains("few: only 3 second or subsequent plans") == true, "\(row ?? [])")
        #expect(row?[5] == "30" && row?[7] == "few", "value 30, note few: \(row ?? [])")
        #expect(text.contains("30.0% (few)"))
        // Named in the summary with how few it rests on, never ranked; no question rests on it.
        #expect(text.contains("the figure for second or subsequent child protection plans (30.0% in 2025, from 3 second or subsequent plans)"))
        #expect(!text.contains("the figure for second or subsequent child protection plans is furthest behind"))
        #expect(!text.contains("Second or subsequent child protection plans stood at 30.0%"))
    }

    /// With the real figures of two small authorities: every trend title and key-indicator row
    /// whose latest figure rests on fewer than 20 children or social workers (read from the data)
    /// says so and ranks nothing; every other one does not say so.
    @Test func everyFigureRestingOnFewIsMarked() throws {
        let indicators = try IndicatorCatalogue.load(path: Repo.path("Reports/indicators.yaml"), yaml: .files)
        let store = try OfficialDataStore.load(folder: Repo.path("Reports/data")).withDerived(indicators)
        let (r, out) = try Briefing.build(["--pack", "scrutiny", "--formats", "csv,txt", "--quiet", "--authority", "Rutland", "--authority", "Isles of Scilly"])
        #expect(r.status == 0, "\(r.stderr)")
        var few = 0, enough = 0
        for (name, file) in [("Rutland", "rutland"), ("Isles of Scilly", "isles-of-scilly")] {
            let entry = try store.authority(name)
            func isFew(_ d: IndicatorDefinition, _ period: String) -> Bool {
                guard let base = d.isCount ? d.id : d.basedOn else { return false }
                switch store.value(base, of: entry, period: period) {
                case let .value(n)?: return n < 20
                case .missing(.suppressed)?, .missing(.low)?, .missing(.roundsToZero)?: return true
                default: return false
                }
            }
            // Each panel's title, as its alt text gives it ("Referrals at 385 in 2025, …: Rutland 385 in 2025").
            let alt = try String(contentsOfFile: "\(out)/\(file)-scrutiny-indicator-trends.txt", encoding: .utf8)
            for d in indicators {
                guard let start = alt.range(of: d.title + " at "), let end = alt.range(of: ": \(name) ", range: start.upperBound..<alt.endIndex),
                      let last = store.series(d.id, of: entry).last, last.value.number != nil else { continue }
                let title = String(alt[start.lowerBound..<end.lowerBound])
                if isFew(d, last.period) {
                    few += 1
                    #expect(title.contains("based on few") && title.hasSuffix("read with care"), "\(name): \(title)")
                    for claim in ["highest", "lowest", "up from", "down from", "above England", "below England"] {
                        #expect(!title.contains(claim), "\(name) ranks a figure resting on few: \(title)")
                    }
                } else {
                    enough += 1
                    #expect(!title.contains("based on few"), "\(name): \(title)")
                }
            }
            for row in try csvRows("\(out)/\(file)-scrutiny-indicator-table.csv").dropFirst() where row[4] == name && row[5] != "" {
                guard let d = indicators.first(where: { $0.title == row[0] }), let period = row[1].split(separator: ",").first else { continue }
                #expect((row[7] == "few") == isFew(d, String(period)), "\(name): \(row)")
            }
        }
        #expect(few > 0 && enough > 0, "both kinds of figure were checked (\(few) resting on few, \(enough) on enough)")
    }

    /// A figure's base must be a count that says what it counts: a misspelt base, or one that is
    /// not such a count, is a located error (exit 65), never a figure silently left unmarked.
    @Test func aBaseThatIsNotACountIsALocatedError() throws {
        let ws = try TestWorkspace.copy()
        let path = "\(ws)/Reports/indicators.yaml"
        var text = try read(path)
        text = text.replacingOccurrences(of: "    based_on: cpp-subsequent\n", with: "    based_on: cpp-subsequnet\n")
        text = text.replacingOccurrences(of: "    based_on: cla-count\n", with: "    based_on: cla-rate\n")
        try writeFile(path, text)
        let (r, _) = try Briefing.build(["--pack", "national-context"], in: ws)
        #expect(r.status == 65)
        #expect(r.stderr.contains("indicators.yaml:") && r.stderr.contains("error: indicator \"cpp-subsequent-percent\" is based on \"cpp-subsequnet\", which is not in this file"), "\(r.stderr)")
        #expect(r.stderr.contains("which is not in this file — did you mean \"cpp-subsequent\"?"), "\(r.stderr)")
        #expect(r.stderr.contains("indicator \"cla-rate\" is based on \"cla-rate\", which is not a count with a noun and people"), "\(r.stderr)")
    }

    /// Claims at the figures' published precision: in a copy, Liverpool's caseload is 20.4 after
    /// 20.3 (a record only by rounding) and its agency share 1.2% against England's 1.1% (a
    /// difference of one rounding step, under 5% of neither). Titles say "about the same as". The
    /// agency series falls gently, with no break (a change of more than half in a year), so its
    /// record is one the title may claim.
    @Test func claimsStandClearOfRounding() throws {
        let ws = try TestWorkspace.copy()
        let caseloads = ["14.0", "15.0", "16.0", "17.0", "18.0", "19.0", "19.5", "20.3", "20.4"]
        let agency = ["3.0", "2.9", "2.8", "2.6", "2.4", "2.2", "2.0", "1.8", "1.2"]
        var edits = zip(2017...2025, caseloads).map { (place: "Liverpool", year: $0, column: "caseload", value: $1) }
        edits += zip(2017...2025, agency).map { (place: "Liverpool", year: $0, column: "agency-rate", value: $1) }
        edits += [("England", 2025, "caseload", "15.2"), ("England", 2025, "agency-rate", "1.1")]
        try setFigures(ws.folder, lastYear: 2025, edits)
        let (r, out) = try Briefing.build(["--pack", "scrutiny", "--formats", "pdf,csv"], in: ws)
        #expect(r.status == 0, "\(r.stderr)")
        let text = normaliseSpace(try tool("pdftotext", ["\(out)/scrutiny.pdf", "-"]).stdout)
        #expect(text.contains("Average caseload (cases per social worker) at 20.4 in 2025, about the same as in 2024 (20.3) and above England’s 15.2"))
        #expect(!text.contains("at 20.4 in 2025, the highest"))
        #expect(text.contains("Agency social workers at 1.2% in 2025, the lowest in nine years and about the same as England’s 1.1%"))
        let row = try csvRows("\(out)/scrutiny-indicator-table.csv").first { $0.first == "Agency social workers" && $0.contains("Liverpool") }
        #expect(row?[2] == "≈ similar", "compared with England: \(row ?? [])")
    }
}

/// The questions page asks about the indicator the data makes worst: in a copy, Liverpool's
/// re-referrals rise every year to the highest of nine (on its real counts, so not few); a figure
/// that is highest only across a break in its series is not asked about.
@Suite struct WorstIndicatorQuestion {
    @Test func anIndicatorAtItsWorstInTheSeriesGetsAQuestion() throws {
        let ws = try TestWorkspace.copy()
        let shares = ["20.0", "21.0", "22.0", "23.0", "24.0", "25.0", "26.0", "27.0", "35.0"]
        // Agency staff also end at their highest, but after a jump of more than half in one year
        // (a break the source does not explain), so no record is claimed and nothing is asked.
        let agency = ["10.0", "10.5", "11.0", "11.5", "12.0", "12.5", "13.0", "13.5", "28.5"]
        try setFigures(ws.folder, lastYear: 2025, zip(2017...2025, shares).map { (place: "Liverpool", year: $0, column: "rereferrals-percent", value: $1) }
                       + zip(2017...2025, agency).map { (place: "Liverpool", year: $0, column: "agency-rate", value: $1) })
        let (r, out) = try Briefing.build(["--pack", "scrutiny", "--formats", "pdf"], in: ws)
        #expect(r.status == 0, "\(r.stderr)")
        let text = normaliseSpace(try tool("pdftotext", ["\(out)/scrutiny.pdf", "-"]).stdout)
        #expect(text.contains("Re-referrals within 12 months stood at 35.0%"), "no question on the worst indicator")
        #expect(text.contains("Re-referrals within 12 months stood at 35.0% in 2025, the worst of the nine years shown (lower is better)."))
        #expect(!text.contains("Agency social workers stood at 28.5%"), "a record claimed across a break")
        // Asked about as far behind the neighbours, it says the figure broke from the year before.
        #expect(text.contains("The figure for agency social workers was 28.5% in 2025"))
        #expect(text.contains("(The figure was 13.5% in 2024: a change of more than half in one year, which the source does not explain: this pack reads no rise or fall across it.)"))
    }
}
