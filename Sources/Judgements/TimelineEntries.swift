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
    /// For tenures: the days in post if the inferred dates are right (the certain days and more),
    /// drawn apart from the certain ones; nil when nothing follows from an inference.
    public var likely: ClosedRange<DayDate>? = nil
    /// For tenures: the month or year a start or an end (or the last source) falls in, drawn
    /// fading in or out; and a stretch known only as "in post at some time in it".
    public var fadeIn: ClosedRange<DayDate>? = nil
    public var fadeOut: ClosedRange<DayDate>? = nil
    public var sighting: ClosedRange<DayDate>? = nil
    public var startInferred = false
    public var endInferred = false
    /// For tenures: the start and the end in words, with what is not known ("2023 (month not
    /// known, inferred)", "not known (known in post in 2025)"), for the data table.
    public var fromWords: String? = nil
    public var untilWords: String? = nil
    /// A shorter label for when the full one is wider than the axis (large print): the kind of event.
    public var shortLabel: String? = nil
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
            let name = t.person + (t.interim ? " (interim)" : "")
            var item = TimelineItem(id: "\(t.role.rawValue):\(t.person)", lane: .init(t.role), start: start, end: last,
                                    label: "\(name): \(t.inWords(cite: boundSources))", grade: nil, inferred: t.startInferred || t.endInferred, interim: t.interim,
                                    openEnded: t.end == nil)
            item.shortLabel = name
            // A bound a source gives ("left before 13 Mar 2023") narrows the days that may be in post.
            let lowest = max(start.earliest, t.firstPossibleDay ?? start.earliest)
            let possible = lowest...max(lowest, min(last.latest, t.lastPossibleDay ?? last.latest))
            item.possible = possible
            item.startInferred = t.startInferred
            item.endInferred = t.endInferred
            item.fromWords = t.fromWords(cite: boundSources)
            item.untilWords = t.untilWords(cite: boundSources)
            if let from = t.certainFrom, let until = t.certainUntil, from <= until { item.certain = from...until }
            if let from = t.likelyFrom, let until = t.likelyUntil, from <= until, item.certain != from...until { item.likely = from...until }
            // Around the days in post (certain or inferred), the month or year a partial start or
            // end falls in fades in or out; with no such days, a start alone fades in, an end
            // alone fades out, and anything else is "in post at some time in" its stretch.
            if let bar = item.likely ?? item.certain {
                if possible.lowerBound < bar.lowerBound { item.fadeIn = possible.lowerBound...bar.lowerBound }
                if bar.upperBound < possible.upperBound { item.fadeOut = bar.upperBound...possible.upperBound }
            } else if t.start != nil && t.end == nil && t.knownFrom == nil && t.knownUntil == nil {
                item.fadeIn = possible
            } else if t.end != nil && t.start == nil && t.knownFrom == nil && t.knownUntil == nil {
                item.fadeOut = possible
            } else {
                item.sighting = possible
            }
            out.append(item)
        }
        return out.sorted { ($0.lane.rawValue, $0.start) < ($1.lane.rawValue, $1.start) }
    }
}

extension Tenure {
    /// "from 2023 (month not known, inferred)"; "start not known; in post on 13 Mar 2023";
    /// "from 2023 (month not known, inferred), after 25 May 2023 (inferred; source: …)".
    /// `cite` names a bound's sources ("Ofsted, 25 May 2023").
    public func fromPhrase(cite: (DateBound) -> String) -> String {
        let after = startAfter.map { "after \(Self.bounded($0, cite))" }
        if let start { return "from \(start.withCaveats(inferred: startInferred))" + (after.map { ", \($0)" } ?? "") }
        let started = after.map { "started \($0)" } ?? "start not known"
        if let k = knownFrom { return "\(started); in post \(k.onOrIn)" + (end == nil && knownUntil == nil && endBefore == nil ? " (last source held)" : "") }
        return started
    }

    /// "known in post in 2025 (last source held)"; "known in post on 25 May 2023; left in 2023
    /// (month not known, inferred)"; "left in 2023 (month not known, inferred), before 13 Mar
    /// 2023 (source: Ofsted, 25 May 2023)"; "no later source held".
    public func untilPhrase(cite: (DateBound) -> String) -> String? {
        var parts: [String] = []
        if let u = knownUntil { parts.append("known in post \(u.onOrIn)" + (end == nil ? " (last source held)" : "")) }
        let before = endBefore.map { "before \(Self.bounded($0, cite))" }
        if let end { parts.append("left \(end.precision == .day ? "on" : "in") \(end.withCaveats(inferred: endInferred))" + (before.map { ", \($0)" } ?? "")) }
        else if let before { parts.append("left \(before)") }
        if parts.isEmpty && start != nil { parts.append("no later source held") }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// The tenure in words, keeping each date's precision and saying what is inferred: "from
    /// 2023 (month not known, inferred); known in post in 2025 (last source held)".
    public func inWords(cite: (DateBound) -> String) -> String {
        ([fromPhrase(cite: cite)] + [untilPhrase(cite: cite)].compactMap { $0 }).joined(separator: "; ")
    }

    /// The data table's "From" and "To": the date with its caveats, or "not known" and what is known.
    public func fromWords(cite: (DateBound) -> String) -> String {
        let after = startAfter.map { "after \(Self.bounded($0, cite))" }
        if let start { return start.withCaveats(inferred: startInferred) + (after.map { ", \($0)" } ?? "") }
        return "not known" + (after.map { ", \($0)" } ?? "") + (knownFrom.map { " (in post \($0.onOrIn))" } ?? "")
    }
    public func untilWords(cite: (DateBound) -> String) -> String {
        let before = endBefore.map { "before \(Self.bounded($0, cite))" }
        if let end { return end.withCaveats(inferred: endInferred) + (before.map { ", \($0)" } ?? "") }
        if let before { return before + ((knownUntil ?? knownFrom).map { "; last known in post \($0.onOrIn)" } ?? "") }
        if let u = knownUntil ?? knownFrom { return "not known (last known in post \(u.onOrIn))" }
        return "not known (no later source held)"
    }

    /// "13 Mar 2023 (source: Ofsted, 25 May 2023)"; "25 May 2023 (inferred; source: Liverpool Echo, 2023)".
    static func bounded(_ b: DateBound, _ cite: (DateBound) -> String) -> String {
        "\(b.date.display) (\(b.inferred ? "inferred; " : "")source: \(cite(b)))"
    }
}

extension AuthorityRecord {
    /// A bound's sources as a reader finds them: "Ofsted, 25 May 2023; Liverpool Echo, 2023".
    public func boundSources(_ b: DateBound) -> String {
        b.sources.compactMap { source($0.sourceID) }.map { "\($0.publisher), \($0.date.display)" }.joined(separator: "; ")
    }
}
