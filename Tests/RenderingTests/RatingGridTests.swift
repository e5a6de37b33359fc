import Foundation
import Judgements
@testable import Rendering
import Testing
import TestTools
import YAMLFiles

func styleNames() throws -> [String] { try ChartFixture.styleNames() }

/// The rating grid laid out from fixture values in every style.
@Suite struct RatingGridLayout {
    func grid(_ name: String = "default") throws -> Figure {
        let style = try ChartFixture.style(name), renderer = try ChartFixture.renderer(style)
        return RatingGrid.figure(ChartFixture.grid, style: style, text: renderer.engine, width: renderer.contentWidth)
    }

    @Test func everyTextRunStaysInsideItsBox() throws {
        for name in try styleNames() {
            let grid = try grid(name)
            for t in grid.textMarks {
                #expect(t.container.contains(t.frame), "\(name): \"\(t.text)\" \(t.frame) spills out of \(t.container)")
                #expect(t.frame.maxX <= grid.size.width + 0.01 && t.frame.maxY <= grid.size.height + 0.01)
            }
        }
    }

    @Test func noTextRunOverlapsAnother() throws {
        for name in try styleNames() {
            let marks = try grid(name).textMarks
            for (i, a) in marks.enumerated() {
                for b in marks[(i + 1)...] {
                    #expect(!a.frame.intersects(b.frame), "\(name): \"\(a.text)\" overlaps \"\(b.text)\"")
                }
            }
        }
    }

    @Test func everyCellSaysItsGradeOrWhyNot() throws {
        let figure = try grid()
        let texts = figure.textMarks.map(\.text)
        #expect(texts.filter { $0 == "Inadequate" }.count == 4)
        #expect(texts.filter { $0 == "Requires improvement to be good" }.count == 6)
        #expect(texts.filter { $0 == "Good" }.count == 3)
        #expect(texts.contains("Not judged under the 2026 framework"))
        #expect(texts.contains("Judged with children in care"))
        #expect(texts.contains("(one judgement for children in care and care leavers)"), "a joint judgement says so under its grade")
        #expect(figure.altText.contains("Help and protection: Inadequate"))
        #expect(figure.title == "Testborough\u{2019}s children\u{2019}s services, May 2026: good for impact of leaders, help and protection and children in care; requires improvement to be good for care leavers")
        #expect(figure.table.rows.count == 5)
        #expect(figure.table.csv.hasPrefix("Judgement,May 2018 standard inspection,"))
        // Each cell's box is where its words are.
        for (r, area) in ChartFixture.grid.rows.enumerated() {
            for (c, col) in ChartFixture.grid.columns.enumerated() {
                let box = try #require(figure.box("cell:\(area.rawValue):\(col.eventID)"))
                let words = figure.textMarks.filter { $0.id == "text:\(area.rawValue):\(col.eventID)" }
                #expect(words.count == 1 && box.rect.contains(words[0].frame), "\(area.rawValue) \(col.eventID)")
                if case let .graded(g, _) = ChartFixture.grid.cells[r][c] { #expect(words.first?.text == g.wording) }
            }
        }
    }

    @Test func textReallyUsesLiberationSans() throws {
        let engine = try TextEngine()
        let family = engine.resolvedFamily(FontSpec(families: ["Liberation Sans", "DejaVu Sans"], size: 10))
        #expect(family == "Liberation Sans")
    }
}

@Suite struct Styles {
    @Test func everyStyleLoadsAndEveryGradeIsReadable() throws {
        let names = try styleNames()
        #expect(names.contains("default"))
        for name in names {
            let style = try StyleLoader.load(path: Repo.path("Styles/\(name).yaml"), yaml: .files)
            for grade in Grade.allCases {
                let c = try #require(style.grades[grade])
                #expect(c.text.contrast(with: c.fill) >= 4.5, "\(name): \(grade) text \(c.text) on \(c.fill) is \(c.text.contrast(with: c.fill)):1")
            }
            let bg = style.colours.background
            #expect(style.colours.text.contrast(with: bg) >= 4.5)
            #expect(style.colours.mutedText.contrast(with: bg) >= 4.5)
            #expect(style.colours.notJudgedText.contrast(with: style.colours.notJudgedFill) >= 4.5)
        }
    }

    @Test func aMisspeltKeyIsALocatedError() throws {
        let dir = try makeTemporaryFolder()
        var text = try String(contentsOfFile: Repo.path("Styles/default.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "  muted_text:", with: "  mutted_text:")
        try writeFile("\(dir)/bad.yaml", text)
        do {
            _ = try StyleLoader.load(path: "\(dir)/bad.yaml", yaml: .files)
            Issue.record("a style with a misspelt key should be rejected")
        } catch {
            #expect(error.diagnostics.contains { $0.message.contains("unknown key \"mutted_text\"") && $0.message.contains("did you mean \"muted_text\"") })
            #expect(error.diagnostics.contains { $0.message.contains("gives no colours.muted_text") })
        }
    }

    @Test func contrastArithmetic() {
        #expect(abs(Colour.black.contrast(with: .white) - 21) < 0.001)
        #expect(Colour(hex: "#777777")!.contrast(with: .white) < 4.5)
    }
}
