import Foundation
import Judgements
import OfficialData
import Rendering

/// Questions for members, from the rules in `Reports/questions.yaml`: each rule looks for its
/// evidence in the data and asks about it, citing the page that shows it.
extension PageBuilder {
    @_optimize(none) mutating func questions() -> [Block] {
        var asked: [String] = []
        var subjects: Set<String> = []
        for rule in questionRules {
            guard let kind = PageKind.allCases.first(where: { $0.heading == rule.evidence }), cite([kind]) != nil else { continue }
            // One question per indicator or area, from the first rule that finds it; an indicator
            // question cites the trends page only when that page draws the indicator.
            let found = evidence(for: rule).filter { e in
                let subject = e["indicator"] ?? e["area"] ?? e["inspection"] ?? ""
                if kind == .indicatorTrends, let indicator = e["indicatorID"], !trendIndicators.contains(indicator) { return false }
                return !subjects.contains(subject)
            }
            for e in found.prefix(rule.limit) {
                subjects.insert(e["indicator"] ?? e["area"] ?? e["inspection"] ?? "")
                // The latest inspection's areas are listed under their own subheading.
                let see = cite([kind], indicator: e["indicatorID"]) ?? ""
                let cited = rule.kind == .areasNotYetVisited ? latestAreasHeading.map { " (see \u{201C}\($0)\u{201D}, {page:\($0)})" } ?? see : see
                asked.append(rule.question(e) + breakCaveat(e) + cited)
            }
        }
        var blocks: [Block] = [.pageBreak, .heading(PageKind.questions.heading!, level: 1)]
        if asked.isEmpty { return blocks + [.paragraph("The data in this pack raises no question under the rules that generate them.")] }
        blocks.append(.paragraph("Generated from the data in this pack; each question gives the page of the evidence it rests on."))
        return blocks + asked.map { Block.bullet($0) }
    }

    /// A question on a figure that broke from the year before says so, as its summary message
    /// does: the gap may be a change of counting, which members would want to ask about first.
    @_optimize(none) func breakCaveat(_ e: [String: String]) -> String {
        guard let official, let entry, let id = e["indicatorID"], let period = e["period"],
              let d = official.indicators.first(where: { $0.id == id }),
              let b = official.latestBreak(d, entry, period: period) else { return "" }
        return " (The figure was \(OfficialContext.format(b.from, d)) in \(b.fromPeriod): \(SeriesBreak.words).)"
    }

    /// The placeholder values for each piece of evidence `rule` finds, most telling first.
    @_optimize(none) func evidence(for rule: QuestionRule) -> [[String: String]] {
        switch rule.kind {
        case .indicatorAtWorst, .indicatorBehindNeighbours:
            guard let official, let entry else { return [] }
            // A figure resting on few children or social workers raises no question: it may be chance.
            let found = official.store.findings(for: entry, indicators: official.indicators).filter { $0.few == nil }
            if rule.kind == .indicatorAtWorst {
                return found.filter { $0.worstInSeries && $0.years >= rule.minYears }
                    .sorted { ($0.behindEngland ?? 0) > ($1.behindEngland ?? 0) }
                    .map { f in ["indicator": f.indicator.title, "indicator_lower": f.indicator.title.lowercased(), "indicatorID": f.indicator.id, "value": format(f.value, f), "period": f.period,
                                 "years": Self.number(f.years), "better": f.indicator.better.rawValue] }
            }
            return found.filter { ($0.behindNeighbours ?? 0) * 100 >= Double(rule.minGapPercent) }
                .sorted { $0.behindNeighbours! > $1.behindNeighbours! }
                .map { f in ["indicator": f.indicator.title, "indicator_lower": f.indicator.title.lowercased(), "indicatorID": f.indicator.id, "value": format(f.value, f), "period": f.period,
                             "neighbours": f.neighbours.map { format($0, f) } ?? "", "gap": Self.gap(f.behindNeighbours!),
                             "better": f.indicator.better.rawValue] }
        case .areaDrifted:
            return record.drifting(visits: 2).map { ["area": $0.area.title, "visits": Self.number($0.longestRunWithoutProgress).capitalizedFirst] }
        case .findingNotFollowedUp:
            var out: [[String: String]] = []
            // Only areas still open: a later inspection has since given its own verdict on the rest.
            let open = record.gradedInspections.last(where: { !$0.areasForImprovement.isEmpty })?.areasForImprovement ?? []
            for track in open.map(record.track) {
                guard let i = track.history.lastIndex(where: { $0.coverage == .finding && !$0.status.isProgress }) else { continue }
                let later = track.history[(i + 1)...].contains { $0.coverage != .notCovered && $0.coverage != .themeNotKnown }
                if !later {
                    let h = track.history[i]
                    let reading = (h.finding?.inferred ?? false) ? "\(h.status.rawValue) (officer\u{2019}s reading)" : h.status.rawValue
                    out.append(["area": track.area.title, "visit": h.visitDate.display, "status": reading])
                }
            }
            return out
        case .areasNotYetVisited:
            guard let last = record.gradedInspections.last(where: { !$0.areasForImprovement.isEmpty }),
                  record.track(last.areasForImprovement[0]).history.isEmpty else { return [] }
            return [["inspection": last.start.monthYear, "count": Self.number(last.areasForImprovement.count),
                     "areas": last.areasForImprovement.map(\.title).map { $0.lowercased() }.joined(separator: "; ")]]
        }
    }
}

extension PageBuilder {
    /// The indicators the pack's trends page draws.
    var trendIndicators: [String] {
        pack.pages.first { $0.kind == .indicatorTrends }.map { $0.list("indicators") ?? Self.defaultTrendIndicators } ?? []
    }

    /// "34% worse", or "2.3 times as bad" once the gap passes half as much again.
    static func gap(_ behind: Double) -> String {
        behind >= 0.5 ? String(format: "%.1f times as high as", 1 + behind) : "\(Int((behind * 100).rounded()))% worse than"
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
