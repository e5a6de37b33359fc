import Foundation
import Judgements
import Rendering

/// What a pack built from Ofsted's outcomes file alone does not hold, said where a reader would
/// otherwise read an empty page as "none": the file gives each inspection's judgements and
/// dates, but no report text, no leaders, and visits only for its in-year table's period.
extension PageBuilder {
    /// The outcomes file, by publisher and title, as the pages name it.
    func outcomesFile(_ o: OfficialOnly) -> String {
        record.sources.first.map { "\($0.publisher)\u{2019}s \u{201C}\($0.title)\u{201D}" } ?? "Ofsted\u{2019}s outcomes file"
    }

    /// The latest graded inspection as the file gives it: "the November 2024 inspection of
    /// Knowsley (overall inadequate; report published 20 January 2025)".
    @_optimize(none) func latestInspectionNamed() -> String? {
        guard let last = record.gradedInspections.last else { return nil }
        var facts: [String] = []
        if let g = last.grade(.overallEffectiveness) { facts.append("overall \(g.wording.lowercased())") }
        if let p = last.published { facts.append("report published \(p.longDisplay)") }
        return "the \(last.start.monthYear) inspection of \(name)" + (facts.isEmpty ? "" : " (\(facts.joined(separator: "; ")))")
    }

    /// The tracker's page when no report is held: which inspection set the areas, that its report
    /// is not in the pack's data, and where to read it.
    @_optimize(none) func areasNotHeld(_ o: OfficialOnly) -> String {
        let file = outcomesFile(o)
        guard let inspection = latestInspectionNamed() else {
            return "\(file) lists no graded inspection of \(name), so there are no areas for improvement to show."
        }
        return "The areas for improvement set at \(inspection) are not in this pack: it is built from \(file), which gives each inspection\u{2019}s judgements and dates but not its report. Ofsted\u{2019}s reports on \(name) are at \(o.reportsURL)."
    }

    /// The findings page when no report, letter or article is held.
    func findingsNotHeld(_ o: OfficialOnly) -> String {
        "No findings or quotes are shown because this pack holds no report, letter or article on \(name): it is built from \(outcomesFile(o)), which gives judgements and dates only (Ofsted\u{2019}s reports on \(name) are at \(o.reportsURL))."
    }

    /// The timeline's note: visits are known only for the in-year table's period, and no leaders
    /// are named, so an empty stretch is not read as "no visits".
    @_optimize(none) func timelineCoverage(_ o: OfficialOnly) -> String {
        var text = "Ofsted visits are known only from the in-year table of \(outcomesFile(o))"
        if let from = o.visitsFrom, let to = o.visitsTo {
            let listed = record.events.contains { !$0.kind.isGraded && from.earliest <= $0.start.earliest && $0.start.latest <= to.latest }
            text += ", which covers \(from.longDisplay) to \(to.longDisplay)\(listed ? "" : " and lists no visit to \(name)")"
            text += "; before or after that period, an empty stretch does not mean there was no visit"
        } else {
            text += "; an empty stretch does not mean there was no visit"
        }
        return text + ". No leaders are shown: the file names none."
    }
}
