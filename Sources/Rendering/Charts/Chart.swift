/// What a chart is laid out with: the style, the text engine that measures its words, the width
/// of the page's text column and the height one page leaves for it. The one set of values every
/// chart receives, so a new chart needs no new plumbing in the pages that place it.
public struct ChartContext {
    public var style: Style
    public var text: TextEngine
    /// The width of the page's text column, in points.
    public var width: Double
    /// The height a chart may take on one page, in points.
    public var maxHeight: Double

    public init(style: Style, text: TextEngine, width: Double, maxHeight: Double) {
        self.style = style; self.text = text; self.width = width; self.maxHeight = maxHeight
    }
}

/// A chart: plain values (no records, no files) that lay themselves out as a `Figure`. The
/// `Figure` carries the marks, title, alt text and data table from which the PDF, PNG, SVG, HTML,
/// CSV and workbook are all made, so one chart value feeds every output.
///
/// To add a chart: a value type conforming to `Chart` in `Charts/<Name>.swift`, and the page
/// function that fills it from the data (CONTRIBUTING.md, "Add a chart").
public protocol Chart {
    /// The whole chart, for its own files (PNG, SVG, CSV, workbook sheet). A chart whose words
    /// would break at the column width may lay itself out wider here.
    func figure(in context: ChartContext) -> Figure
    /// The chart as it goes on the pages: pieces no taller than `context.maxHeight`, each at
    /// the column width, continuing under repeated headings.
    func pieces(in context: ChartContext) -> [Figure]
    /// Both at once: the whole chart and its pieces.
    func layout(in context: ChartContext) -> (whole: Figure, pieces: [Figure])
}

extension Chart {
    /// A chart that always fits one page is one piece.
    public func pieces(in context: ChartContext) -> [Figure] { [figure(in: context)] }

    /// A chart that fits one page is laid out once: its one piece is the whole chart (a piece
    /// differs from the whole only in being part of it). A chart whose files are wider than the
    /// page (`GradeMatrix`) lays itself out for them on its own.
    public func layout(in context: ChartContext) -> (whole: Figure, pieces: [Figure]) {
        let pieces = pieces(in: context)
        return (pieces.count == 1 ? pieces[0] : figure(in: context), pieces)
    }
}
