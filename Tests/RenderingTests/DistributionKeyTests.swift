import Judgements
@testable import Rendering
import Testing

/// A chart's key describes only what is drawn (a councillor read "hatched" under bars with no hatching).
@Suite struct DistributionKey {
    let graded = [NationalDistribution.Bar(label: "Good", grade: .good, count: 67, names: [(name: "Salford", isSubject: false)])]

    @Test func theKeyMentionsHatchingAndTheSubjectOnlyWhenDrawn() {
        let plain = NationalDistribution.key(subject: "Liverpool", bars: graded)
        #expect(!plain.contains("hatched"))
        #expect(!plain.contains("\u{25B6}"), "Liverpool is under no bar")
        #expect(plain.contains("those of Liverpool\u{2019}s ten statistical neighbours"))
        let both = NationalDistribution.key(subject: "Liverpool", bars: graded + [
            NationalDistribution.Bar(label: "No overall grade", grade: nil, count: 1, names: [(name: "Liverpool", isSubject: true)]),
        ])
        #expect(both.contains("hatched: inspected under a framework that gives no overall grade"))
        #expect(both.contains("Liverpool (\u{25B6})"))
    }
}
