import Diagnostics
import Foundation
import Judgements
import OfficialData
import Rendering
import Synchronization
import YAMLFiles

/// What to build in one run.
public struct BuildRequest: Sendable {
    public var packs: [String] = []
    public var authorities: [String] = []
    /// A file of authorities, one name or code a line (`--authorities FILE`; blank lines and `#` comments skipped).
    public var authorityList: String?
    /// Build `packs` (one template) for every authority in the official data.
    public var allAuthorities = false
    public var style: String?
    /// `--meeting` and `--since`: the meeting date on the front sheet, and what counts as new.
    public var meeting: PartialDate?
    public var since: PartialDate?
    public var dpi: Double = 150
    /// Packs built at once; each owns its own Cairo and Pango handles.
    public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Rebuild even when the manifest says nothing changed.
    public var force = false
    public var quiet = false
    public var clock: PhaseClock?
    /// Which kinds of file to write (`--formats`); every kind by default.
    public var formats: Set<OutputFormat> = Set(OutputFormat.allCases)

    public init() {}
}

/// One pack to build and what came of it.
struct BuildJob: Sendable {
    /// A defined pack, read once when the run is planned (a definition that cannot be read
    /// fails that pack alone), or an authority's pack from the official data.
    enum Kind: Sendable {
        case pack(Result<PackDefinition, InputError>), authority(String, template: PackDefinition?)
        /// The comparison pack for a set of authorities.
        case group([String], id: String)
    }
    var kind: Kind
    var label: String
}

enum BuildOutcome: Sendable {
    case built([String])
    case upToDate([String])
    /// Messages, and the sysexits status this failure calls for (65 data, 73/74 writing, 70 other).
    case failed([String], ExitStatus = .dataError)
}

