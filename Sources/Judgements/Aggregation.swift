/// The questions a scrutiny committee asks of the record, answered from the validated data.
/// Every answer carries the events it rests on, so a page can cite them.

/// An area's grade on a date: the judgement of the latest graded inspection published by then.
public struct AreaStanding: Sendable, Hashable, Codable {
    public var area: JudgementArea
    public var cell: JudgementGrid.Cell
    public var inspectionID: String
}

/// How one area moved between two consecutive graded inspections.
public struct GradeChange: Sendable, Hashable, Codable {
    public enum Direction: String, Sendable, Codable {
        case improved, declined, unchanged
        /// One side was not judged (e.g. overall effectiveness in 2026), so there is no comparison.
        case notComparable = "not comparable"
    }

    public var area: JudgementArea
    public var fromInspection: String
    public var toInspection: String
    public var from: JudgementGrid.Cell
    public var to: JudgementGrid.Cell
    public var direction: Direction
    /// Grades moved (positive = better); 0 when unchanged or not comparable.
    public var steps: Int
}

/// A stretch of time at one overall-effectiveness grade (nil grade: not judged that time).
public struct GradePeriod: Sendable, Hashable, Codable {
    public var grade: Grade?
    public var reason: String?
    public var inspectionID: String
    public var from: String
    public var until: String
    public var days: Int
}

/// One monitoring visit's word on one area for improvement.
public struct AreaStatusEntry: Sendable, Hashable, Codable {
    /// What is known of a visit and an area: a finding held (with its words), the visit's theme
    /// covered the area but no finding is held, it did not, or the visit's theme is not known.
    public enum Coverage: String, Sendable, Hashable, Codable {
        case finding
        case coveredNoFinding = "covered, no finding held"
        case notCovered = "outside its theme"
        case themeNotKnown = "theme not known"
    }

    public var visitID: String
    public var visitDate: PartialDate
    public var visitTheme: String?
    public var status: ProgressStatus
    public var coverage: Coverage
    public var finding: VisitFinding?
}

/// An area for improvement with its status at every monitoring visit after it was set.
public struct AreaTrack: Sendable, Hashable, Codable {
    public var area: AreaForImprovement
    public var history: [AreaStatusEntry]
    /// The longest run of consecutive visits that looked at the area and recorded no progress.
    public var longestRunWithoutProgress: Int
}

/// Who held each leadership role at an event (more than one when the sources cannot tell).
public struct LeadersAtEvent: Sendable, Hashable, Codable {
    public static let notKnown = "not known"
    public var eventID: String
    public var leaders: [LeadershipRole: [String]]
}

extension JudgementGrid.Cell: Codable {
    enum CodingKeys: String, CodingKey { case grade, note, notJudged }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .graded(g, note):
            try c.encode(g.wording, forKey: .grade)
            try c.encodeIfPresent(note, forKey: .note)
        case let .notJudged(reason):
            try c.encode(reason, forKey: .notJudged)
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let reason = try c.decodeIfPresent(String.self, forKey: .notJudged) {
            self = .notJudged(reason: reason)
        } else {
            let text = try c.decode(String.self, forKey: .grade)
            guard let g = Grade.parse(text) else {
                throw DecodingError.dataCorruptedError(forKey: .grade, in: c, debugDescription: "unknown grade \(text)")
            }
            self = .graded(g, note: try c.decodeIfPresent(String.self, forKey: .note))
        }
    }
}

extension AuthorityRecord {
    /// When an inspection's judgements became known: publication, else the last day of fieldwork.
    func known(_ e: Event) -> PartialDate { e.published ?? e.end ?? e.start }

    func cell(_ event: Event, _ row: JudgementArea) -> JudgementGrid.Cell {
        if let j = event.judgements.first(where: { $0.area.row == row }) {
            return .graded(j.grade, note: j.area == row ? nil : "one judgement for \(j.area.shortTitle.lowercased())")
        }
        return .notJudged(reason: era(for: event.start)?.notJudged[row]?.reason ?? "not judged")
    }

