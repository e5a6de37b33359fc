import BriefingKit
import Foundation
import Judgements
import Rendering
import Testing
import TestSupport

/// Runs the real `briefing` binary on the repository's Reports and Styles into a fresh folder.
func buildPacks(out: String? = nil, reports: String = Repo.path("Reports"), styles: String = Repo.path("Styles"),
                extra: [String] = [], environment: [String: String] = [:]) throws -> (ProcessResult, String) {
    let outDir = try out ?? makeTemporaryFolder()
    let r = try runProcess(Repo.binary, ["build", "--reports", reports, "--styles", styles, "--out", outDir] + extra,
                           environment: environment)
    return (r, outDir)
}

func tool(_ name: String, _ args: [String]) throws -> ProcessResult {
    try runProcess(name, args)
}

let pack = "liverpool-judgements"

@Suite(.serialized) struct BuiltPack {
    @Test func buildsAndListsWhatItWrote() throws {
        let (r, out) = try buildPacks()
        #expect(r.status == 0, "\(r.stderr)")
        for suffix in [".pdf", "-rating-grid.png", "-rating-grid.svg", "-rating-grid.csv", "-rating-grid.txt"] {
            #expect(r.stdout.contains("\(out)/\(pack)\(suffix)"))
            #expect(FileManager.default.fileExists(atPath: "\(out)/\(pack)\(suffix)"))
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func pdfMetadataFontsAndStructure() throws {
        let (r, out) = try buildPacks()
        #expect(r.status == 0, "\(r.stderr)")
        let pdf = "\(out)/\(pack).pdf"
        let info = try tool("pdfinfo", [pdf]).stdout
        #expect(info.contains("Title:           Liverpool children's services: Ofsted judgements 2018 to 2026"))
        #expect(info.contains("Author:          Liverpool City Council"))
        #expect(info.contains("Subject:         Liverpool children's services"))
        #expect(info.contains("Creator:         briefing \(BriefingVersion.string)"))
        #expect(info.contains("CreationDate:    Tue Jul  7 00:00:00 2026 UTC"), "creation date should be the newest date in the data")
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
        let (r, out) = try buildPacks()
        #expect(r.status == 0, "\(r.stderr)")
        let composed = try composeForTest(out: out)
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
        #expect(checked == 15)
        let all = normaliseSpace(try tool("pdftotext", ["\(out)/\(pack).pdf", "-"]).stdout)
        let pageCount = try tool("pdfinfo", ["\(out)/\(pack).pdf"]).stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.split(separator: " ").last!) } ?? 0
        #expect(pageCount >= 2)
        for heading in ["Ofsted judgements", "Sources, licences and method", "Page 1 of \(pageCount)", "Page \(pageCount) of \(pageCount)", "OFFICIAL",
                        "May 2018", "March 2023", "May 2026", "published 2 Jul 2018", "published 25 May 2023", "published 7 Jul 2026"] {
            #expect(all.contains(heading), "missing \(heading)")
        }
    }

    @Test func inadequateCellIsDrawnInTheStylesInadequateColour() throws {
        let (r, out) = try buildPacks()
        #expect(r.status == 0, "\(r.stderr)")
        let composed = try composeForTest(out: out)
        let figure = try #require(composed.figures.first)
        let png = try CairoSurface.png(path: "\(out)/\(pack)-rating-grid.png")
        let scale = 150.0 / 72, margin = 12.0
        func sample(_ id: String) throws -> Colour? {
            let rect = try #require(figure.box(id)).rect
            // A point just inside the cell's top-right corner, clear of its text and of the
            // pattern swatch a style may draw at its left edge.
            return png.pixel(x: Int(((margin + rect.maxX - 2.5) * scale).rounded()), y: Int(((margin + rect.y + 2.5) * scale).rounded()))
        }
        #expect(try sample("cell:help-and-protection:ilacs-2023") == composed.style.grades[.inadequate]!.fill)
        #expect(try sample("cell:help-and-protection:ilacs-2026") == composed.style.grades[.good]!.fill)
        #expect(try sample("cell:help-and-protection:ilacs-2018") == composed.style.grades[.requiresImprovement]!.fill)
        #expect(png.pixelSize.width == Int(((figure.size.width + 2 * margin) * scale).rounded(.up)))
    }

