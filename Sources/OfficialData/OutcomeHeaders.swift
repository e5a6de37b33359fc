import Foundation
import Judgements

/// The columns of the outcomes file, recognised by meaning: yearly editions word them
/// differently ("Impact of leaders" or Ofsted's full wording; "Inspection/Visit date" or
/// "Inspection date"; "Region" or "Ofsted region").
public enum OutcomeField: String, CaseIterable, Sendable {
    case sheet, webLink, onsCode, name, status, region, date, published, type, theme
    case overall, leaders, helpAndProtection, childrenInCare, careLeavers, childrenInCareAndCareLeavers
    /// Columns some editions carry that the packs do not use (DfE number, URN, end date):
    /// known, so they are not refused, and not read.
    case unused

    /// Every header wording of the 2018 to 2025 editions (and of the compact file), normalised
    /// (lower case, single spaces, no footnote marks), with the field it names. One table, so
    /// a new edition's wording is one line here and one test case.
    public static let wordings: [(wording: String, field: OutcomeField)] = [
        ("sheet", .sheet),
        ("web link", .webLink), ("link", .webLink), ("report link", .webLink), ("ofsted web link", .webLink),
        ("local authority area code", .onsCode), ("ons code", .onsCode), ("local authority code", .onsCode),
        ("area code", .onsCode), ("new la code", .onsCode), ("la area code", .onsCode), ("ons la code", .onsCode),
        ("local authority name", .name), ("local authority", .name), ("la name", .name), ("la", .name),
        ("local authority status", .status), ("la status", .status), ("status", .status),
        ("ofsted region", .region), ("region", .region), ("region name", .region), ("ofsted region name", .region),
        ("inspection date", .date), ("inspection/visit date", .date), ("inspection start date", .date),
        ("visit date", .date), ("date of inspection", .date), ("start date", .date),
        ("inspection/visit start date", .date), ("date of visit", .date), ("visit start date", .date),
        ("publication date", .published), ("published date", .published), ("date published", .published),
        ("report publication date", .published), ("date of publication", .published), ("report published", .published),
        ("inspection/visit type", .type), ("inspection type", .type), ("visit type", .type), ("type", .type),
        ("inspection or visit type", .type), ("type of inspection", .type), ("type of visit", .type),
        ("visit theme", .theme), ("theme", .theme), ("focused visit theme", .theme), ("monitoring visit theme", .theme),
        ("overall effectiveness", .overall), ("overall effectiveness judgement", .overall), ("overall judgement", .overall),
        ("the impact of leaders on social work practice with children and families", .leaders),
        ("impact of leaders on social work practice with children and families", .leaders),
        ("the impact of leaders on social work practice", .leaders), ("impact of leaders", .leaders), ("leaders", .leaders),
        ("the experiences and progress of children who need help and protection", .helpAndProtection),
        ("experiences and progress of children who need help and protection", .helpAndProtection),
        ("children who need help and protection", .helpAndProtection), ("help and protection", .helpAndProtection),
        ("the experiences and progress of children in care", .childrenInCare),
        ("experiences and progress of children in care", .childrenInCare), ("children in care", .childrenInCare),
        ("the experiences and progress of care leavers", .careLeavers),
        ("experiences and progress of care leavers", .careLeavers), ("care leavers", .careLeavers),
        ("the experiences and progress of children in care and care leavers", .childrenInCareAndCareLeavers),
        ("experiences and progress of children in care and care leavers", .childrenInCareAndCareLeavers),
        ("children in care and care leavers", .childrenInCareAndCareLeavers),
        ("la code", .unused), ("la number", .unused), ("old la code", .unused), ("dfe la code", .unused),
        ("local authority number", .unused), ("urn", .unused), ("ofsted urn", .unused),
        ("inspection end date", .unused), ("end date", .unused), ("inspection/visit end date", .unused), ("visit end date", .unused),
    ]

    private static let byWording: [String: OutcomeField] = Dictionary(wordings.map { ($0.wording, $0.field) }) { a, _ in a }

    var area: JudgementArea? {
        switch self {
        case .overall: return .overallEffectiveness
        case .leaders: return .leaders
        case .helpAndProtection: return .helpAndProtection
        case .childrenInCare: return .childrenInCare
        case .careLeavers: return .careLeavers
        case .childrenInCareAndCareLeavers: return .childrenInCareAndCareLeavers
        default: return nil
        }
    }

    /// Lower case, curly apostrophes straightened, runs of space made one, footnote marks such as
    /// "[note 3]" and trailing colons or asterisks dropped.
    static func normalise(_ header: String) -> String {
        let noNotes = header.replacingOccurrences(of: #"\[[^\]]*\]"#, with: " ", options: .regularExpression)
        return noNotes.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            .trimmingCharacters(in: CharacterSet(charactersIn: " :*"))
    }

    /// A history laid out across (one row per authority, a group of columns per inspection)
    /// numbers its headers: "Inspection date (2)", "Second inspection date", "Overall effectiveness 1".
    static func undecorated(_ h: String) -> String {
        let ordinals = "first|second|third|fourth|fifth|sixth|latest|previous|most recent|1st|2nd|3rd|4th|5th|6th"
        return h.replacingOccurrences(of: #"^(\#(ordinals)) (ilacs )?"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #" ?-? ?[(\[]?(\#(ordinals)|ilacs \d|inspection \d|\d)( ilacs)?( inspection)?[)\]]?$"#, with: "", options: .regularExpression)
            .trimmingCharacters(in: CharacterSet(charactersIn: " -:"))
    }

    /// The field a header names, if any.
    public static func match(_ header: String) -> OutcomeField? {
        // The longest wording is 80 characters; a sheet's long notes are never headers.
        guard header.utf8.count <= 200 else { return nil }
        let h = normalise(header)
        return byWording[h] ?? byWording[undecorated(h)]
    }
}
