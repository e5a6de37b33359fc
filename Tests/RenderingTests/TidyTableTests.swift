import Foundation
import Rendering
import Testing

@Suite struct TidyTables {
    let table = DataTable(columns: ["Indicator", "Period", "Liverpool", "Neighbours’ average"],
                          rows: [["Referrals", "2025", "8,410", "2,645 (10 of 10)"],
                                 ["Re-referrals", "2025", "30.5%", "Suppressed (c)"],
                                 ["Caseload", "2025", "missing", "-1.5"]])

    @Test func oneObservationARowWithNumbersAsNumbers() {
        let tidy = TidyTable(table, shape: .init(keys: ["Indicator", "Period"], variable: "Area"))
        #expect(tidy.columns == ["Indicator", "Period", "Area", "Value", "Unit", "Note", "Missing reason"])
        #expect(tidy.rows.count == 6)
        #expect(tidy.rows[0] == [.text("Referrals"), .text("2025"), .text("Liverpool"), .number(8410), .empty, .empty, .empty])
        #expect(tidy.rows[1] == [.text("Referrals"), .text("2025"), .text("Neighbours’ average"), .number(2645), .empty, .text("10 of 10"), .empty])
        #expect(tidy.rows[2][3...] == [.number(30.5), .text("per cent"), .empty, .empty])
        #expect(tidy.rows[3][3...] == [.empty, .empty, .empty, .text("Suppressed (c)")])
        #expect(tidy.rows[4][3...] == [.empty, .empty, .empty, .text("missing")])
        #expect(tidy.rows[5][3] == .number(-1.5))
    }

    @Test func csvHasAByteOrderMarkAndPlainNumbers() {
        let csv = TidyTable(table, shape: .init(keys: ["Indicator", "Period"], variable: "Area")).csv
        #expect(csv.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: csv.dropFirst(3), as: UTF8.self)
        #expect(text.contains("Referrals,2025,Liverpool,8410,,,\r\n"))
        #expect(text.contains("Re-referrals,2025,Liverpool,30.5,per cent,,\r\n"))
        #expect(!text.contains("8,410"))
    }

    @Test func wordsStayWordsAndUnshapedTablesKeepTheirColumns() {
        let grades = DataTable(columns: ["Grade", "Authorities", "Named"], rows: [["Good", "67", "Salford; Newcastle (upon Tyne)"]])
        let tidy = TidyTable(grades, shape: nil)
        #expect(tidy.columns == ["Grade", "Authorities", "Named"])
        #expect(tidy.rows == [[.text("Good"), .number(67), .text("Salford; Newcastle (upon Tyne)")]])
    }
}

/// The byte-by-byte number check says what the regular expression it replaced said.
@Suite struct PublishedNumbers {
    static let pattern = "^-?[0-9]{1,3}(,[0-9]{3})*(\\.[0-9]+)?%?$|^-?[0-9]+(\\.[0-9]+)?%?$"
    static let samples = [
        "0", "7", "-3", "12.5", "-0.4", "8,410", "1,234,567.89", "30.5%", "-2.0%", "1234", "12345.6",
        "", "-", "%", ".", ".5", "5.", "1,23", "12,3456", "1234,567", ",123", "1,,234", "1.2.3", "--1", "1-",
        "1%%", "12 %", " 12", "1e5", "١٢", "12a", "a12", "1,234.", "0,000", "-1,000%", "99.99%",
    ]

    @Test func agreesWithTheRegularExpression() {
        for s in Self.samples {
            let regex = s.range(of: Self.pattern, options: .regularExpression) != nil
            #expect(TidyTable.isPublishedNumber(s) == regex, "\(s)")
        }
    }

    @Test func trimmedCellsAreLeftAlone() {
        #expect(TidyTable.isTrimmed("8,410"))
        #expect(!TidyTable.isTrimmed(" 8,410"))
        #expect(!TidyTable.isTrimmed("8,410\u{00A0}"))
        #expect(TidyTable.isTrimmed(""))
    }
}