extension Briefing {
    /// Builds the requested packs, in parallel, skipping any whose manifest shows nothing changed.
    /// One pack's bad data fails that pack only; the run ends with a summary and a non-zero exit.
    @_optimize(none) public static func build(_ request: BuildRequest, workspace: Workspace = Workspace(),
                             environment: [String: String] = ProcessInfo.processInfo.environment,
                             print: (String) -> Void = { Swift.print($0) },
                             printError: @escaping (String) -> Void = standardError) -> ExitStatus {
        var epoch: Int?
        if let raw = environment["SOURCE_DATE_EPOCH"] {
            guard let n = Int(raw), n >= 0 else {
                printError("SOURCE_DATE_EPOCH should be a whole number of seconds since 1970, found \"\(raw)\"")
                return .usage
            }
            epoch = n
        }
        Manifest.removeStaleTemporaries(in: workspace.out)
        // The official data, loaded once a run when any job needs it, and shared (read-only).
        var official: OfficialContext?
        func loadOfficial() throws(InputError) -> OfficialContext {
            if let official { return official }
            let start = DispatchTime.now().uptimeNanoseconds, cpu = PhaseClock.threadCPU()
            let context = try OfficialContext.load(workspace)
            request.clock?.add("load official data", Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, cpu: PhaseClock.threadCPU() - cpu)
            official = context
            return context
        }
        // The jobs, in a fixed order so output listings are the same every run.
        var jobs: [BuildJob] = []
        if request.allAuthorities {
            guard request.packs.count <= 1 else {
                printError("--all-authorities takes at most one --pack to use as the template")
                return .usage
            }
            var template: PackDefinition?
            if let id = request.packs.first {
                do { template = try PackDefinition.load(path: workspace.packPath(id)) } catch {
                    for d in error.diagnostics { printError(d.description) }
                    return .dataError
                }
            }
            do {
                let store = try loadOfficial().store
                jobs = store.directory.sorted { $0.dfeCode < $1.dfeCode }.map {
                    BuildJob(kind: .authority(String($0.dfeCode), template: template), label: $0.name)
                }
            } catch {
                for d in error.diagnostics { printError(d.description) }
                return .dataError
            }
        } else {
            var authorities = request.authorities
            if let list = request.authorityList {
                do {
                    let data = try InputFile.read(list, limit: 1_000_000, what: "a list of authorities")
                    authorities += String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
                        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
                } catch {
                    for d in error.diagnostics { printError(d.description) }
                    return error.kind == .noInput ? .noInput : .dataError
                }
                if authorities.isEmpty { printError("\(list): no authorities listed (one name or code a line)"); return .dataError }
            }
            let ids = request.packs.isEmpty && authorities.isEmpty ? workspace.packIDs() : request.packs
            if ids.isEmpty && authorities.isEmpty {
                printError("\(workspace.packsFolder): no pack definitions found")
                return .dataError
            }
            var definitions: [(String, Result<PackDefinition, InputError>)] = []
            for id in ids {
                if !FileManager.default.fileExists(atPath: workspace.packPath(id)) {
                    let known = workspace.packIDs()
                    printError("no pack \"\(id)\" in \(workspace.packsFolder)\(Suggestion.hint(for: id, in: known)); known packs: \(known.joined(separator: ", "))")
                    return .dataError
                }
                definitions.append((id, Result { () throws(InputError) in try PackDefinition.load(path: workspace.packPath(id)) }))
            }
            if authorities.isEmpty {
                jobs = definitions.map { BuildJob(kind: .pack($0.1), label: $0.0) }
            } else {
                // `--authority X --pack Y`: pack Y for X (Y itself when it is X's own record's pack);
                // several authorities: each one's packs, then one comparison pack for the set.
                let entries: [AuthorityEntry]
                do {
                    let store = try loadOfficial().store
                    entries = try authorities.map { q throws(InputError) in
                        let (e, note) = try store.resolve(q)
                        if let note { printError("note: \(note)") }
                        return e
                    }
                } catch {
                    for d in error.diagnostics { printError(d.description) }
                    return .dataError
                }
                var seen: Set<Int> = []
                for (query, entry) in zip(authorities, entries) where seen.insert(entry.dfeCode).inserted {
                    if definitions.isEmpty { jobs.append(BuildJob(kind: .authority(query, template: nil), label: entry.name)); continue }
                    for (id, definition) in definitions {
                        let template = try? definition.get()
                        if let template, let r = template.recordPath,
                           (try? RecordLoader.load(path: workspace.recordPath(r), frameworksPath: workspace.frameworksPath, yaml: .files))?.authority.dfeCode == entry.dfeCode {
                            jobs.append(BuildJob(kind: .pack(definition), label: id))
                        } else if let template {
                            jobs.append(BuildJob(kind: .authority(query, template: template), label: "\(entry.name) \(id)"))
                        } else {
                            jobs.append(BuildJob(kind: .pack(definition), label: id))
                        }
                    }
                }
                if seen.count > 1 {
                    let stem = request.authorityList.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
                    let id = (stem.map { PackDefinition.slug($0) + "-" } ?? "") + "comparison"
                    jobs.append(BuildJob(kind: .group(entries.map { String($0.dfeCode) }, id: id), label: "comparison of \(seen.count) authorities"))
                }
            }
        }

        // Official data is loaded once and shared (read-only) by every job that needs it.
        let needsOfficial = jobs.contains { job in
            if case let .pack(definition) = job.kind { return (try? definition.get())?.needsOfficialData ?? false }
            return true
        }
        // Inputs shared by many packs (the official data, fonts) are hashed once a run, starting
        // now, beside the official data's load.
        let hashes = Manifest.HashCache()
        hashes.prefetch(workspace, official: needsOfficial, styles: Set(jobs.map { job -> String in
            if let style = request.style { return style }
            switch job.kind {
            case let .pack(definition): return (try? definition.get())?.style ?? "default"
            case let .authority(_, template): return template?.style ?? "default"
            case .group: return "default"
            }
        }))
        if needsOfficial {
            do {
                _ = try loadOfficial()
            } catch {
                for d in error.diagnostics { printError(d.description) }
                return .dataError
            }
        }
        let pipeline = {
            var p = PackPipeline(workspace: workspace, dpi: request.dpi, sourceDateEpoch: epoch, styleOverride: request.style,
                                 official: official, clock: request.clock, formats: request.formats)
            p.meetingOverride = request.meeting
            p.sinceOverride = request.since
            p.buildChartsApart = jobs.count == 1
            return p
        }()
        let progress = Progress(total: jobs.count, quiet: request.quiet)
        final class Outcomes: Sendable {
            let items: Mutex<[BuildOutcome?]>
            init(_ n: Int) { items = Mutex(Array(repeating: nil, count: n)) }
            func set(_ i: Int, _ o: BuildOutcome) { items.withLock { $0[i] = o } }
        }
        let results = Outcomes(jobs.count)
        let runEpoch = epoch
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = max(1, request.jobs)
        for (i, job) in jobs.enumerated() {
            queue.addOperation {
                let outcome = buildOne(job, pipeline: pipeline, request: request, hashes: hashes, epoch: runEpoch)
                results.set(i, outcome)
                switch outcome {
                case .built: progress.finished(job.label, "built")
                case .upToDate: progress.finished(job.label, "up to date")
                case .failed: progress.finished(job.label, "FAILED")
                }
            }
        }
        queue.waitUntilAllOperationsAreFinished()

        var built = 0, current = 0, failed = 0, status = ExitStatus.ok
        for (job, outcome) in zip(jobs, results.items.withLock { $0 }) {
            switch outcome! {
            case let .built(paths): built += 1; for p in paths { print(p) }
            case .upToDate: current += 1
            case let .failed(messages, why):
                failed += 1
                if status == .ok || why != .dataError { status = why }
                for m in messages { printError(m) }
                printError("pack \"\(job.label)\" not built; its previous output, if any, is unchanged")
            }
        }
        if jobs.count > 1 || current > 0 || failed > 0 {
            print("\(jobs.count) pack\(jobs.count == 1 ? "" : "s"): \(built) built, \(current) up to date, \(failed) failed")
        }
        return status
    }

