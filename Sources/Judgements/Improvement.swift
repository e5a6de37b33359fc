/// Something an inspection said must improve. Ids are stable ("2023-04") so monitoring-visit
/// findings and later packs can refer to them even if the wording is shortened.
public struct AreaForImprovement: Sendable, Hashable, Codable {
    public var id: String
    /// A short title for charts.
    public var title: String
    /// Ofsted's wording, when transcribed.
    public var wording: String?
    /// The graded inspection that set it.
    public var setBy: String
}

/// How far a monitoring visit found an area for improvement had come. "Not looked at" is not
/// "no progress": a visit that did not look at an area says nothing about it.
public enum ProgressStatus: String, CaseIterable, Sendable, Codable {
    case progress
    case someProgress = "some progress"
    case insufficientProgress = "insufficient progress"
    case notLookedAt = "not looked at"

    /// Whether the visit recorded progress (for drift: "no recorded progress").
    public var isProgress: Bool { self == .progress || self == .someProgress }

    public static func parse(_ text: String) -> ProgressStatus? {
        let t = text.lowercased().replacingOccurrences(of: "-", with: " ").split(separator: " ").joined(separator: " ")
        return ProgressStatus(rawValue: t)
    }
}

/// What one visit found about one area for improvement, with the words that say so.
public struct VisitFinding: Sendable, Hashable, Codable {
    public var areaID: String
    public var status: ProgressStatus
    /// A short quote from the source, attributed by `speaker` when it is a person's words.
    public var quote: String?
    public var speaker: String?
    /// Set when the status is a reading of the source's words rather than Ofsted's own verdict.
    public var inferred: Bool
    public var note: String?
    public var sources: [Citation]
}

/// Roles whose holders the packs name at each event.
public enum LeadershipRole: String, CaseIterable, Sendable, Codable, CodingKeyRepresentable {
    case directorOfChildrensServices = "director-of-childrens-services"
    case chiefExecutive = "chief-executive"
    case councilLeader = "council-leader"
    case leadMember = "lead-member"

    public var title: String {
        switch self {
        case .directorOfChildrensServices: return "Director of children's services"
        case .chiefExecutive: return "Chief executive"
        case .councilLeader: return "Leader of the council"
        case .leadMember: return "Lead member for children's services"
        }
    }
}

/// One person's time in a role. Either end may be unknown (nil); a date read from indirect
/// wording ("will join next month") is marked inferred.
public struct Tenure: Sendable, Hashable, Codable {
    public var role: LeadershipRole
    public var person: String
    /// The title the person held, when it differs from the role's generic name.
    public var title: String?
    public var interim: Bool
    public var start: PartialDate?
    public var startInferred: Bool
    public var end: PartialDate?
    public var endInferred: Bool
    /// When the start is unknown: the earliest date a source places the person in post.
    public var knownFrom: PartialDate?
    /// When the end is unknown: the latest date a source places the person in post. Without it,
    /// a tenure with a known start and no end is taken to continue.
    public var knownUntil: PartialDate?
    /// A date a source shows the person not yet in post ("will join next month"): the start
    /// falls after it, however little else is known of it.
    public var startAfter: DateBound?
    /// A date a source shows the person no longer in post ("very recently left", in a report on
    /// an inspection that began that day): the end falls before it.
    public var endBefore: DateBound?
    public var note: String?
    public var sources: [Citation]

    public init(role: LeadershipRole, person: String, title: String?, interim: Bool, start: PartialDate?, startInferred: Bool,
                end: PartialDate?, endInferred: Bool, knownFrom: PartialDate?, knownUntil: PartialDate?,
                startAfter: DateBound? = nil, endBefore: DateBound? = nil, note: String?, sources: [Citation]) {
        self.role = role; self.person = person; self.title = title; self.interim = interim; self.start = start
        self.startInferred = startInferred; self.end = end; self.endInferred = endInferred; self.knownFrom = knownFrom
        self.knownUntil = knownUntil; self.startAfter = startAfter; self.endBefore = endBefore; self.note = note; self.sources = sources
    }

