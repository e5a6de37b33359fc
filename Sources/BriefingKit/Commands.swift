import Diagnostics
import Foundation
import Judgements
import Rendering

/// The work behind each subcommand. `main` parses arguments and calls exactly one of these.
public enum Briefing {
    /// Builds the named packs (all packs when none are named), writing each pack's files only
    /// when all of them were made.
    public static func build(packs: [String], authorities: [String] = [], workspace: Workspace = Workspace(), dpi: Double = 150,
                             style: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
                             print: (String) -> Void = { Swift.print($0) },
                             printError: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) -> ExitStatus {
        var epoch: Int?
        if let raw = environment["SOURCE_DATE_EPOCH"] {
            guard let n = Int(raw), n >= 0 else {
                printError("SOURCE_DATE_EPOCH should be a whole number of seconds since 1970, found \"\(raw)\"")
                return .usage
            }
            epoch = n
        }
        let pipeline = PackPipeline(workspace: workspace, dpi: dpi, sourceDateEpoch: epoch, styleOverride: style)
        var worst = ExitStatus.ok
        for query in authorities {
            let status = run(printError) {
                let files = try pipeline.draw(pipeline.compose(authority: query))
                try AtomicWriter().write(files.map { ($0.path, $0.data) })
                for f in files { print(f.path) }
            }
            if status != .ok { worst = status }
        }
        if !authorities.isEmpty && packs.isEmpty { return worst }
        let ids = packs.isEmpty ? workspace.packIDs() : packs
        if ids.isEmpty {
            printError("\(workspace.packsFolder): no pack definitions found")
            return .dataError
        }
        for id in ids {
            if !FileManager.default.fileExists(atPath: workspace.packPath(id)) {
                let known = workspace.packIDs()
                printError("no pack \"\(id)\" in \(workspace.packsFolder)\(Suggestion.hint(for: id, in: known)); known packs: \(known.joined(separator: ", "))")
                worst = .dataError
                continue
            }
            do {
                let files = try pipeline.run(packID: id)
                try AtomicWriter().write(files.map { ($0.path, $0.data) })
                for f in files { print(f.path) }
            } catch let error as InputError {
                for d in error.diagnostics { printError(d.description) }
                printError("pack \"\(id)\" not built; its previous output, if any, is unchanged")
                worst = .dataError
            } catch let error as AtomicWriter.WriteError {
                printError(error.description)
                worst = .cannotCreateOutput
            } catch {
                printError("pack \"\(id)\" failed: \(error)")
                worst = .software
            }
        }
        return worst
    }

    /// Writes the validated record and its aggregated answers as JSON, to `output` or stdout.
    public static func export(record: String?, output: String?, workspace: Workspace = Workspace(),
                              print: (String) -> Void = { Swift.print($0, terminator: "") },
                              printError: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) -> ExitStatus {
        let paths = record.map { [$0] } ?? workspace.recordPaths()
        guard paths.count == 1, let path = paths.first else {
            printError("name the record to export with --record (found \(paths.count) in \(workspace.reports)/authorities)")
            return .usage
        }
        do {
            let loaded = try RecordLoader.load(path: path, frameworksPath: workspace.frameworksPath)
            let data = try RecordExport(record: loaded, version: BriefingVersion.string).json()
            if let output {
                try AtomicWriter().write([(output, data)])
            } else {
                print(String(decoding: data, as: UTF8.self))
            }
            return .ok
        } catch let error as InputError {
            for d in error.diagnostics { printError(d.description) }
            return .dataError
        } catch {
            printError("export failed: \(error)")
            return .software
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
    public static func validate(files: [String], workspace: Workspace = Workspace(),
                                print: (String) -> Void = { Swift.print($0) },
                                printError: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) -> ExitStatus {
        let paths = files.isEmpty ? workspace.recordPaths() : files
        var status = ExitStatus.ok
        let frameworks: Frameworks
        do {
            frameworks = try FrameworkLoader.load(path: workspace.frameworksPath)
        } catch {
            for d in error.diagnostics { printError(d.description) }
            return .dataError
        }
        for path in paths {
            do {
                let doc = try YAMLDocument.load(path: path)
                var warnings: [Diagnostic] = []
                let record = try RecordLoader.read(doc, frameworks: frameworks, warnings: &warnings)
                for w in warnings { printError(w.description) }
                print("\(path): ok (\(record.events.count) events, \(record.sources.count) sources)")
            } catch {
                for d in error.diagnostics { printError(d.description) }
                status = .dataError
            }
        }
        return status
    }
}