    static func buildOne(_ job: BuildJob, pipeline: PackPipeline, request: BuildRequest, hashes: Manifest.HashCache, epoch: Int?) -> BuildOutcome {
        let ws = pipeline.workspace
        do {
            // load: every file the pack is drawn from is read, and noted, before anything is laid out.
            let loaded: PackPipeline.LoadedPack
            var options = ["dpi": String(request.dpi), "style": request.style ?? "", "source_date_epoch": epoch.map(String.init) ?? "",
                           "meeting": request.meeting?.iso ?? "", "since": request.since?.iso ?? "",
                           "formats": OutputFormat.manifestValue(request.formats)]
            switch job.kind {
            case let .pack(definition): loaded = try pipeline.load(pack: definition.get())
            case let .authority(query, template): loaded = try pipeline.load(authority: query, template: template)
            case let .group(queries, groupID):
                loaded = try pipeline.load(group: queries, id: groupID)
                // The set is given on the command line or in a list file, not in any input file.
                options["authorities"] = loaded.pack.pages.lazy.compactMap { $0.list("authorities") }.first?.joined(separator: " ") ?? ""
            }
            let id = loaded.pack.id
            let inputHashes = pipeline.timed("hash inputs") { Manifest.hashes(loaded.inputs, cache: hashes) }
            var manifest = Manifest(tool: Manifest.toolIdentity, inputs: inputHashes, fonts: loaded.fonts,
                                    options: options, outputs: [])
            let stored = Manifest.load(out: ws.out, id: id)
            if !request.force && manifest.matches(stored, in: ws.out) { return .upToDate(stored!.outputs.map { "\(ws.out)/\($0)" }) }
            let composed = try pipeline.compose(loaded)
            var files = try pipeline.draw(composed)
            // Outputs are recorded by name, so a manifest does not depend on where out/ is.
            manifest.outputs = files.map { URL(fileURLWithPath: $0.path).lastPathComponent }
            manifest.outputHashes = Dictionary(files.map { (URL(fileURLWithPath: $0.path).lastPathComponent, Manifest.hash($0.data)) }) { a, _ in a }
            let written = files.map(\.path)
            files.append(OutputFile(path: Manifest.path(out: ws.out, id: id), data: manifest.encoded()))
            // Every file is staged first, then moved into place in order, the manifest last; not
            // flushed to the disk one by one (see `AtomicWriter.durable`).
            try pipeline.timed("write") { try AtomicWriter(durable: false).write(files.map { ($0.path, $0.data) }) }
            return .built(written)
        } catch let error as InputError {
            return .failed(error.diagnostics.map(\.description), error.kind == .noInput ? .noInput : error.kind == .io ? .ioError : .dataError)
        } catch let error as AtomicWriter.WriteError {
            if case .io = error { return .failed([error.description], .ioError) }
            return .failed([error.description], .cannotCreateOutput)
        } catch let error as WorkbookError {
            if case .io = error { return .failed([error.description], .ioError) }
            return .failed(["\(job.label): internal error: \(error)"], .software)
        } catch {
            return .failed(["\(job.label): internal error: \(error)"], .software)
        }
    }
}