    @Test func twoRunsAreByteIdentical() throws {
        let (a, outA) = try buildPacks()
        let (b, outB) = try buildPacks()
        #expect(a.status == 0 && b.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: outA).sorted()
        #expect(files.filter { $0.hasSuffix(".pdf") }.count == 4, "\(files)")
        #expect(files == (try FileManager.default.contentsOfDirectory(atPath: outB).sorted()))
        for f in files {
            let x = try Data(contentsOf: URL(fileURLWithPath: "\(outA)/\(f)"))
            let y = try Data(contentsOf: URL(fileURLWithPath: "\(outB)/\(f)"))
            #expect(x == y, "\(f) differs between runs")
        }
    }

    @Test func sourceDateEpochSetsTheCreationDate() throws {
        let (r, out) = try buildPacks(environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(r.status == 0, "\(r.stderr)")
        let info = try tool("pdfinfo", ["\(out)/\(pack).pdf"]).stdout
        #expect(info.contains("CreationDate:    Tue Nov 14 22:13:20 2023 UTC"), "\(info)")
    }
}

func composeForTest(out: String) throws -> PackPipeline.ComposedPack {
    let ws = Workspace(reports: Repo.path("Reports"), styles: Repo.path("Styles"), out: out)
    return try PackPipeline(workspace: ws).compose(packID: pack)
}

@Suite(.serialized) struct BadInput {
    @Test func malformedRecordGivesLocatedErrorAndExit65() throws {
        let ws = try makeWorkspaceCopy()
        let record = "\(ws)/Reports/authorities/liverpool.yaml"
        var text = try String(contentsOfFile: record, encoding: .utf8)
        text = text.replacingOccurrences(of: "      help-and-protection: Inadequate\n", with: "      help-and-protection: Inadequat\n")
        try writeFile(record, text)
        let line = text.components(separatedBy: "\n").firstIndex(of: "      help-and-protection: Inadequat")! + 1
        let (r, _) = try buildPacks(reports: "\(ws)/Reports", styles: "\(ws)/Styles")
        #expect(r.status == 65)
        #expect(r.stderr.contains("\(record):\(line):28: error: unknown grade \"Inadequat\" — did you mean \"Inadequate\"?"), "\(r.stderr)")
        let v = try runProcess(Repo.binary, ["validate", "--reports", "\(ws)/Reports", record])
        #expect(v.status == 65)
        #expect(v.stderr.contains("\(record):\(line):28:"))
    }

    @Test func brokenYamlAndMissingFilesExit65() throws {
        let ws = try makeWorkspaceCopy()
        try writeFile("\(ws)/Styles/default.yaml", "name: default\ncolours: [unclosed\n")
        let (r, _) = try buildPacks(reports: "\(ws)/Reports", styles: "\(ws)/Styles")
        #expect(r.status == 65)
        #expect(r.stderr.contains("\(ws)/Styles/default.yaml:3:1: error: YAML syntax"), "\(r.stderr)")
        try FileManager.default.removeItem(atPath: "\(ws)/Reports/authorities/liverpool.yaml")
        let (m, _) = try buildPacks(reports: "\(ws)/Reports", styles: Repo.path("Styles"))
        #expect(m.status == 66, "a missing input is sysexits' 66")
        #expect(m.stderr.contains("liverpool.yaml: error: file not found"), "\(m.stderr)")
    }

    @Test func failedRunLeavesThePreviousPackUntouched() throws {
        let ws = try makeWorkspaceCopy()
        let (good, out) = try buildPacks(reports: "\(ws)/Reports", styles: "\(ws)/Styles")
        #expect(good.status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: "\(out)/\(pack).pdf"))
        let record = "\(ws)/Reports/authorities/liverpool.yaml"
        let text = try String(contentsOfFile: record, encoding: .utf8)
        try writeFile(record, text.replacingOccurrences(of: "    end: 2026-05-22\n", with: "    end: 2026-04-22\n"))
        let (bad, _) = try buildPacks(out: out, reports: "\(ws)/Reports", styles: "\(ws)/Styles")
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("before it starts"))
        #expect(bad.stderr.contains("previous output, if any, is unchanged"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(out)/\(pack).pdf")) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).allSatisfy { !$0.hasSuffix(".tmp") })
    }

    @Test func badCommandLineExits64WithUsage() throws {
        let r = try runProcess(Repo.binary, ["build", "--no-such-flag"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("Usage:"))
        let d = try runProcess(Repo.binary, ["build", "--dpi", "0"])
        #expect(d.status == 64)
    }

    @Test func unknownPackSuggestsTheNearestOne() throws {
        let (r, _) = try buildPacks(extra: ["--pack", "liverpool-judgement"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("did you mean \"liverpool-judgements\""))
    }
}
