import Diagnostics
import Foundation
import Judgements

/// Why a statistic is missing, as Explore Education Statistics codes it. A missing value is
/// never zero: it keeps its reason to the page.
public enum MissingReason: String, Sendable, Hashable, CaseIterable, Codable {
    case suppressed = "c"
    case notAvailable = "x"
    case notApplicable = "z"
    case roundsToZero = "k"
    case lowReliability = "u"
    case low = "low"
    case notCollected = ":"
    case blank = ""

    public var meaning: String {
        switch self {
        case .suppressed: return "suppressed to protect confidentiality"
        case .notAvailable: return "not available"
        case .notApplicable: return "not applicable"
        case .roundsToZero: return "fewer than 0.5 (rounds to zero)"
        case .lowReliability: return "low reliability"
        case .low: return "a very small number, not shown"
        case .notCollected: return "not collected"
        case .blank: return "no value given"
        }
    }

    public static func code(_ text: String) -> MissingReason? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if t == ".." { return .notAvailable }
        return MissingReason(rawValue: t)
    }
}

/// A figure, or its absence with the reason.
public enum IndicatorValue: Sendable, Hashable {
    case value(Double)
    case missing(MissingReason)

    public var number: Double? { if case let .value(v) = self { return v } else { return nil } }

    /// The form written to compact files: the number, or the EES code.
    public var field: String {
        switch self {
        case let .value(v): return v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
        case let .missing(r): return r.rawValue
        }
    }
}

/// Where a figure belongs: England, a region or one authority.
public enum GeographicLevel: String, Sendable, Hashable, Codable {
    case national = "National"
    case regional = "Regional"
    case localAuthority = "Local authority"
}

/// One published figure for one place and period.
public struct Observation: Sendable, Hashable {
    public var indicator: String
    public var period: String
    public var level: GeographicLevel
    /// ONS code (E92000001 England, E12… region, E06/E08/E09/E10… authority).
    public var code: String
    /// DfE's three-digit authority code, for authorities.
    public var dfeCode: Int?
    public var name: String
    public var value: IndicatorValue
}

/// What an indicator measures, for which period, which way is better and where it comes from.
public struct IndicatorDefinition: Sendable, Hashable {
    public enum Better: String, Sendable, Hashable { case higher, lower, neither }

    public var id: String
    public var title: String
    public var definition: String
    public var unit: String
    public var period: String
    public var better: Better
    public var file: String
    public var column: String
    public var filter: [String: String]
    public var source: Source
    /// A rate computed from two published figures (`numerator` per `per` of `denominator`,
    /// e.g. referrals per 10,000 children), for an indicator no file publishes as a rate.
    public var numerator: String?
    public var denominator: String?
    public var per: Double = 10_000
    /// The published count a rate or percentage rests on (`based_on:`), for the small-numbers rule.
    public var basedOn: String?
    /// The published count a percentage is a share of (`out_of:`, e.g. referrals for the share
    /// ending in no further action): how a zero share out of many is told from one out of few.
    public var outOf: String?
    /// What a count counts ("second or subsequent plans") and of whom ("children", "social
    /// workers"): the words a figure resting on few of them is marked with.
    public var noun: String?
    public var people: String?
    /// Decimal places to show, as the source publishes them (DfE's children-looked-after rates
    /// are whole numbers): `decimals` in the catalogue; else counts whole, the rest to one place.
    public var decimals: Int?

    /// The decimal places every figure of this indicator is written with.
    public var places: Int { decimals ?? (isCount ? 0 : 1) }

