import Judgements

/// Key indicators for one authority in their latest period, against England, its region and
/// its statistical neighbours' average. Missing figures say why; they are never drawn as zero.
public struct IndicatorTable: Chart {
    public static let id = "indicator-table"

    public var subject: String
    public var region: String
    public var rows: [Row]
    public var sourceLine: String
    public var note: String
    public var asAt: String

    public init(subject: String, region: String, rows: [Row], sourceLine: String, note: String, asAt: String = "") {
        self.subject = subject; self.region = region; self.rows = rows; self.sourceLine = sourceLine; self.note = note; self.asAt = asAt
    }

    /// The table this chart is: a `RowTable` with the comparison columns set as words.
    public var table: RowTable {
        RowTable(id: Self.id, title: "\(subject) against England, \(region) and its statistical neighbours",
                 subtitle: "Latest published figure of each key indicator \u{00B7} \(subject) \u{00B7} period as shown" + asAt,
                 headers: Self.headers(subject: subject, region: region), leftAligned: Self.comparisonColumns, firstColumn: "Indicator",
                 secondColumn: "Period and direction", subject: subject, rows: rows, sourceLine: sourceLine, note: note)
    }

    public func figure(in context: ChartContext) -> Figure { table.figure(in: context) }
    public func pieces(in context: ChartContext) -> [Figure] { table.pieces(in: context) }

    public typealias Row = RowTable.Row

    /// The value columns: the authority, England, how it compares, the region, the neighbours'
    /// average and how it compares (words and a symbol, so never colour alone).
    public static func headers(subject: String, region: String) -> [String] {
        [subject, "England", "Compared with England", region, "Neighbours\u{2019} average", "Compared with neighbours"]
    }
    static let comparisonColumns: Set<Int> = [2, 5]
}
