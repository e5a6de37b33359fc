import BriefingKit
import Foundation
import Testing
import BriefingTestSupport

/// The recipe for a new page (CONTRIBUTING.md) ends here: every `PageKind` is built into a pack
/// by the real binary and its heading is read back from the PDF, so a new case that is not wired
/// up fails this test rather than printing an empty page.
@Suite(.serialized) struct EveryPageKind {
    @Test func everyPageBuildsWithItsHeading() throws {
        let root = try TestWorkspace.copy()
        let pages = PageKind.allCases.map { kind -> String in
            switch kind {
            case .groupGrid, .groupIndicators: return "  - \(kind.rawValue):\n      authorities: [341, 340]"
            default: return "  - \(kind.rawValue)"
            }
        }
        try writeFile("\(root)/Reports/packs/every-page.yaml", """
            id: every-page
            title: Every page
            audience: the test suite
            marking: OFFICIAL
            authority: authorities/liverpool.yaml
            since: 2025-01-01
            pages:
            \(pages.joined(separator: "\n"))

            """)
        let (r, out) = try Briefing.build(["--pack", "every-page"], in: root)
        #expect(r.status == 0, "\(r.stderr)")
        let text = normaliseSpace(try tool("pdftotext", ["\(out)/every-page.pdf", "-"]).stdout)
        for kind in PageKind.allCases {
            if let heading = kind.heading { #expect(text.contains("OFFICIAL \(heading)"), "\(kind.rawValue): no page headed \(heading)") }
        }
        #expect(Set(PackDefinition.knownPages) == Set(PageKind.allCases.map(\.rawValue)))
    }
}
