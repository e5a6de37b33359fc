/// The things an ILACS inspection judges. The set changed with the framework: before 2023
/// children in care and care leavers were one judgement; from April 2026 there is no overall
/// effectiveness judgement. Which ones an inspection carries comes from `FrameworkEra`.
public enum JudgementArea: String, CaseIterable, Sendable, Codable, CodingKeyRepresentable {
    case overallEffectiveness = "overall-effectiveness"
    case leaders = "leaders"
    case helpAndProtection = "help-and-protection"
    case childrenInCareAndCareLeavers = "children-in-care-and-care-leavers"
    case childrenInCare = "children-in-care"
    case careLeavers = "care-leavers"

    /// Ofsted's wording of the judgement.
    public var ofstedWording: String {
        switch self {
        case .overallEffectiveness: return "Overall effectiveness"
        case .leaders: return "The impact of leaders on social work practice with children and families"
        case .helpAndProtection: return "The experiences and progress of children who need help and protection"
        case .childrenInCareAndCareLeavers: return "The experiences and progress of children in care and care leavers"
        case .childrenInCare: return "The experiences and progress of children in care"
        case .careLeavers: return "The experiences and progress of care leavers"
        }
    }

    /// A short label for charts.
    public var shortTitle: String {
        switch self {
        case .overallEffectiveness: return "Overall effectiveness"
        case .leaders: return "Impact of leaders"
        case .helpAndProtection: return "Help and protection"
        case .childrenInCareAndCareLeavers: return "Children in care and care leavers"
        case .childrenInCare: return "Children in care"
        case .careLeavers: return "Care leavers"
        }
    }

    /// The areas shown as rows when judgements are compared across eras. The joint pre-2023
    /// judgement is shown on the children-in-care row (see `row`).
    public static let rows: [JudgementArea] = [.overallEffectiveness, .leaders, .helpAndProtection, .childrenInCare, .careLeavers]

    /// The row that carries this judgement in a comparison across eras.
    public var row: JudgementArea {
        self == .childrenInCareAndCareLeavers ? .childrenInCare : self
    }
}
