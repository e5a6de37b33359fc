import BriefingKit
import BriefingTestSupport
import Foundation
import Testing

/// Packs built two at a time (the default on two cores) come out the same every run. The large
/// print style's monitoring and scrutiny packs each have a line that fits its width by 0.06 pt,
/// and fonts loaded by two threads at once once wrapped it differently in about half the runs.
@Suite(.serialized) struct ParallelRuns {
    @Test func largePrintPacksBuiltInParallelAreTheSameEveryRun() throws {
        let options = ["--style", "large-print", "--formats", "pdf", "--jobs", "2"]
        let (first, out) = try Briefing.build(options)
        #expect(first.status == 0, "\(first.stderr)")
        let pdfs = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".pdf") }.sorted()
        #expect(pdfs.count == TestWorkspace.repository.kit().packIDs().count)
        for run in 2...5 {
            let (r, again) = try Briefing.build(options)
            #expect(r.status == 0, "\(r.stderr)")
            for f in pdfs {
                let x = try Data(contentsOf: URL(fileURLWithPath: "\(out)/\(f)")), y = try Data(contentsOf: URL(fileURLWithPath: "\(again)/\(f)"))
                #expect(x == y, "\(f) differs in run \(run)")
            }
        }
    }

    /// A pack built alone lays its chart pages out on both cores at once and joins them in page
    /// order (`buildChartsApart`): the same files, byte for byte, as building every page in turn.
    /// The data tables and the front sheet's "data as at" are built from what the chart pages
    /// added, so a join out of order would change them.
    @Test(arguments: ["default", "large-print"]) func chartPagesBuiltApartGiveTheSameFiles(style: String) throws {
        let kit = TestWorkspace.repository.kit()
        func files(apart: Bool) throws -> [OutputFile] {
            var pipeline = PackPipeline(workspace: kit, styleOverride: style, formats: [.pdf, .csv, .txt])
            pipeline.buildChartsApart = apart
            return try pipeline.run(packID: "scrutiny")
        }
        // Apart first, so the worker threads' text engines start cold, as in a run of one pack.
        let apart = try files(apart: true), inTurn = try files(apart: false)
        #expect(inTurn.count > 8)
        #expect(inTurn.map(\.path) == apart.map(\.path))
        for (a, b) in zip(inTurn, apart) { #expect(a.data == b.data, "\(a.path) differs when chart pages are built apart") }
    }
}
