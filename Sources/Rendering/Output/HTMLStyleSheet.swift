import Foundation

/// The HTML page's style sheet, from the same `Style` as the PDF: colours, font families and
/// sizes, margins and spacing. No value of its own except layout (widths, line heights).
enum HTMLStyleSheet {
    static func css(_ style: Style) -> String {
        let n = SVGWriter.number
        let families = (style.fontFamilies.map { "\"\($0)\"" } + ["sans-serif"]).joined(separator: ", ")
        let colours = style.colours.entries.map { "  --\($0.key.replacingOccurrences(of: "_", with: "-")): \($0.value.hex);" }
        let sizes = style.sizes.entries.map { "  --size-\($0.key.replacingOccurrences(of: "_", with: "-")): \(n($0.value))pt;" }
        let spacing = style.spacing.entries.map { "  --\($0.key.replacingOccurrences(of: "_", with: "-")): \(n($0.value))pt;" }
        // Text set in a style's print sizes reads small on a screen held further away, so the
        // screen shows every size 1.25 times larger (body 9.5 pt → about 16 px) and print uses
        // the style's own; large print stays larger in both.
        let root = [":root {", "  --k: 1.25;", "  --page-width: \(n(style.pageWidth - 2 * style.margin))pt;"] +
            colours + sizes + spacing + ["}"]
        return (root + rules(families) + print(style)).joined(separator: "\n")
    }

    static func size(_ role: String) -> String { "calc(var(--k) * var(--size-\(role.replacingOccurrences(of: "_", with: "-"))))" }

    static func rules(_ families: String) -> [String] {
        [
            "html { color-scheme: light; background: var(--background); color: var(--text); }",
            "body { margin: 0; font-family: \(families); font-size: \(size("body")); line-height: 1.5; }",
            "header.running, main, footer.running { max-width: calc(var(--k) * var(--page-width)); margin: 0 auto; padding: 0 1rem; }",
            "header.running { display: flex; justify-content: space-between; gap: 1rem; border-bottom: 1px solid var(--rule); }",
            "header.running p, footer.running p { margin: 0.5rem 0; font-size: \(size("header")); color: var(--muted-text); }",
            "header.running .marking { font-weight: bold; color: var(--text); }",
            "footer.running { border-top: 1px solid var(--rule); margin-top: 2rem; }",
            ".skip-link { position: absolute; left: 0.5rem; top: -10rem; padding: 0.5rem 1rem; background: var(--background); color: var(--accent); }",
            ".skip-link:focus { top: 0.5rem; }",
            "a { color: var(--accent); text-decoration: underline; overflow-wrap: anywhere; }",
            ":focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }",
            "main:focus { outline: none; }",
            "h1 { font-size: \(size("cover_title")); line-height: 1.2; margin: 1.5rem 0 1rem; }",
            "h2 { font-size: \(size("title")); line-height: 1.25; margin: 2.5rem 0 var(--block-gap); }",
            "h3 { font-size: \(size("heading")); line-height: 1.3; margin: 1.5rem 0 var(--block-gap); }",
            "p, ul, ol, blockquote { margin: 0 0 var(--block-gap); }",
            ".note { font-size: \(size("note")); color: var(--muted-text); }",
            "blockquote { border-left: 3pt solid var(--accent); padding-left: 12pt; margin-left: 0; }",
            "blockquote p:first-child { font-style: italic; margin-bottom: var(--line-gap); }",
            "blockquote .attribution { font-size: \(size("note")); color: var(--muted-text); }",
            ".key-numbers { display: flex; flex-wrap: wrap; gap: 8pt; margin-bottom: var(--block-gap); }",
            ".key-number { flex: 1 1 12rem; margin: 0; padding: 6pt; background: var(--band); border: 0.5pt solid var(--rule); }",
            ".key-number .number { display: block; font-size: \(size("key_number")); font-weight: bold; color: var(--accent); line-height: 1.2; }",
            ".key-number .label { display: block; font-size: \(size("note")); }",
            "nav.contents ol { padding-left: 1.5rem; }",
            "nav.contents li { margin: 0.25rem 0; }",
            "figure.chart { margin: 0 0 calc(2 * var(--block-gap)); }",
            "figcaption .chart-title { display: block; font-size: \(size("title")); font-weight: bold; line-height: 1.25; }",
            "figcaption .chart-subtitle { display: block; font-size: \(size("subtitle")); color: var(--muted-text); margin: var(--line-gap) 0 var(--block-gap); }",
            "svg.chart { display: block; width: 100%; height: auto; }",
            ".chart-key { font-size: \(size("note")); color: var(--muted-text); margin: var(--block-gap) 0 var(--line-gap); }",
            ".chart-source { font-size: \(size("source")); color: var(--muted-text); }",
            "details.chart-data summary { cursor: pointer; color: var(--accent); text-decoration: underline; min-height: 24px; }",
            ".table-scroll { overflow-x: auto; margin-bottom: var(--block-gap); }",
            "table { border-collapse: collapse; font-size: \(size("note")); min-width: 60%; }",
            "th, td { text-align: left; vertical-align: top; padding: 3pt calc(var(--cell-padding) / 2); border-bottom: 0.5pt solid var(--rule); }",
            "thead th { border-bottom: 1pt solid var(--text); }",
            "tbody tr:nth-child(even) { background: var(--band); }",
            ".visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }",
        ]
    }

    /// A clean A4 printout: the style's page size and margin, its own type sizes, each section on
    /// a new page as in the PDF, no skip link, and the data tables printed open.
    static func print(_ style: Style) -> [String] {
        let n = SVGWriter.number
        return [
            "@page { size: A4; margin: \(n(style.margin))pt; }",
            "@media print {",
            "  :root { --k: 1; }",
            "  .skip-link { display: none; }",
            "  header.running, main, footer.running { max-width: none; padding: 0; }",
            "  section.page:not(.first) { break-before: page; }",
            "  h1, h2, h3, figcaption { break-after: avoid; }",
            "  svg.chart, tr, blockquote, .key-number { break-inside: avoid; }",
            "  details.chart-data summary { display: none; }",
            "  details.chart-data::details-content { content-visibility: visible; display: block; }",
            "  .table-scroll { overflow: visible; }",
            "}",
        ]
    }
}
