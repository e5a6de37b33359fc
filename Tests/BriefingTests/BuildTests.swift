import BriefingKit
import Foundation
import Judgements
import Rendering
import Testing
import BriefingTestSupport

/// The pack these tests build: the rating grid and the sources page.
let pack = "liverpool-judgements"

@Suite(.serialized) struct BuiltPack {
    @Test func buildsAndListsWhatItWrote() throws {
        let (r, out) = try Briefing.build(["--pack", pack])
        #expect(r.status == 0, "\(r.stderr)")
        for suffix in [".pdf", "-rating-grid.png", "-rating-grid.svg", "-rating-grid.csv", "-rating-grid.txt"] {
            #expect(r.stdout.contains("\(out)/\(pack)\(suffix)"))
            #expect(FileManager.default.fileExists(atPath: "\(out)/\(pack)\(suffix)"))
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func pdfMetadataFontsAndStructure() throws {
        let (r, out) = try Briefing.build(["--pack", pack])
        #expect(r.status == 0, "\(r.stderr)")
        let pdf = "\(out)/\(pack).pdf"
        let info = try tool("pdfinfo", [pdf]).stdout
        #expect(info.contains("Title:           Liverpool children's services: Ofsted judgements 2018 to 2026"))
        #expect(info.contains("Author:          Liverpool City Council"))
        #expect(info.contains("Subject:         Liverpool children's services"))
        #expect(info.contains("Creator:         briefing \(BriefingVersion.string)"))
        // The newest date in the record, read from it (a real event added later moves it).
        let newest = try composePack(pack).record.newestDate.iso
        #expect(try tool("pdfinfo", ["-isodates", pdf]).stdout.contains("CreationDate:    \(newest)T00:00:00Z"), "creation date should be \(newest), the newest date in the data")
        #expect(info.contains("Page size:       595.276 x 841.89 pts (A4)"))
        #expect(info.contains("Pages:           "))
        #expect(info.contains("Tagged:          yes"), "catalog patched with /MarkInfo and /Lang")
        let fonts = try tool("pdffonts", [pdf]).stdout
        let rows = fonts.split(separator: "\n").dropFirst(2)
        #expect(!rows.isEmpty)
        for row in rows {
            #expect(row.contains("LiberationSans"), "unexpected font: \(row)")
            let cols = row.split(separator: " ", omittingEmptySubsequences: true)
            #expect(cols.count >= 7 && cols[cols.count - 5] == "yes", "not embedded: \(row)")
        }
        let check = try tool("qpdf", ["--check", pdf])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("No syntax or stream encoding errors found"))
    }

    /// Cuts each grid cell out of the PDF by its laid-out position and reads its text back.
    @Test func everyGradeOfEveryInspectionIsInItsCell() throws {
        let (r, out) = try Briefing.build(["--pack", pack])
        #expect(r.status == 0, "\(r.stderr)")
        let composed = try composePack(pack)
        let figure = try #require(composed.figures.first { $0.id == "rating-grid" })
        let pages = composed.renderer.layout(composed.document)
        let origin = try #require(pages[0].blocks.first { $0.layout.tag == "Figure" })
        let record = composed.record
        let grid = record.judgementGrid
        var checked = 0
        for (r, area) in grid.rows.enumerated() {
            for (c, col) in grid.columns.enumerated() {
                let box = try #require(figure.box("cell:\(area.rawValue):\(col.eventID)")).rect
                let x = Int((composed.style.margin + box.x).rounded()), y = Int((origin.y + box.y).rounded())
                let text = try tool("pdftotext", ["-f", "1", "-l", "1", "-r", "72", "-x", "\(x)", "-y", "\(y)",
                                                  "-W", "\(Int(box.width))", "-H", "\(Int(box.height))",
                                                  "\(out)/\(pack).pdf", "-"]).stdout
                let found = normaliseSpace(text)
                switch grid.cells[r][c] {
                case let .graded(g, _):
                    #expect(found.hasPrefix(g.wording), "\(area.rawValue) \(col.eventID): found \"\(found)\"")
                case let .notJudged(reason):
                    #expect(found.lowercased() == reason.lowercased(), "\(area.rawValue) \(col.eventID): found \"\(found)\"")
                }
                checked += 1
            }
        }
        #expect(checked == grid.rows.count * grid.columns.count && checked >= 15, "\(checked) cells")
        let all = normaliseSpace(try tool("pdftotext", ["\(out)/\(pack).pdf", "-"]).stdout)
        let pageCount = try tool("pdfinfo", ["\(out)/\(pack).pdf"]).stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.split(separator: " ").last!) } ?? 0
        #expect(pageCount >= 2)
        // Every graded inspection heads its column with its month and its publication, as the record gives them.
        let columns = grid.columns.flatMap { [$0.start.monthYear] + ($0.published.map { ["published \($0.display)"] } ?? []) }
        for heading in ["Ofsted judgements", "Sources, licences and method", "Page 1 of \(pageCount)", "Page \(pageCount) of \(pageCount)", "OFFICIAL"] + columns {
            #expect(all.contains(heading), "missing \(heading)")
        }
    }

    @Test func inadequateCellIsDrawnInTheStylesInadequateColour() throws {
        let (r, out) = try Briefing.build(["--pack", pack])
        #expect(r.status == 0, "\(r.stderr)")
        let composed = try composePack(pack)
        let figure = try #require(composed.figures.first)
        let png = try DecodedPNG(path: "\(out)/\(pack)-rating-grid.png")
        let scale = 150.0 / 72, margin = 12.0
        func sample(_ id: String) throws -> Colour? {
            let rect = try #require(figure.box(id)).rect
            // A point just inside the cell's top-right corner, clear of its text and of the
            // pattern swatch a style may draw at its left edge.
            return png.pixel(Int(((margin + rect.maxX - 2.5) * scale).rounded()), Int(((margin + rect.y + 2.5) * scale).rounded()), as: Colour.init)
        }
        // Every graded cell, in the colour of the grade the record gives it; Liverpool's record has all three of these.
        let grid = composed.record.judgementGrid
        var drawn: Set<Grade> = []
        for (r, area) in grid.rows.enumerated() {
            for (c, col) in grid.columns.enumerated() {
                guard case let .graded(g, _) = grid.cells[r][c] else { continue }
                #expect(try sample("cell:\(area.rawValue):\(col.eventID)") == composed.style.grades[g]!.fill, "\(area.rawValue) \(col.eventID)")
                drawn.insert(g)
            }
        }
        #expect(drawn.isSuperset(of: [.inadequate, .requiresImprovement, .good]))
        #expect(png.width == Int(((figure.size.width + 2 * margin) * scale).rounded(.up)))
    }

    @Test func twoRunsAreByteIdentical() throws {
        let (a, outA) = try Briefing.build()
        let (b, outB) = try Briefing.build()
        #expect(a.status == 0 && b.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: outA).sorted()
        #expect(files.filter { $0.hasSuffix(".pdf") }.count == TestWorkspace.repository.kit().packIDs().count, "\(files)")
        #expect(files == (try FileManager.default.contentsOfDirectory(atPath: outB).sorted()))
        for f in files {
            let x = try Data(contentsOf: URL(fileURLWithPath: "\(outA)/\(f)"))
            let y = try Data(contentsOf: URL(fileURLWithPath: "\(outB)/\(f)"))
            #expect(x == y, "\(f) differs between runs")
        }
    }

    @Test func sourceDateEpochSetsTheCreationDate() throws {
        let (r, out) = try Briefing.build(["--pack", pack], environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(r.status == 0, "\(r.stderr)")
        let info = try tool("pdfinfo", ["\(out)/\(pack).pdf"]).stdout
        #expect(info.contains("CreationDate:    Tue Nov 14 22:13:20 2023 UTC"), "\(info)")
    }
}

