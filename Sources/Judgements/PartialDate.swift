import Foundation

/// A date known to the day, only to the month ("Dec 2023"), or only to the year ("2024", for an
/// undated article). Partial dates stay partial all the way to the page: they are never shown as
/// the 1st of the month.
public struct PartialDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public enum Precision: String, Sendable, Codable { case day, month, year }

    public let year: Int
    /// 1...12, or nil when only the year is known.
    public let monthOrNil: Int?
    public let day: Int?

    public init(year: Int, month: Int?, day: Int? = nil) {
        self.year = year
        self.monthOrNil = month
        self.day = month == nil ? nil : day
    }

    /// The month, or January when only the year is known (for arithmetic, never for display).
    public var month: Int { monthOrNil ?? 1 }

    public var precision: Precision { monthOrNil == nil ? .year : (day == nil ? .month : .day) }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    /// Accepts `2023-12-05`, `2023-12`, `5 December 2023`, `5 Dec 2023`, `December 2023`, `Dec 2023`, `2024`.
    public static func parse(_ raw: String) -> PartialDate? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text.count == 4, let y = Int(text), (1900...2200).contains(y) { return PartialDate(year: y, month: nil) }
        let iso = text.split(separator: "-", omittingEmptySubsequences: false)
        if iso.count == 2 || iso.count == 3, iso[0].count == 4, let y = Int(iso[0]), let m = Int(iso[1]),
           iso[1].count == 2 {
            let d = iso.count == 3 ? (iso[2].count == 2 ? Int(iso[2]) : nil) : nil
            if iso.count == 3 && d == nil { return nil }
            return make(y, m, d)
        }
        let words = text.split(separator: " ")
        if words.count == 2 || words.count == 3 {
            let dayWord = words.count == 3 ? Int(words[0]) : nil
            if words.count == 3 && dayWord == nil { return nil }
            guard let m = month(named: String(words[words.count - 2])),
                  let y = Int(words[words.count - 1]), words[words.count - 1].count == 4 else { return nil }
            return make(y, m, dayWord)
        }
        return nil
    }

    static func month(named word: String) -> Int? {
        let w = word.lowercased()
        guard w.count >= 3 else { return nil }
        return monthNames.firstIndex { $0.lowercased() == w || ($0.lowercased().hasPrefix(w) && w.count == 3) }
            .map { $0 + 1 }
    }

    static func make(_ y: Int, _ m: Int, _ d: Int?) -> PartialDate? {
        guard (1900...2200).contains(y), (1...12).contains(m) else { return nil }
        if let d {
            var c = DateComponents()
            c.year = y; c.month = m; c.day = d
            let cal = Calendar.gregorianUTC
            guard d >= 1, let date = cal.date(from: c), cal.component(.day, from: date) == d else { return nil }
        }
        return PartialDate(year: y, month: m, day: d)
    }

    /// The first moment the date could mean (used for ordering and "on or after" questions).
    public var earliest: DayDate { DayDate(year: year, month: month, day: day ?? 1) }

    /// The last day the date could mean.
    public var latest: DayDate {
        guard let m = monthOrNil else { return DayDate(year: year, month: 12, day: 31) }
        if let day { return DayDate(year: year, month: m, day: day) }
        return DayDate(year: year, month: m, day: DayDate.daysIn(year: year, month: m))
    }

    /// ISO form at the known precision: `2023-12-05`, `2023-12` or `2024`.
    public var iso: String {
        guard monthOrNil != nil else { return String(format: "%04d", year) }
        return day.map { String(format: "%04d-%02d-%02d", year, month, $0) } ?? String(format: "%04d-%02d", year, month)
    }

    /// As printed in a briefing: "14 May 2018", "Dec 2023" when only the month is known, "2024".
    public var display: String {
        guard monthOrNil != nil else { return "\(year)" }
        let name = Self.monthNames[month - 1]
        if let day { return "\(day) \(name.prefix(3)) \(year)" }
        return "\(name.prefix(3)) \(year)"
    }

    /// Long form: "14 May 2018", "December 2023".
    public var longDisplay: String {
        guard monthOrNil != nil else { return "\(year)" }
        let name = Self.monthNames[month - 1]
        return day.map { "\($0) \(name) \(year)" } ?? "\(name) \(year)"
    }

    /// "on 14 May 2018", "in Dec 2023", "in 2024": a date as a time something happened.
    public var onOrIn: String { precision == .day ? "on \(display)" : "in \(display)" }

    /// "2023 (month not known)", "May 2023 (inferred)", "2023 (month not known, inferred)": a date
    /// with what is not known about it, for tenures, whose drawing cannot say it alone.
    public func withCaveats(inferred: Bool) -> String {
        let caveats = (precision == .year ? ["month not known"] : []) + (inferred ? ["inferred"] : [])
        return display + (caveats.isEmpty ? "" : " (\(caveats.joined(separator: ", ")))")
    }

    /// "May 2018" ("2024" when only the year is known).
    public var monthYear: String { monthOrNil == nil ? "\(year)" : "\(Self.monthNames[month - 1]) \(year)" }

    public var description: String { iso }

    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        (a.year, a.monthOrNil ?? 0, a.day ?? 0) < (b.year, b.monthOrNil ?? 0, b.day ?? 0)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let d = PartialDate.parse(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad date \(text)"))
        }
        self = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}

/// A calendar day, for arithmetic on dates (days between, the newest date in the data).
public struct DayDate: Hashable, Comparable, Sendable {
    public let year: Int, month: Int, day: Int

    public static func < (a: DayDate, b: DayDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func daysIn(year: Int, month: Int) -> Int {
        var c = DateComponents()
        c.year = year; c.month = month; c.day = 1
        let cal = Calendar.gregorianUTC
        return cal.range(of: .day, in: .month, for: cal.date(from: c)!)!.count
    }

    /// Midnight UTC of this day.
    public var date: Date {
        var c = DateComponents()
        c.year = year; c.month = month; c.day = day
        return Calendar.gregorianUTC.date(from: c)!
    }

    public init(year: Int, month: Int, day: Int) {
        self.year = year; self.month = month; self.day = day
    }

    public init(_ date: Date) {
        let c = Calendar.gregorianUTC.dateComponents([.year, .month, .day], from: date)
        self.init(year: c.year!, month: c.month!, day: c.day!)
    }

    /// The day `n` days later (earlier when negative).
    public func adding(days n: Int) -> DayDate {
        DayDate(Calendar.gregorianUTC.date(byAdding: .day, value: n, to: date)!)
    }

    public func days(until other: DayDate) -> Int {
        if let a = dayNumber, let b = other.dayNumber { return b - a }
        return Calendar.gregorianUTC.dateComponents([.day], from: date, to: other.date).day!
    }

    /// Days since 1 January 1970 by arithmetic, for a real day of the Gregorian calendar (from
    /// 1583, after the calendar's changeover); nil otherwise, when Foundation's calendar answers.
    /// Charts place every mark by its day, and asking the calendar took longer than drawing them.
    var dayNumber: Int? {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard year >= 1583, (1...12).contains(month), day >= 1, day <= lengths[month - 1] else { return nil }
        // Howard Hinnant's days_from_civil: years start in March, so the leap day comes last.
        let y = month <= 2 ? year - 1 : year
        let era = y / 400, yearOfEra = y - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        return era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719_468
    }

    public var iso: String { String(format: "%04d-%02d-%02d", year, month, day) }
}

extension Calendar {
    static let gregorianUTC: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()
}