    /// The day a figure for `period` ("2025") describes, from the indicator's period ("at 30
    /// September", "year to 31 March"): what a later finding is newer than. Nil when the period
    /// names no day (a mid-year estimate).
    public func referenceDay(_ period: String) -> DayDate? {
        guard let year = Int(period.prefix(4)),
              let r = self.period.range(of: #"\d{1,2} [A-Z][a-z]+"#, options: .regularExpression),
              let d = PartialDate.parse("\(self.period[r]) \(year)") else { return nil }
        return d.earliest
    }

    /// "at 30 September 2025", "in the year to 31 March 2025"; "in 2025" when the period names no day.
    public func periodWords(_ period: String) -> String {
        guard referenceDay(period) != nil, let year = Int(period.prefix(4)) else { return "in \(period)" }
        return (self.period.hasPrefix("year") ? "in the " : "") + "\(self.period) \(year)"
    }

    /// Counts are compared only within one authority's own trend, never across places.
    public var isCount: Bool { unit == "count" }
    public var isDerived: Bool { numerator != nil }
}

/// Reads `Reports/indicators.yaml`, once per run, so not optimised (CONTRIBUTING, "Code the
/// optimiser skips").
public enum IndicatorCatalogue {
    @_optimize(none) public static func load(path: String, yaml: some YAMLReading) throws(InputError) -> [IndicatorDefinition] {
        let doc = try yaml.document(at: path)
        let log = DiagnosticLog()
        guard let root = doc.root.requireMapping(log, as: "the indicators file") else { throw InputError(log.sorted) }
        root.checkKeys(["indicators", "sources"], log, in: "the indicators file")
        var sources: [String: Source] = [:]
        for item in root.list("sources", log, in: "the indicators file", required: true) {
            if let source = Source.read(item, log) { sources[source.id] = source }
        }
        var out: [IndicatorDefinition] = []
        var bases: [(IndicatorDefinition, SourceLocation)] = []
        for item in root.list("indicators", log, in: "the indicators file", required: true) {
            guard let m = item.requireMapping(log, as: "an indicator") else { continue }
            m.checkKeys(["id", "title", "definition", "unit", "period", "better", "file", "column", "filter", "source", "rate_of", "per_10000_of",
                          "based_on", "out_of", "noun", "people", "decimals"], log, in: "an indicator")
            guard let id = m.string("id", log, in: "an indicator") else { continue }
            let what = "indicator \"\(id)\""
            // A computed rate names its two indicators instead of a file and column.
            let numerator = m.string("rate_of", log, in: what, required: false)
            let denominator = m.string("per_10000_of", log, in: what, required: false)
            if (numerator == nil) != (denominator == nil) { log.error(m.location, "\(what): give both rate_of and per_10000_of, or neither") }
            let derived = numerator != nil
            let fields = ["title", "definition", "unit", "period", "better", "file", "column", "source"].map {
                derived && ($0 == "file" || $0 == "column") ? (m.string($0, log, in: what, required: false) ?? "") : m.string($0, log, in: what)
            }
            var filter: [String: String] = [:]
            if let f = m.map("filter", log, in: what, required: false) {
                for e in f.entries { filter[e.key] = e.value.scalar ?? "" }
            }
            guard fields.allSatisfy({ $0 != nil }) else { continue }
            let better = IndicatorDefinition.Better(rawValue: fields[4]!)
            if better == nil { log.error(m["better"]!.location, "\"better\" should be higher, lower or neither, found \"\(fields[4]!)\"") }
            let source = sources[fields[7]!]
            if source == nil { log.error(m["source"]!.location, "\(what) cites \"\(fields[7]!)\", which is not in the sources list") }
            guard let better, let source else { continue }
            var decimals: Int?
            if let raw = m.string("decimals", log, in: what, required: false) {
                decimals = Int(raw).flatMap { (0...3).contains($0) ? $0 : nil }
                if decimals == nil { log.error(m["decimals"]!.location, "\(what): \"decimals\" should be a whole number from 0 to 3, found \"\(raw)\"") }
            }
            var d = IndicatorDefinition(id: id, title: fields[0]!, definition: fields[1]!, unit: fields[2]!, period: fields[3]!,
                                        better: better, file: fields[5]!, column: fields[6]!, filter: filter, source: source,
                                        numerator: numerator, denominator: denominator)
            d.decimals = decimals
            d.basedOn = m.string("based_on", log, in: what, required: false)
            d.outOf = m.string("out_of", log, in: what, required: false)
            if d.outOf != nil && d.unit != "percent" { log.error(m["out_of"]!.location, "\(what): only a percentage is a share \"out_of\" a count") }
            d.noun = m.string("noun", log, in: what, required: false)
            d.people = m.string("people", log, in: what, required: false)
            if d.basedOn != nil && d.isCount { log.error(m["based_on"]!.location, "\(what) is a count: it is its own base, so give noun and people, not based_on") }
            if (d.noun == nil) != (d.people == nil) { log.error(m.location, "\(what): give both noun and people (what the count counts, and of whom), or neither") }
            out.append(d)
            bases.append((d, m["based_on"]?.location ?? m.location))
        }
        for d in out where d.isDerived {
            for part in [d.numerator!, d.denominator!] where !out.contains(where: { $0.id == part && !$0.isDerived }) {
                log.error(SourceLocation(file: path), "indicator \"\(d.id)\" is computed from \"\(part)\", which is not a published indicator in this file")
            }
        }
        // A base is a count that says what it counts, so a figure resting on few of them can say so.
        for (d, at) in bases {
            if let whole = d.outOf, !out.contains(where: { $0.id == whole && $0.isCount && $0.noun != nil }) {
                log.error(at, "indicator \"\(d.id)\" is a share out of \"\(whole)\", which is not a count with a noun in this file")
            }
            guard let base = d.basedOn else { continue }
            guard let b = out.first(where: { $0.id == base }) else {
                log.error(at, "indicator \"\(d.id)\" is based on \"\(base)\", which is not in this file\(Suggestion.hint(for: base, in: out.map(\.id)))"); continue
            }
            if !b.isCount || b.noun == nil { log.error(at, "indicator \"\(d.id)\" is based on \"\(base)\", which is not a count with a noun and people") }
        }
        try log.throwIfErrors()
        return out
    }
}
