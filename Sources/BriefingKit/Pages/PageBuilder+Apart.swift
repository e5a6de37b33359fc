import Foundation
import Rendering

extension PageKind {
    /// A page that is one chart: it reads nothing other pages add to the builder (only the
    /// record, the official data, the style and the pack's definition) and only adds to its
    /// running lists, so it can be built apart from the others and joined in page order
    /// (`PageBuilder.join`). Every case is named, so a new kind of page must be placed here.
    var isChart: Bool {
        switch self {
        case .ratingGrid, .judgementJourney, .timeline, .improvementTracker, .indicatorTrends, .neighbourComparison,
             .indicatorTable, .nationalDistribution, .groupGrid, .groupIndicators: return true
        case .cover, .summary, .atAGlance, .findingsAndQuotes, .sinceLastMeeting, .whatsNew, .questions, .dataTables, .sources: return false
        }
    }
}

extension PageBuilder {
    /// This builder drawing with `engine`, its running lists empty: what it adds while building a
    /// page is then exactly that page's additions. A new running list must be emptied here and
    /// added in `join`.
    func fresh(engine: TextEngine) -> PageBuilder {
        var b = self
        b.engine = engine
        b.figures = []; b.extraSources = []; b.missingFigures = []; b.used = []; b.firstUsedIn = [:]
        return b
    }

    /// Adds what `other`, a `fresh` copy, added, as if its page had been built on this builder:
    /// a source already used by an earlier page is not used again, and keeps its first section.
    mutating func join(_ other: PageBuilder) {
        figures += other.figures
        extraSources += other.extraSources
        missingFigures += other.missingFigures
        for s in other.used where !used.contains(where: { $0.samePublication(s) }) {
            used.append(s)
            if let section = other.firstUsedIn[s.id] { firstUsedIn[s.id] = section }
        }
    }

    /// Builds `pages`' chart pages at once on every core, each on a `fresh` copy with its
    /// thread's own text engine (Pango is not shared between threads), `begin`ning `pack`.
    /// Measuring and laying out a pack's charts was a seventh of a single pack's time with the
    /// second core idle. Each result is the page's blocks and its copy, for `join`, or its error.
    func buildApart(_ pages: [PageSpec], pack: String) -> [Int: Result<([Block], PageBuilder), any Error>] {
        let wanted = pages.indices.filter { pages[$0].kind.isChart }
        guard wanted.count > 1 else { return [:] }
        /// Each iteration reads the shared builder and, under the lock, writes its own result.
        /// Not checked by the compiler: the builder is not Sendable (its text engine), and every
        /// iteration copies it and swaps in its own engine before building.
        final class Shared: @unchecked Sendable {
            let builder: PageBuilder, pages: [PageSpec], wanted: [Int]
            let lock = NSLock()
            var results: [Int: Result<([Block], PageBuilder), any Error>] = [:]
            init(_ b: PageBuilder, _ p: [PageSpec], _ w: [Int]) { builder = b; pages = p; wanted = w }
        }
        let shared = Shared(self, pages, wanted)
        DispatchQueue.concurrentPerform(iterations: wanted.count) { n in
            let i = shared.wanted[n]
            let result = Result<([Block], PageBuilder), any Error> {
                let engine = try TextEngine.forCurrentThread()
                engine.begin(pack: pack)
                var copy = shared.builder.fresh(engine: engine)
                return (try copy.blocks(for: shared.pages[i]), copy)
            }
            shared.lock.withLock { shared.results[i] = result }
        }
        return shared.lock.withLock { shared.results }
    }
}
