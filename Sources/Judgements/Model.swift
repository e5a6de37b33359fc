import Diagnostics

/// A published document that facts come from. Every judgement, date and figure names one.
public struct Source: Sendable, Hashable, Codable {
    public var id: String
    public var publisher: String
    public var title: String
    public var date: PartialDate
    public var url: String?
    public var licence: String?
    /// Set when the date or publisher is read from the text rather than printed on it.
    public var inferred: Bool = false
    public var note: String?
    /// False for a real publication that was read but of which no copy is kept: the sources page
    /// says so, so a reader knows to look for it by publisher, title and date.
    public var copyHeld: Bool = true

    public init(id: String, publisher: String, title: String, date: PartialDate, url: String? = nil, licence: String? = nil,
                inferred: Bool = false, note: String? = nil, copyHeld: Bool = true) {
        self.id = id; self.publisher = publisher; self.title = title; self.date = date
        self.url = url; self.licence = licence; self.inferred = inferred; self.note = note; self.copyHeld = copyHeld
    }

    /// "Ofsted, "Inspection of …", 25 May 2023".
    public var citation: String {
        "\(publisher), \u{201C}\(title)\u{201D}, \(date.display)"
    }
}

/// A reference from a fact to a source, with where in the data file it was made.
public struct Citation: Sendable, Hashable, Codable {
    public var sourceID: String
    /// Page or paragraph, when the source is long.
    public var locator: String?

    public init(sourceID: String, locator: String? = nil) {
        self.sourceID = sourceID; self.locator = locator
    }
}

/// The local authority a record is about.
public struct Authority: Sendable, Hashable, Codable {
    public var name: String
    /// The council's full name, used as the PDF author ("Liverpool City Council").
    public var council: String
    public var dfeCode: Int
    public var onsCode: String
    public var ofstedRegion: String
    public var ofstedURN: String?
    public var statisticalNeighbours: [String]
    public var source: Citation

    public init(name: String, council: String, dfeCode: Int, onsCode: String, ofstedRegion: String, ofstedURN: String?,
                statisticalNeighbours: [String], source: Citation) {
        self.name = name; self.council = council; self.dfeCode = dfeCode; self.onsCode = onsCode
        self.ofstedRegion = ofstedRegion; self.ofstedURN = ofstedURN
        self.statisticalNeighbours = statisticalNeighbours; self.source = source
    }
}

extension Array where Element == FrameworkEra {
    /// When children in care and care leavers stopped being judged together: the start of the
    /// first era that judges children in care on its own after one that judged them jointly (the
    /// "children in care" column of a grid holds the joint grade before then). Nil when the
    /// eras never judged them jointly.
    public var jointCareJudgementEnded: PartialDate? {
        let sorted = self.sorted { $0.from.earliest < $1.from.earliest }
        guard let last = sorted.lastIndex(where: { $0.judgements.contains(.childrenInCareAndCareLeavers) }) else { return nil }
        return sorted[(last + 1)...].first { $0.judgements.contains(.childrenInCare) }?.from
    }
}

/// What the frameworks file holds: the eras, and the themes Ofsted gives its visits.
public struct Frameworks: Sendable {
    public var eras: [FrameworkEra]
    public var visitThemes: [String]

    public init(eras: [FrameworkEra], visitThemes: [String]) {
        self.eras = eras; self.visitThemes = visitThemes
    }
}

/// The kinds of thing that happen in an authority's improvement journey.
public enum EventKind: String, CaseIterable, Sendable, Codable {
    case ilacsStandardInspection = "ilacs-standard-inspection"
    case ilacsShortInspection = "ilacs-short-inspection"
    case focusedVisit = "focused-visit"
    case monitoringVisit = "monitoring-visit"
    case jtai = "jtai"
    case dfeReview = "dfe-review"
    case intervention = "intervention"
    case improvementBoard = "improvement-board"
    case councilDecision = "council-decision"
    case performanceReport = "performance-report"

    /// Graded inspections carry judgements; everything else must not.
    public var isGraded: Bool { self == .ilacsStandardInspection || self == .ilacsShortInspection }

    public var title: String {
        switch self {
        case .ilacsStandardInspection: return "Standard inspection"
        case .ilacsShortInspection: return "Short inspection"
        case .focusedVisit: return "Focused visit"
        case .monitoringVisit: return "Monitoring visit"
        case .jtai: return "Joint targeted area inspection"
        case .dfeReview: return "DfE review"
        case .intervention: return "Intervention"
        case .improvementBoard: return "Improvement board"
        case .councilDecision: return "Council decision"
        case .performanceReport: return "Performance report"
        }
    }
}

/// Why a grid cell has no grade: the judgement did not exist, or was made jointly with another.
public struct NotJudged: Sendable, Hashable, Codable {
    public var reason: String
}

/// One graded judgement of an inspection.
public struct Judgement: Sendable, Hashable, Codable {
    public var area: JudgementArea
    public var grade: Grade

    public init(area: JudgementArea, grade: Grade) { self.area = area; self.grade = grade }
}

