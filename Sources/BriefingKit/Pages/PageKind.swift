/// Every kind of page a pack can hold. Each case owns its id in pack definitions, the options it
/// accepts, its heading, what data it needs and when it is built, so adding a page is adding a
/// case: the compiler then points at every switch that must handle it.
public enum PageKind: String, CaseIterable, Sendable {
    case cover
    case summary
    case atAGlance = "at-a-glance"
    case ratingGrid = "rating-grid"
    case judgementJourney = "judgement-journey"
    case timeline
    case improvementTracker = "improvement-tracker"
    case indicatorTrends = "indicator-trends"
    case neighbourComparison = "neighbour-comparison"
    case indicatorTable = "indicator-table"
    case nationalDistribution = "national-distribution"
    case groupGrid = "group-grid"
    case groupIndicators = "group-indicators"
    case findingsAndQuotes = "findings-and-quotes"
    case sinceLastMeeting = "since-last-meeting"
    case whatsNew = "whats-new"
    case questions
    case dataTables = "data-tables"
    case sources

    /// The options a pack definition may give this page.
    public var options: [String] {
        switch self {
        case .timeline: return ["from"]
        case .improvementTracker: return ["drift_visits", "inspection"]
        case .indicatorTrends: return ["indicators"]
        case .groupGrid, .groupIndicators: return ["authorities"]
        default: return []
        }
    }

    /// Drawn from the compact official data in `Reports/data`; what is new since a date lists its
    /// new releases, so every pack with that page names the same ones.
    public var needsOfficialData: Bool {
        switch self {
        case .indicatorTrends, .neighbourComparison, .indicatorTable, .nationalDistribution, .groupGrid, .groupIndicators,
             .sinceLastMeeting, .whatsNew: return true
        default: return false
        }
    }

    /// Built after every other page: the cover says "data as at" the newest source the others
    /// use, the summary cites their findings, the data tables and sources describe them.
    public var builtLast: Bool { [.cover, .summary, .dataTables, .sources].contains(self) }

    /// The page's level-1 heading when it is fixed, for the summary and questions to cite.
    public var heading: String? {
        switch self {
        case .atAGlance: return "At a glance"
        case .ratingGrid: return "Ofsted judgements"
        case .judgementJourney: return "Judgement journey"
        case .timeline: return "Timeline"
        case .improvementTracker: return "Areas for improvement"
        case .indicatorTrends: return "Indicator trends"
        case .neighbourComparison: return "Statistical neighbours"
        case .indicatorTable: return "Key indicators"
        case .nationalDistribution: return "National picture"
        case .findingsAndQuotes: return "Key findings and quotes"
        case .sinceLastMeeting: return "Since the last meeting"
        case .questions: return "Questions for members"
        case .summary: return "Summary"
        case .dataTables: return "Data tables"
        case .sources: return "Sources, licences and method"
        case .cover, .groupGrid, .groupIndicators, .whatsNew: return nil
        }
    }
}