    /// The grade of `area` on `date`: from the latest graded inspection published by then.
    public func standing(of area: JudgementArea, on date: PartialDate) -> AreaStanding? {
        guard let e = gradedInspections.last(where: { known($0).latest <= date.earliest }) else { return nil }
        return AreaStanding(area: area.row, cell: cell(e, area.row), inspectionID: e.id)
    }

    /// Every area's movement between each pair of consecutive graded inspections.
    public var gradeChanges: [GradeChange] {
        let inspections = gradedInspections
        var out: [GradeChange] = []
        for (a, b) in zip(inspections, inspections.dropFirst()) {
            for row in JudgementArea.rows {
                let from = cell(a, row), to = cell(b, row)
                var direction = GradeChange.Direction.notComparable
                var steps = 0
                if case let .graded(g1, _) = from, case let .graded(g2, _) = to {
                    steps = g2.rawValue - g1.rawValue
                    direction = steps > 0 ? .improved : steps < 0 ? .declined : .unchanged
                }
                out.append(GradeChange(area: row, fromInspection: a.id, toInspection: b.id, from: from, to: to,
                                       direction: direction, steps: steps))
            }
        }
        return out
    }

    /// Time at each overall-effectiveness grade, from each publication to the next (or `asOf`).
    public func overallGradePeriods(asOf: DayDate) -> [GradePeriod] {
        let inspections = gradedInspections.filter { known($0).earliest <= asOf }
        return inspections.enumerated().map { i, e in
            let from = known(e).earliest
            let until = i + 1 < inspections.count ? known(inspections[i + 1]).earliest : asOf
            let c = cell(e, .overallEffectiveness)
            var grade: Grade?, reason: String?
            switch c {
            case let .graded(g, _): grade = g
            case let .notJudged(r): reason = r
            }
            return GradePeriod(grade: grade, reason: reason, inspectionID: e.id, from: from.iso, until: until.iso,
                               days: from.days(until: until))
        }
    }

    /// Days at each overall grade up to `asOf` (periods without an overall judgement are left out).
    public func daysAtOverallGrade(asOf: DayDate) -> [Grade: Int] {
        var out: [Grade: Int] = [:]
        for p in overallGradePeriods(asOf: asOf) { if let g = p.grade { out[g, default: 0] += p.days } }
        return out
    }

    /// Monitoring visits that started after the latest graded inspection to start on or before `asOf`.
    public func monitoringVisitsSinceLastGradedInspection(asOf: PartialDate) -> [Event] {
        let last = gradedInspections.last { $0.start.earliest <= asOf.latest }
        return events.filter { e in
            e.kind == .monitoringVisit && e.start.earliest <= asOf.latest && (last.map { $0.start < e.start } ?? true)
        }
    }

    /// Every area for improvement, oldest inspection first.
    public var areasForImprovement: [AreaForImprovement] {
        gradedInspections.flatMap(\.areasForImprovement)
    }

    /// An area's status at each monitoring visit between the inspection that set it and the next
    /// graded inspection. A visit with no finding on the area did not look at it.
    public func track(_ area: AreaForImprovement) -> AreaTrack {
        let inspections = gradedInspections
        guard let setter = inspections.firstIndex(where: { $0.id == area.setBy }) else {
            return AreaTrack(area: area, history: [], longestRunWithoutProgress: 0)
        }
        let start = inspections[setter].start
        let stop = setter + 1 < inspections.count ? inspections[setter + 1].start : nil
        let visits = events.filter { v in v.kind == .monitoringVisit && start < v.start && (stop.map { v.start < $0 } ?? true) }
        let history = visits.map { v -> AreaStatusEntry in
            let f = v.findings.first { $0.areaID == area.id && $0.status != .notLookedAt }
            let coverage: AreaStatusEntry.Coverage = f != nil ? .finding : v.covers.contains(area.id) ? .coveredNoFinding
                : (v.theme == nil && v.covers.isEmpty) ? .themeNotKnown : .notCovered
            return AreaStatusEntry(visitID: v.id, visitDate: v.start, visitTheme: v.theme.map { v.themeInferred ? "\($0) (theme inferred)" : $0 }, status: f?.status ?? .notLookedAt, coverage: coverage, finding: f)
        }
        var run = 0, longest = 0
        for h in history where h.status != .notLookedAt {
            run = h.status.isProgress ? 0 : run + 1
            longest = max(longest, run)
        }
        return AreaTrack(area: area, history: history, longestRunWithoutProgress: longest)
    }

