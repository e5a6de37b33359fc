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
    /// A tenure still running (no end known).
    public var openEnded: Bool
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
                label = "\(e.start.display) \(e.kind == .monitoringVisit ? "visit" : e.kind.title.lowercased())" + (e.theme.map { ": \($0.lowercased())" } ?? "")
            default:
                label = "\(e.start.display) \(e.kind.title)"
            }
            if e.inferred { label += " (date inferred)" }
            out.append(TimelineItem(id: e.id, lane: lane, start: e.start, end: nil, label: label, grade: grade,
                                    inferred: e.inferred, interim: false, openEnded: false))
        }
        for t in leadership {
            guard let start = t.start ?? t.knownFrom ?? t.end else { continue }
            var label = t.person + (t.interim ? " (interim)" : "")
            if t.start == nil { label += t.knownFrom == nil ? " (left \(t.end!.display); start not known)" : " (in post by \(start.display))" }
            out.append(TimelineItem(id: "\(t.role.rawValue):\(t.person)", lane: .init(t.role), start: start, end: t.end ?? t.knownUntil,
                                    label: label, grade: nil, inferred: t.startInferred || t.endInferred, interim: t.interim,
                                    openEnded: t.end == nil && t.knownUntil == nil))
        }
        return out.sorted { ($0.lane.rawValue, $0.start) < ($1.lane.rawValue, $1.start) }
    }
}
