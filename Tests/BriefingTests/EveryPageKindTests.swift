import BriefingKit
import Foundation
import Rendering
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
        // Every tidy CSV keeps the columns that say what a row is about: a shape's key that named
        // no column (the tracker's "Area" for "Area for improvement") left rows of values with
        // nothing but their order to tie them to an area.
        var checked = 0
        for (id, shape) in TidyTable.shapes {
            let path = "\(out)/every-page-\(id).csv"
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let header = try #require(try csvRows(path).first).map { $0.replacingOccurrences(of: "\u{FEFF}", with: "") }
            for key in shape.keys { #expect(header.contains { $0 == key || shape.isKey($0) && $0.hasPrefix(key) }, "\(id): no column \(key) in \(header)") }
            #expect(header.contains(shape.variable), "\(id): \(header)")
            checked += 1
        }
        #expect(checked >= 7, "\(checked) shaped tables checked")
    }
}