    /// Areas that drifted: at least `visits` consecutive visits looked at them and none recorded progress.
    public func drifting(visits: Int) -> [AreaTrack] {
        areasForImprovement.map(track).filter { $0.longestRunWithoutProgress >= visits }
    }

    /// Who may have held each role on `date` (several names when the sources leave it open).
    public func leaders(on date: PartialDate) -> [LeadershipRole: [Tenure]] {
        var out: [LeadershipRole: [Tenure]] = [:]
        for t in leadership where t.covers(date) { out[t.role, default: []].append(t) }
        return out
    }

    /// Who the sources make certain held each role on `date`; failing that, who held it if an
    /// inferred date is right, with the inference said ("Jenny Turnross (start date inferred)");
    /// a role the record has holders for but none on that date is answered "not known", never a guess.
    public func certainLeaders(on date: PartialDate) -> [LeadershipRole: [String]] {
        var out: [LeadershipRole: [String]] = [:]
        func name(_ t: Tenure) -> String { t.interim ? "\(t.person) (interim)" : t.person }
        for role in LeadershipRole.allCases where leadership.contains(where: { $0.role == role }) {
            var names = leadership.filter { $0.role == role && $0.certainlyCovers(date) }.map(name)
            if names.isEmpty {
                names = leadership.filter { $0.role == role && $0.likelyCovers(date) }.map { "\(name($0)) (\($0.inferredWords ?? "dates inferred"))" }
            }
            out[role] = names.isEmpty ? [LeadersAtEvent.notKnown] : names
        }
        return out
    }

    /// The person last shown in a role on or before `date`, and when: for "not known" answers.
    /// Dates are compared by the last day each could mean, so a year-only "2023" is not taken
    /// to come before "25 May 2023" (as if it meant 1 January); between dates that could mean
    /// the same days, one that shows a person in post (a start or a sighting) comes after one
    /// that shows another leaving: one who started in 2023 followed one who left in 2023.
    public func lastNamed(_ role: LeadershipRole, by date: PartialDate) -> (person: String, when: PartialDate)? {
        func key(_ d: PartialDate, leaving: Bool) -> (DayDate, DayDate, Int) { (d.latest, d.earliest, leaving ? 0 : 1) }
        let named = leadership.filter { $0.role == role }.flatMap { t in
            [(t.knownUntil, false), (t.knownFrom, false), (t.start, false), (t.end, true)].compactMap { d, leaving in
                d.flatMap { $0.earliest <= date.latest ? (person: t.person, when: $0, leaving: leaving) : nil }
            }
        }
        return named.max { key($0.when, leaving: $0.leaving) < key($1.when, leaving: $1.leaving) }.map { ($0.person, $0.when) }
    }

    /// Who led the service at each event (first day of fieldwork), as far as the sources make certain.
    public var leadersAtEvents: [LeadersAtEvent] {
        events.map { e in LeadersAtEvent(eventID: e.id, leaders: certainLeaders(on: e.start)) }
    }
}

extension AuthorityRecord {
    /// The comparison-row cells of one graded inspection.
    public func cells(of event: Event) -> [JudgementArea: JudgementGrid.Cell] {
        Dictionary(uniqueKeysWithValues: JudgementArea.rows.map { ($0, cell(event, $0)) })
    }
}
