import Foundation
import Judgements
import Testing
import TestTools

/// `DecimalText` writes what Foundation's en-GB number format writes, digit for digit, on the
/// numbers packs print: published figures (a few decimals), differences and rates computed from
/// them (any double), halves, nines that carry, negatives that round to nothing.
@Suite struct DecimalTextFormat {
    @Test func knownFigures() {
        #expect(DecimalText.format(0.15, places: 1) == "0.2")
        #expect(DecimalText.format(-0.15, places: 1) == "-0.2")
        #expect(DecimalText.format(2.5, places: 0) == "3")
        #expect(DecimalText.format(9.95, places: 1) == "10.0")
        #expect(DecimalText.format(999_999.5, places: 0) == "1,000,000")
        #expect(DecimalText.format(1_234_567.891, places: 2) == "1,234,567.89")
        #expect(DecimalText.format(-0.04, places: 1) == "0.0")
        #expect(DecimalText.format(-0.0, places: 0) == "0")
        #expect(DecimalText.format(145, places: 0) == "145")
        #expect(DecimalText.format(8410, places: 0) == "8,410")
        #expect(DecimalText.format(0.00001234, places: 6) == "0.000012")
    }

    @Test func sameAsFoundation() {
        var rng = SeededGenerator(state: 20261125)
        var values: [Double] = [0, -0.0, 0.5, 1.5, -2.5, 0.05, 0.25, 0.35, 0.45, 1.005, 2.675, 999.95, 9_999.995, 1e-5, 4.2e-7, 1e15, 9.1e15, 1e16, 123_456_789.125]
        for _ in 0..<40_000 {
            // From 0.00001 to 10^15, past which Swift writes an exponent and Foundation is asked.
            let magnitude = Double(rng.next() % 21) - 5
            let x = Double.random(in: -1..<1, using: &rng) * pow(10, magnitude)
            values.append(x)
            // Published-looking figures: whole numbers of tenths, hundredths and thousandths, and halves between them.
            let scale = pow(10, Double(rng.next() % 4))
            values.append((x * scale).rounded() / scale)
            values.append(((x * scale).rounded() + 0.5) / scale)
        }
        var mismatches: [String] = []
        for x in values {
            for places in 0...4 where DecimalText.format(x, places: places) != DecimalText.foundation(x, places: places) {
                mismatches.append("\(x) at \(places): \(DecimalText.format(x, places: places)) against \(DecimalText.foundation(x, places: places))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) differ, e.g. \(mismatches.prefix(5))")
    }
}
