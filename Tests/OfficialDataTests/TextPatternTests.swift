import Foundation
@testable import OfficialData
import Testing

/// The outcomes file's cells are matched by hand, not by regular expression: each matcher must
/// say what its expression says, for the usual cells and the odd ones.
@Suite struct TextPatterns {
    static func regex(_ pattern: String, _ s: String) -> Bool { s.range(of: pattern, options: .regularExpression) != nil }

    static let times = ["", "T00:00", " 00:00", "T00:00:00", "T00:00:00.000", "T00:00:00.5Z", "T12:30Z", "T12:30+01:00", "T12:30-0100",
                        "T12:30:00+01", "T12:30:00+1:00", "T12:3", "T12:30:", "T12:30:0", "T12:30:00.", "T12:30:00.Z", "T12:30\n",
                        "T12:30:00Z\r\n", "T12:30\n\n", "t12:30", "T12:30 ", "T\u{0661}\u{0662}:30", "T12:30Z+01:00", "T12:30:00.1234+05:30",
                        "X12:30", "T1230", "T12:30\u{2028}", "T12:30:00\u{85}"]
    static let days = ["2023-03-13", "2023-3-13", "2023-03-1", "2023/03/13", "\u{0662}023-03-13", "2023-03-13\n", "20230313", "", "2023-03-1\n"]
    static let codes = ["E08000012", "E0800001", "E080000123", "e08000012", "E08000012\n", "E08000012 ", "W06000001", "E\u{0660}8000012", ""]

    @Test func timesMatchTheirExpression() {
        for t in Self.times {
            #expect(TextPattern.isTime(Array(t.unicodeScalars)) == Self.regex(#"^[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$"#, t), "\(t.debugDescription)")
        }
    }

    @Test func daysAndAreaCodesMatchTheirExpressions() {
        for d in Self.days { #expect(TextPattern.isDay(Array(d.unicodeScalars)) == Self.regex(#"^\d{4}-\d{2}-\d{2}$"#, d), "\(d.debugDescription)") }
        for c in Self.codes { #expect(TextPattern.isAreaCode(Array(c.unicodeScalars)) == Self.regex(#"^E\d{8}$"#, c), "\(c.debugDescription)") }
    }

    @Test func datesAsBefore() {
        #expect(OfstedOutcomesImport.isoDate("2023-07-10")?.iso == "2023-07-10")
        #expect(OfstedOutcomesImport.isoDate("2023-07-10T00:00:00")?.iso == "2023-07-10")
        #expect(OfstedOutcomesImport.isoDate("2023-07-10 00:00:00.000")?.iso == "2023-07-10")
        #expect(OfstedOutcomesImport.isoDate("2023-07-10T00:00:00+01:00")?.iso == "2023-07-10")
        #expect(OfstedOutcomesImport.isoDate("2023-07-10 noon") == nil && OfstedOutcomesImport.isoDate("10/07/2023") == nil)
    }
}
