import Foundation
import Judgements

/// How a tenure is drawn on the time line: only what the sources say. A solid bar over the days
/// they make certain (hatched for an interim); a lighter bar with a dotted outline over the days
/// that follow only from an inferred date; shading that fades in over the month or year a
/// partial start falls in, and out over the month or year of a partial end or of the last source
/// (dotted when that date is inferred), so a year-only date is never drawn as 1 January or
/// 31 December; a plain box for "in post at some time in" a stretch; and a dashed tail when no
/// end is known.
extension Timeline {
    static let dashed: [Double] = [3, 2], dotted: [Double] = [1, 1.5]

    /// `lane` is the colour of the lane behind the bar, which a fade starts from.
    static func tenureMarks(_ item: TimelineItem, x: (DayDate) -> Double, from: DayDate, to: DayDate, bar: Rect, openRun: Double,
                            lane: Colour, style: Style) -> [Mark] {
        let rule = style.colours.rule, fill = style.colours.notJudgedHatch
        var marks: [Mark] = []
        func span(_ r: ClosedRange<DayDate>) -> (Double, Double)? {
            guard r.upperBound >= from, r.lowerBound <= to else { return nil }
            let a = x(max(r.lowerBound, from))
            return (a, max(x(min(r.upperBound, to)), a + 1.5))
        }
        func outline(_ a: Double, _ b: Double, dash: [Double]) -> Mark {
            .path(PathMark(points: [(a, bar.y), (b, bar.y), (b, bar.maxY), (a, bar.maxY)], closed: true, fill: nil, stroke: rule, width: style.strokes.rule, dash: dash))
        }
        // A fade: steps of tint from the lane's colour to that of the bar it meets (full for
        // certain days, half for inferred ones), rising or falling.
        func fade(_ r: ClosedRange<DayDate>?, rising: Bool, inferred: Bool) {
            guard let r, let (a, b) = span(r) else { return }
            let meets = rising ? r.upperBound : r.lowerBound
            let peak = item.certain.map { $0.contains(meets) } == true ? 1.0 : item.likely == nil ? 0.8 : 0.5
            let steps = max(3, min(12, Int((b - a) / 4)))
            let w = (b - a) / Double(steps)
            for i in 0..<steps {
                let t = (Double(i) + 0.5) / Double(steps)
                marks.append(.box(BoxMark(rect: Rect(x: a + Double(i) * w, y: bar.y, width: w + 0.01, height: bar.height),
                                          fill: mix(lane, fill, peak * (rising ? t : 1 - t)))))
            }
            marks.append(outline(a, b, dash: inferred ? dotted : dashed))
        }
        fade(item.fadeIn, rising: true, inferred: item.startInferred)
        fade(item.fadeOut, rising: false, inferred: item.endInferred)
        if let r = item.sighting, let (a, b) = span(r) {
            marks.append(.box(BoxMark(rect: Rect(x: a, y: bar.y, width: b - a, height: bar.height), fill: mix(lane, fill, 0.4))))
            marks.append(outline(a, b, dash: item.inferred ? dotted : dashed))
        }
        if let r = item.likely, let (a, b) = span(r) {
            marks.append(.box(BoxMark(id: "likely:\(item.id)", rect: Rect(x: a, y: bar.y, width: b - a, height: bar.height), fill: mix(lane, fill, 0.5))))
            marks.append(outline(a, b, dash: dotted))
        }
        if let r = item.certain, let (a, b) = span(r) {
            marks.append(.box(BoxMark(id: "certain:\(item.id)", rect: Rect(x: a, y: bar.y, width: b - a, height: bar.height),
                                      fill: fill, hatch: item.interim ? rule : nil, stroke: rule, strokeWidth: style.strokes.rule)))
        }
        if openRun > 0 {
            let my = bar.y + bar.height / 2
            marks.append(.line(LineMark(from: (bar.maxX - openRun, my), to: (bar.maxX, my), colour: rule, width: style.strokes.outline, dash: [2, 2])))
        }
        return marks
    }

    /// `a` moved `t` of the way to `b`.
    static func mix(_ a: Colour, _ b: Colour, _ t: Double) -> Colour {
        func m(_ x: UInt8, _ y: UInt8) -> UInt8 {
            let from: Double = Double(x), to: Double = Double(y)
            let mixed: Double = from + (to - from) * t
            return UInt8(mixed.rounded())
        }
        return Colour(red: m(a.red, b.red), green: m(a.green, b.green), blue: m(a.blue, b.blue))
    }
}