@Suite(.serialized) struct BadInput {
    @Test func malformedRecordGivesLocatedErrorAndExit65() throws {
        let ws = try TestWorkspace.fixture()
        let record = "\(ws)/Reports/authorities/liverpool.yaml"
        var text = try String(contentsOfFile: record, encoding: .utf8)
        text = text.replacingOccurrences(of: "      help-and-protection: Inadequate\n", with: "      help-and-protection: Inadequat\n")
        try writeFile(record, text)
        let line = text.components(separatedBy: "\n").firstIndex(of: "      help-and-protection: Inadequat")! + 1
        let (r, _) = try Briefing.build(in: ws)
        #expect(r.status == 65)
        #expect(r.stderr.contains("\(record):\(line):28: error: unknown grade \"Inadequat\" — did you mean \"Inadequate\"?"), "\(r.stderr)")
        let v = try Briefing.run(["validate", record], in: ws)
        #expect(v.status == 65)
        #expect(v.stderr.contains("\(record):\(line):28:"))
    }

    @Test func brokenYamlAndMissingFilesExit65() throws {
        let ws = try TestWorkspace.fixture()
        try writeFile("\(ws)/Styles/default.yaml", "name: default\ncolours: [unclosed\n")
        let (r, _) = try Briefing.build(in: ws)
        #expect(r.status == 65)
        #expect(r.stderr.contains("\(ws)/Styles/default.yaml:3:1: error: YAML syntax"), "\(r.stderr)")
        try writeFile("\(ws)/Styles/default.yaml", try read(Repo.path("Styles/default.yaml")))
        try FileManager.default.removeItem(atPath: "\(ws)/Reports/authorities/liverpool.yaml")
        let (m, _) = try Briefing.build(in: ws)
        #expect(m.status == 66, "a missing input is sysexits' 66")
        #expect(m.stderr.contains("liverpool.yaml: error: file not found"), "\(m.stderr)")
    }

    @Test func failedRunLeavesThePreviousPackUntouched() throws {
        let ws = try TestWorkspace.fixture()
        let (good, out) = try Briefing.build(["--pack", pack], in: ws)
        #expect(good.status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: "\(out)/\(pack).pdf"))
        let record = "\(ws)/Reports/authorities/liverpool.yaml"
        let text = try String(contentsOfFile: record, encoding: .utf8)
        try writeFile(record, text.replacingOccurrences(of: "    end: 2026-05-22\n", with: "    end: 2026-04-22\n"))
        let (bad, _) = try Briefing.build(["--pack", pack], in: ws, out: out)
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("before it starts"))
        #expect(bad.stderr.contains("previous output, if any, is unchanged"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(out)/\(pack).pdf")) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).allSatisfy { !$0.hasSuffix(".tmp") })
    }

    @Test func badCommandLineExits64WithUsage() throws {
        let r = try Briefing.run(["build", "--no-such-flag"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("Usage:"))
        let d = try Briefing.run(["build", "--dpi", "0"])
        #expect(d.status == 64)
    }

    @Test func unknownPackSuggestsTheNearestOne() throws {
        let (r, _) = try Briefing.build(["--pack", "liverpool-judgement"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("did you mean \"liverpool-judgements\""))
    }
}