/// Something that happened, with the dates known and the source that says so.
public struct Event: Sendable, Hashable, Codable {
    public var id: String
    public var kind: EventKind
    public var title: String?
    public var start: PartialDate
    public var end: PartialDate?
    public var published: PartialDate?
    public var leadInspector: String?
    public var theme: String?
    public var themeInferred: Bool
    public var note: String?
    /// Set when the event's date (or that it happened at all) is inferred rather than stated.
    public var inferred: Bool = false
    public var judgements: [Judgement]
    /// Set by graded inspections.
    public var areasForImprovement: [AreaForImprovement] = []
    /// Recorded by monitoring visits: one per area looked at.
    public var findings: [VisitFinding] = []
    /// Areas for improvement the visit's theme covered. Ofsted's letters do not list them, so this
    /// is always the record author's inference, explained in `coversNote`.
    public var covers: [String] = []
    public var coversNote: String?
    /// A graded inspection's verdict on the areas the previous one set, in a word ("addressed")
    /// and in the report's own words, which the tracker prints beside it.
    public var earlierAreasVerdict: String?
    public var earlierAreasQuote: String?
    /// The report's own words on who led, when it describes leaders without naming them (the
    /// 2026 report records a new chief executive, leader, DCS and lead member, unnamed).
    public var leadersQuote: String?
    public var sources: [Citation]

    public init(id: String, kind: EventKind, title: String?, start: PartialDate, end: PartialDate?, published: PartialDate?,
                leadInspector: String?, theme: String?, themeInferred: Bool, note: String?, inferred: Bool = false,
                judgements: [Judgement], areasForImprovement: [AreaForImprovement] = [], findings: [VisitFinding] = [],
                sources: [Citation]) {
        self.id = id; self.kind = kind; self.title = title; self.start = start; self.end = end; self.published = published
        self.leadInspector = leadInspector; self.theme = theme; self.themeInferred = themeInferred; self.note = note
        self.inferred = inferred; self.judgements = judgements; self.areasForImprovement = areasForImprovement
        self.findings = findings; self.sources = sources
    }

    public func grade(_ area: JudgementArea) -> Grade? {
        judgements.first { $0.area == area }?.grade
    }

    /// "May 2018" / "14–25 May 2018" style label of when fieldwork took place.
    public var whenLabel: String { start.monthYear }

    /// How readers see an inspection named: "the March 2023 inspection", never its record id.
    public var readerName: String { "the \(start.monthYear) \(kind.isGraded ? "inspection" : displayTitle.lowercased())" }

    public var displayTitle: String { title ?? kind.title }
}

/// A period of Ofsted's ILACS framework and the judgements it makes.
public struct FrameworkEra: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var from: PartialDate
    public var to: PartialDate?
    public var judgements: [JudgementArea]
    /// For each comparison row this era does not judge, the reason shown in its place.
    public var notJudged: [JudgementArea: NotJudged]
    /// Set when the era's dates are inferred rather than stated by a source.
    public var inferred: Bool
    public var note: String?
    /// Full source entries: the frameworks file stands alone, apart from any authority's record.
    public var sources: [Source]

    public func contains(_ date: PartialDate) -> Bool {
        date.earliest >= from.earliest && (to.map { date.earliest <= $0.latest } ?? true)
    }
}

/// Everything known about one authority, as loaded from its record file.
public struct AuthorityRecord: Sendable, Codable {
    public var authority: Authority
    public var sources: [Source]
    public var events: [Event]
    public var eras: [FrameworkEra]
    public var leadership: [Tenure] = []
    public var quotes: [Quote] = []
    /// Set when the record is made from Ofsted's outcomes file alone: what that file cannot tell.
    public var officialOnly: OfficialOnly?

    public init(authority: Authority, sources: [Source], events: [Event], eras: [FrameworkEra],
                leadership: [Tenure] = [], quotes: [Quote] = []) {
        self.authority = authority; self.sources = sources; self.events = events; self.eras = eras
        self.leadership = leadership; self.quotes = quotes
    }

    public func source(_ id: String) -> Source? { allSources.first { $0.id == id } }

    /// The record's sources and the framework eras' sources, for the sources page.
    public var allSources: [Source] {
        var out = sources
        for era in eras { for s in era.sources where !out.contains(where: { $0.id == s.id }) { out.append(s) } }
        return out
    }

    /// Graded inspections, oldest first.
    public var gradedInspections: [Event] {
        events.filter { $0.kind.isGraded }.sorted { $0.start < $1.start }
    }

    public func era(for date: PartialDate) -> FrameworkEra? {
        eras.first { $0.contains(date) }
    }

    /// The newest date of any fact (events and quotes): where a timeline's axis ends. Partial
    /// dates count from their first day, so "2025" never claims data as at 31 December.
    public var newestDate: DayDate {
        var dates: [DayDate] = quotes.map { $0.date.earliest }
        for e in events {
            dates.append(e.start.earliest)
            if let d = e.end { dates.append(d.earliest) }
            if let d = e.published { dates.append(d.earliest) }
        }
        return dates.max() ?? DayDate(year: 2000, month: 1, day: 1)
    }
}

/// What a record made from Ofsted's outcomes file alone (no record in `Reports/authorities`)
/// cannot hold: no report text (areas for improvement, findings, quotes), no leaders, and visits
/// only for the period of the file's in-year table. Pages say so rather than imply there were none.
public struct OfficialOnly: Sendable, Codable {
    /// The authority's page on Ofsted's reports site, from the file's web link.
    public var reportsURL: String
    /// The period of the file's in-year table, the only place it lists visits (nil: not known).
    public var visitsFrom: PartialDate?
    public var visitsTo: PartialDate?

    public init(reportsURL: String?, visitsFrom: PartialDate?, visitsTo: PartialDate?) {
        self.reportsURL = reportsURL ?? "https://reports.ofsted.gov.uk"
        self.visitsFrom = visitsFrom; self.visitsTo = visitsTo
    }
}
