import BriefingKit
import Foundation
import Judgements
import Rendering
import Testing
import TestSupport

func composeLiverpool(style: String? = nil) throws -> PackPipeline.ComposedPack {
    let ws = Workspace(reports: Repo.path("Reports"), styles: Repo.path("Styles"), out: try makeTemporaryFolder())
    return try PackPipeline(workspace: ws, styleOverride: style).compose(packID: "liverpool-judgements")
}

func styleNames() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: Repo.path("Styles"))
        .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
}

@Suite struct RatingGridLayout {
    @Test func everyTextRunStaysInsideItsBox() throws {
        for name in try styleNames() {
            let grid = try #require(try composeLiverpool(style: name).figures.first { $0.id == "rating-grid" })
            for t in grid.textMarks {
                #expect(t.container.contains(t.frame), "\(name): \"\(t.text)\" \(t.frame) spills out of \(t.container)")
                #expect(t.frame.maxX <= grid.size.width + 0.01 && t.frame.maxY <= grid.size.height + 0.01)
            }
        }
    }

    @Test func noTextRunOverlapsAnother() throws {
        for name in try styleNames() {
            let marks = try #require(try composeLiverpool(style: name).figures.first).textMarks
            for (i, a) in marks.enumerated() {
                for b in marks[(i + 1)...] {
                    #expect(!a.frame.intersects(b.frame), "\(name): \"\(a.text)\" overlaps \"\(b.text)\"")
                }
            }
        }
    }

    @Test func everyCellSaysItsGradeOrWhyNot() throws {
        let composed = try composeLiverpool()
        let figure = try #require(composed.figures.first)
        let texts = figure.textMarks.map(\.text)
        #expect(texts.filter { $0 == "Inadequate" }.count == 4)
        #expect(texts.filter { $0 == "Requires improvement to be good" }.count == 6)
        #expect(texts.filter { $0 == "Good" }.count == 3)
        #expect(texts.contains("Not judged under the 2026 framework"))
        #expect(texts.contains("Judged with children in care"))
        #expect(figure.altText.contains("Help and protection: Inadequate"))
        #expect(figure.table.rows.count == 5)
        #expect(figure.table.csv.hasPrefix("Judgement,May 2018 standard inspection,"))
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
            let style = try StyleLoader.load(path: Repo.path("Styles/\(name).yaml"))
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
            _ = try StyleLoader.load(path: "\(dir)/bad.yaml")
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
