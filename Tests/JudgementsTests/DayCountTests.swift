import Foundation
@testable import Judgements
import Testing

/// Days between dates are counted by arithmetic: the count must be the calendar's, for every day
/// the data can hold and across leap years and centuries.
@Suite struct DayCounts {
    static func calendarDays(_ a: DayDate, _ b: DayDate) -> Int {
        Calendar.gregorianUTC.dateComponents([.day], from: a.date, to: b.date).day!
    }

    @Test func everyDayFrom1999To2031AgreesWithTheCalendar() {
        let start = DayDate(year: 1999, month: 1, day: 1)
        var d = start, n = 0
        while d.year < 2032 {
            #expect(start.days(until: d) == n, "\(d.iso)")
            #expect(d.days(until: start) == -n, "\(d.iso)")
            n += 1
            d = DayDate(d.date.addingTimeInterval(86_400))
        }
    }

    @Test func centuriesAndOddDaysAgreeWithTheCalendar() {
        let days = [DayDate(year: 1600, month: 2, day: 29), DayDate(year: 1700, month: 3, day: 1), DayDate(year: 1900, month: 2, day: 28),
                    DayDate(year: 2000, month: 2, day: 29), DayDate(year: 2100, month: 12, day: 31), DayDate(year: 1970, month: 1, day: 1),
                    DayDate(year: 2023, month: 2, day: 30), DayDate(year: 1500, month: 6, day: 1), DayDate(year: 2024, month: 13, day: 1)]
        for a in days { for b in days { #expect(a.days(until: b) == Self.calendarDays(a, b), "\(a.iso) to \(b.iso)") } }
        #expect(DayDate(year: 1970, month: 1, day: 1).dayNumber == 0)
        #expect(DayDate(year: 2023, month: 2, day: 30).dayNumber == nil, "not a real day: the calendar counts it")
    }
}
