/// The record as things on a time line, in plain values: what the timeline chart draws.
public struct TimelineItem: Sendable, Hashable {
    public enum Lane: String, Sendable, Hashable, CaseIterable {
        case inspections = "Graded inspections"
        case visits = "Ofsted visits"
        case government = "DfE and council"
        case dcs = "Director of children's services"
        case chiefExecutive = "Chief executive"
        case leader = "Council leader"
        case leadMember = "Lead member"

        init(_ role: LeadershipRole) {
            switch role {
            case .directorOfChildrensServices: self = .dcs
            case .chiefExecutive: self = .chiefExecutive
            case .councilLeader: self = .leader
            case .leadMember: self = .leadMember
            }
        }
    }

    public var id: String
    public var lane: Lane
    public var start: PartialDate
    /// Set for spans (tenures); nil for events, which are drawn at their date's precision.
    public var end: PartialDate?
    public var label: String
    public var grade: Grade?
    public var inferred: Bool
    public var interim: Bool
    /// A tenure with no known end: drawn open after the last source that shows the person in post.
    public var openEnded: Bool
    /// For tenures: every day the person may have been in post, and the days the sources make
    /// certain (nil when no single day is certain). Uncertain stretches are drawn faded.
    public var possible: ClosedRange<DayDate>? = nil
    public var certain: ClosedRange<DayDate>? = nil
    /// A shorter label for when the full one is wider than the axis (large print): the kind of event.
    public var shortLabel: String? = nil
    /// For tenures: whether any source gives when the person started (or was first in post).
    public var startKnown: Bool = true
}

extension AuthorityRecord {
    /// Events and tenures as timeline items, oldest first within each lane.
    public var timelineItems: [TimelineItem] {
        var out: [TimelineItem] = []
        for e in events {
            let lane: TimelineItem.Lane
            switch e.kind {
            case .ilacsStandardInspection, .ilacsShortInspection: lane = .inspections
            case .focusedVisit, .monitoringVisit, .jtai: lane = .visits
            default: lane = .government
            }
            var label: String
            var grade: Grade?
            switch lane {
            case .inspections:
                grade = e.grade(.overallEffectiveness)
                label = "\(e.start.display): " + (grade.map { "overall \($0.wording.lowercased())" } ?? "no overall grade")
            case .visits:
                label = "\(e.start.display) \(e.kind == .monitoringVisit ? "visit" : e.kind.title.lowercased())" + (e.theme.map { ": \($0.lowercased())" + (e.themeInferred ? " (theme inferred)" : "") } ?? "")
            default:
                // The event's own title up to its first aside ("Extraordinary council meeting on the
                // Ofsted findings"), not its kind: a meeting is not a decision.
                let short = e.title.map { String($0.prefix { $0 != "(" && $0 != "," }).trimmingCharacters(in: .whitespaces) }
                label = "\(e.start.display) \(short ?? e.kind.title)"
            }
            var short: String?
            if lane == .government, let title = e.title {
                short = "\(e.start.display) " + title.split(separator: " ").prefix(3).joined(separator: " ")
            }
            if e.inferred { label += " (date inferred)"; short = short.map { $0 + " (date inferred)" } }
            var item = TimelineItem(id: e.id, lane: lane, start: e.start, end: nil, label: label, grade: grade,
                                    inferred: e.inferred, interim: false, openEnded: false)
            item.shortLabel = short
            out.append(item)
        }
        for t in leadership {
            guard let start = t.start ?? t.knownFrom ?? t.end else { continue }
            let last = t.end ?? t.lastShownInPost ?? start
            var label = t.person + (t.interim ? " (interim)" : "")
            var facts: [String] = []
            if t.start == nil { facts.append(t.knownFrom.map { "in post \($0.display)" } ?? "start not known") }
            if let end = t.end { facts.append("left \(end.display)") } else if last != t.knownFrom || t.start != nil { facts.append("last shown in post \(last.display)") }
            label += " (" + facts.joined(separator: "; ") + ")"
            var item = TimelineItem(id: "\(t.role.rawValue):\(t.person)", lane: .init(t.role), start: start, end: last,
                                    label: label, grade: nil, inferred: t.startInferred || t.endInferred, interim: t.interim,
                                    openEnded: t.end == nil)
            item.possible = start.earliest...max(start.earliest, last.latest)
            item.startKnown = t.start != nil || t.knownFrom != nil
            if let from = t.certainFrom, let until = t.certainUntil, from <= until { item.certain = from...until }
            out.append(item)
        }
        return out.sorted { ($0.lane.rawValue, $0.start) < ($1.lane.rawValue, $1.start) }
    }
}