    /// The first and last days the sources leave possible: a start no earlier than the day after
    /// `startAfter`, an end no later than the day before `endBefore`.
    public var firstPossibleDay: DayDate? { startAfter.map { $0.date.latest.adding(days: 1) } }
    public var lastPossibleDay: DayDate? { endBefore.map { $0.date.earliest.adding(days: -1) } }

    /// Whether the sources leave it possible that the person was in post on `date`: with neither
    /// a start nor a "known from" date, the tenure covers only its end.
    public func covers(_ date: PartialDate) -> Bool {
        guard let lower = start ?? knownFrom ?? end else { return false }
        let upper = end ?? knownUntil ?? lastShownInPost
        if let first = firstPossibleDay, date.latest < first { return false }
        if let last = lastPossibleDay, last < date.earliest { return false }
        return lower.earliest <= date.latest && (upper.map { date.earliest <= $0.latest } ?? true)
    }

    /// The first day the sources make it certain the person was in post: the last day a stated
    /// partial start could mean (a year-only start is certain only from 31 December), or a day a
    /// source places them in post. An inferred start makes nothing certain (see `likelyFrom`).
    public var certainFrom: DayDate? {
        [startInferred ? nil : start?.latest, knownFrom.map { $0.precision == .day ? $0.earliest : $0.latest }].compactMap { $0 }.min()
    }

    /// The last day the sources make it certain the person was still in post: the first day a
    /// stated partial end could mean, or the last dated source that shows them in post (a
    /// year-only one only to 1 January). Nothing is assumed beyond it: a tenure with no known end
    /// is not taken to continue, and an inferred end makes nothing certain.
    public var certainUntil: DayDate? {
        [endInferred ? nil : end?.earliest, knownUntil?.earliest, knownFrom?.earliest].compactMap { $0 }.max()
    }

    /// The first and last days in post if the inferred dates are right: the certain days
    /// widened by an inferred start or end. Drawn apart from the certain days, and named in "who
    /// led" only with the inference said.
    public var likelyFrom: DayDate? { [certainFrom, startInferred ? start?.latest : nil].compactMap { $0 }.min() }
    public var likelyUntil: DayDate? { [certainUntil, endInferred ? end?.earliest : nil].compactMap { $0 }.max() }

    /// Whether the person was in post for the whole of `date` if the inferred dates are right.
    public func likelyCovers(_ date: PartialDate) -> Bool {
        guard let from = likelyFrom, let until = likelyUntil, from <= until else { return false }
        return from <= date.earliest && date.latest <= until
    }

    /// What is inferred, for readers: "start date inferred", "end date inferred" or "dates inferred".
    public var inferredWords: String? {
        switch (startInferred, endInferred) {
        case (true, true): return "dates inferred"
        case (true, false): return "start date inferred"
        case (false, true): return "end date inferred"
        case (false, false): return nil
        }
    }

    /// The last date a source shows the person in post when the end is not known.
    public var lastShownInPost: PartialDate? { end == nil ? (knownUntil ?? knownFrom ?? start) : nil }

    /// Whether the sources make it certain the person was in post for the whole of `date`.
    public func certainlyCovers(_ date: PartialDate) -> Bool {
        guard let from = certainFrom, let until = certainUntil, from <= until else { return false }
        return from <= date.earliest && date.latest <= until
    }
}

/// A date beyond which a tenure cannot reach, as a source gives it: the person was not yet (or
/// no longer) in post then. It narrows a start or an end known only to the year ("left in 2023,
/// before 13 Mar 2023") and is shown with the source that gives it.
public struct DateBound: Sendable, Hashable, Codable {
    public var date: PartialDate
    /// Read from indirect wording (an undated article's "will join next month"); the tenure's note says how.
    public var inferred: Bool
    public var sources: [Citation]

    public init(date: PartialDate, inferred: Bool = false, sources: [Citation]) {
        self.date = date; self.inferred = inferred; self.sources = sources
    }
}

/// Words someone said or wrote, with who, when and where they were reported.
public struct Quote: Sendable, Hashable, Codable {
    public var text: String
    public var speaker: String
    public var role: String
    public var date: PartialDate
    public var dateInferred: Bool
    public var event: String?
    /// The official indicator the words speak to, by id (`agency-rate`), if any.
    public var indicator: String? = nil
    public var sources: [Citation]
}
