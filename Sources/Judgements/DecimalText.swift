import Foundation

/// Numbers as British readers expect them, whatever the machine's locale: thousands separated by
/// commas, a fixed number of decimals, halves rounded away from zero on the number's shortest
/// decimal form (0.15 is 0.2, as a reader rounding the published figure would get).
///
/// That is what Foundation's `FloatingPointFormatStyle` writes with an en-GB locale, and a test
/// holds the two equal over 600,000 numbers and places; this does it on the digits Swift prints for the
/// number. Foundation asks ICU for a formatter on every call, which was 2 % of the 153-pack
/// batch's time; a number Swift prints with an exponent (under 0.0001, or 2^53 and over) still
/// goes to Foundation.
public enum DecimalText {
    public static func format(_ x: Double, places: Int) -> String {
        let places = max(0, places)
        guard x.isFinite, abs(x) < 9e15 else { return foundation(x, places: places) }
        let shortest = abs(x).description
        guard !shortest.contains("e") else { return foundation(x, places: places) }
        // "1234.5" → whole digits [1,2,3,4] and fraction digits [5], as numbers 0...9.
        let parts = shortest.split(separator: ".", omittingEmptySubsequences: false)
        var whole = parts[0].utf8.map { Int($0) - 48 }
        var fraction = parts.count > 1 ? parts[1].utf8.map { Int($0) - 48 } : []
        if fraction.count > places {
            let roundUp = fraction[places] >= 5
            fraction.removeSubrange(places...)
            if roundUp { carry(into: &whole, &fraction) }
        }
        fraction += repeatElement(0, count: places - fraction.count)

        var out = ""
        out.reserveCapacity(whole.count + whole.count / 3 + places + 2)
        // Never "-0.0": a number that rounds to nothing has no sign.
        if x < 0 && (whole.contains { $0 != 0 } || fraction.contains { $0 != 0 }) { out.append("-") }
        for (i, d) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { out.append(",") }
            out.append(Character(Unicode.Scalar(UInt8(48 + d))))
        }
        if places > 0 {
            out.append(".")
            for d in fraction { out.append(Character(Unicode.Scalar(UInt8(48 + d)))) }
        }
        return out
    }

    /// Adds one in the last place kept: 9.95 → 10.0 at one place.
    private static func carry(into whole: inout [Int], _ fraction: inout [Int]) {
        for i in fraction.indices.reversed() {
            if fraction[i] < 9 { fraction[i] += 1; return }
            fraction[i] = 0
        }
        for i in whole.indices.reversed() {
            if whole[i] < 9 { whole[i] += 1; return }
            whole[i] = 0
        }
        whole.insert(1, at: 0)
    }

    static let britishEnglish = Locale(identifier: "en_GB")

    /// Foundation's own formatting, the reference `format` follows; the fallback for numbers
    /// Swift prints with an exponent, and what the tests compare against.
    public static func foundation(_ x: Double, places: Int) -> String {
        var s = x.formatted(.number.precision(.fractionLength(places)).rounded(rule: .toNearestOrAwayFromZero).locale(britishEnglish))
        if s.hasPrefix("-"), s.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { s.removeFirst() }
        return s
    }
}
