extension GradeMatrix: Chart {
    /// The grid's own files are as wide as its columns need, so no word in them breaks; the
    /// pages take the columns in groups instead (`pieces(in:)`).
    public func figure(in context: ChartContext) -> Figure {
        var fileWidth = context.width
        while columnsThatFit(style: context.style, text: context.text, width: fileWidth) < columns.count && fileWidth < context.width * 4 {
            fileWidth *= 1.1
        }
        return figure(style: context.style, text: context.text, width: fileWidth.rounded())
    }

    public func layout(in context: ChartContext) -> (whole: Figure, pieces: [Figure]) {
        (figure(in: context), pieces(in: context))
    }

    public func pieces(in context: ChartContext) -> [Figure] {
        pieces(style: context.style, text: context.text, width: context.width, maxHeight: context.maxHeight)
    }
}
