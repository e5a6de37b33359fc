@testable import CairoKit
import Foundation
import Testing

/// The line text the SVG writes is trimmed of breaks at its ends exactly as Foundation's
/// `trimmingCharacters(in: .newlines)` trims it, without bridging through NSString.
@Suite struct LineBreakTrimming {
    @Test func sameAsFoundation() {
        let pieces = ["", "a", " a ", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "\t", "é", "e\u{301}", "🙂", "x\ny"]
        for a in pieces { for b in pieces { for c in pieces {
            let s = a + b + c
            #expect(TextEngine.trimmingNewlines(s) == s.trimmingCharacters(in: .newlines), "\(s.unicodeScalars.map { $0.value })")
        } } }
    }
}
