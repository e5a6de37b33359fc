import Diagnostics
import Foundation
import Judgements
import OfficialData
import Rendering
import YAMLFiles

/// The work behind each subcommand. `main` parses arguments and calls exactly one of these.
public enum Briefing {
    /// Writes the validated record and its aggregated answers as JSON, to `output` or stdout.
    public static func export(record: String?, output: String?, workspace: Workspace = Workspace(),
                              print: (String) -> Void = { Swift.print($0, terminator: "") },
                              printError: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) -> ExitStatus {
        let paths = record.map { [$0] } ?? workspace.recordPaths()
        guard paths.count == 1, let path = paths.first else {
            printError("name the record to export with --record (found \(paths.count) in \(workspace.reports)/authorities)")
            return .usage
        }
        return run(printError) {
            let loaded = try RecordLoader.load(path: path, frameworksPath: workspace.frameworksPath, yaml: .files)
            let data = try RecordExport(record: loaded, version: BriefingVersion.string).json()
            if let output {
                try AtomicWriter().write([(output, data)])
            } else {
                print(String(decoding: data, as: UTF8.self))
            }
        }
    }

    /// The charts a pack page can hold, for `briefing list`.
    public static let charts: [(id: String, about: String)] = [
        ("rating-grid", "judgement areas by graded inspection, grade as colour and words"),
        ("judgement-journey", "each area's grade across inspections, as a slope chart"),
        ("timeline", "inspections, visits, DfE and council events and leadership on one date axis"),
        ("improvement-tracker", "areas for improvement by monitoring visit, with drift"),
        ("indicator-trends", "small multiples of key indicators against England, region and neighbours"),
        ("neighbour-comparison", "latest judgements beside the statistical neighbours'"),
        ("indicator-table", "latest value of each key indicator against England, region and neighbours"),
        ("national-distribution", "authorities at each overall grade, this one and its neighbours named"),
    ]

    /// `briefing list`: the packs in `Reports/packs` and the charts they can use.
    public static func list(workspace: Workspace = Workspace(), print: (String) -> Void = { Swift.print($0) },
                            printError: (String) -> Void = standardError) -> ExitStatus {
        run(printError) {
            print("Packs (\(workspace.packsFolder)):")
            for id in workspace.packIDs() {
                let pack = try PackDefinition.load(path: workspace.packPath(id))
                print("  \(id): \(pack.title) [\(pack.marking), for the \(pack.audience)]")
                print("      pages: \(pack.pages.map(\.id).joined(separator: ", "))")
            }
            print("Charts:")
            for c in charts { print("  \(c.id): \(c.about)") }
            print("Styles (\(workspace.styles)):")
            let styles = ((try? FileManager.default.contentsOfDirectory(atPath: workspace.styles)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
            for s in styles { print("  \(s.dropLast(5))") }
        }
    }

    /// Checks authority records (all of them when none are named) and prints every problem.
    @_optimize(none) public static func validate(files: [String], workspace: Workspace = Workspace(),
                                print: (String) -> Void = { Swift.print($0) },
                                printError: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) -> ExitStatus {
        let paths = files.isEmpty ? workspace.recordPaths() : files
        var status = ExitStatus.ok
        let frameworks: Frameworks
        do {
            frameworks = try FrameworkLoader.load(path: workspace.frameworksPath, yaml: .files)
        } catch {
            for d in error.diagnostics { printError(d.description) }
            return .dataError
        }
        // A quote's indicator must be one the catalogue defines (the catalogue's own errors are `build`'s to report).
        let indicators = (try? IndicatorCatalogue.load(path: workspace.indicatorsPath, yaml: .files))?.map(\.id)
        for path in paths {
            do {
                let doc = try YAMLDocument.load(path: path)
                var warnings: [Diagnostic] = []
                let record = try RecordLoader.read(doc, frameworks: frameworks, indicators: indicators, warnings: &warnings)
                for w in warnings { printError(w.description) }
                print("\(path): ok (\(record.events.count) events, \(record.sources.count) sources)")
            } catch {
                for d in error.diagnostics { printError(d.description) }
                status = error.kind == .noInput ? .noInput : .dataError
            }
        }
        return status
    }
}
