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
}
