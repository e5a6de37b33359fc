import ArgumentParser
import BriefingKit
import Judgements
import OfficialData
import Foundation
import Rendering

/// `briefing`: builds briefing packs on local authority children's services.
struct BriefingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "briefing",
        abstract: "Build Ofsted children's services briefing packs (PDF, PNG, SVG) from authority records.",
        version: BriefingVersion.string,
        subcommands: [Build.self, List.self, Validate.self, Export.self, Import.self])
}

struct Folders: ParsableArguments {
    @Option(help: "Folder of pack definitions and authority records (default: Reports in the current folder, else beside the executable).") var reports: String?
    @Option(help: "Folder of style files (default: Styles in the current folder, else beside the executable).") var styles: String?
    @Option(help: "Folder the outputs are written to.") var out = "out"

    /// For the subcommands that read Reports only (validate, export, import).
    var workspace: Workspace { located(say: .unlessGiven, about: ["Reports"]) }

    enum Say { case always, unlessGiven, never }

    /// The workspace, saying on standard error where the folders `about` were found: `always`
    /// for builds (unless --quiet), `unlessGiven` for folders not named by a flag.
    func located(say: Say, about: Set<String> = ["Reports", "Styles"]) -> Workspace {
        let (ws, r, s) = Workspace.located(reports: reports, styles: styles, out: out)
        let told = [("Reports", r), ("Styles", s)].filter {
            about.contains($0.0) && (say == .always || (say == .unlessGiven && $0.1.origin != .flag))
        }
        if !told.isEmpty {
            let line = told.map { "\($0.0): \($0.1.description)" }.joined(separator: "; ")
            FileHandle.standardError.write(Data("briefing: using \(line)\n".utf8))
        }
        return ws
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build packs into the output folder.")
    @Option(name: .customLong("pack"), help: "A pack id from Reports/packs (repeatable; default: every pack).") var packs: [String] = []
    @Option(name: .customLong("authority"), help: "Build the --pack (default: the authority pack) for this authority: a name, DfE code or ONS code. Repeat for a set, which also gets one comparison pack.") var authorities: [String] = []
    @Option(name: .customLong("authorities"), help: "A file of authorities, one name or code a line: each one's packs, plus one comparison pack for the set.") var authorityList: String?
    @Option(help: "A style from Styles/ to use instead of the pack's own.") var style: String?
    @Option(help: "Resolution of chart PNGs.") var dpi: Double = 150
    @Option(help: "The meeting date on the front sheet (e.g. 2026-12-03), over the pack's own.") var meeting: String?
    @Option(help: "What counts as new: things published on or after this date (e.g. the last meeting, 2026-09-17).") var since: String?
    @Flag(help: "Build the --pack (one, as a template) for every authority in the official data.") var allAuthorities = false
    @Option(help: "Packs built at once (default: the number of cores).") var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @Flag(help: "Rebuild even when nothing has changed.") var force = false
    @Flag(help: "No progress output.") var quiet = false
    @Flag(help: "Print where the time went (load, lay out, draw, encode, write).") var timings = false
    @Option(help: "Kinds of file to write, comma-separated: pdf, html, png, svg, csv, txt, xlsx (default: all).") var formats = "pdf,html,png,svg,csv,txt,xlsx"
    @OptionGroup var folders: Folders

    func validate() throws {
        guard (36...1200).contains(dpi) else { throw ValidationError("--dpi must be between 36 and 1200") }
        if case let .failure(error) = OutputFormat.parse(formats) { throw ValidationError("--formats: \(error)") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if let meeting, PartialDate.parse(meeting)?.precision != .day { throw ValidationError("--meeting \"\(meeting)\" is not a date: write 2026-12-03") }
        if let since, PartialDate.parse(since) == nil { throw ValidationError("--since \"\(since)\" is not a date: write 2026-09-17") }
    }

    func run() throws {
        var request = BuildRequest()
        request.packs = packs
        request.authorities = authorities
        request.authorityList = authorityList
        request.allAuthorities = allAuthorities
        request.style = style
        request.meeting = meeting.flatMap(PartialDate.parse)
        request.since = since.flatMap(PartialDate.parse)
        request.dpi = dpi
        request.jobs = jobs
        request.force = force
        request.quiet = quiet
        request.clock = timings ? PhaseClock() : nil
        request.formats = (try? OutputFormat.parse(formats).get()) ?? Set(OutputFormat.allCases)
        let status = Briefing.build(request, workspace: folders.located(say: quiet ? .never : .always))
        if let clock = request.clock {
            FileHandle.standardError.write(Data(("step".padding(toLength: 30, withPad: " ", startingAt: 0) + "    wall      CPU\n").utf8))
            for (phase, seconds, cpu) in clock.report {
                let name = phase.padding(toLength: 30, withPad: " ", startingAt: 0)
                FileHandle.standardError.write(Data((name + String(format: "%8.1f %8.1f ms\n", seconds * 1000, cpu * 1000)).utf8))
            }
        }
        if status != .ok { throw ExitCode(status.rawValue) }
    }
}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the packs, charts and styles.")
    @OptionGroup var folders: Folders

    func run() throws {
        let status = Briefing.list(workspace: folders.located(say: .unlessGiven))
        if status != .ok { throw ExitCode(status.rawValue) }
    }
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check authority records and report every problem.")
    @Argument(help: "Record files (default: every file in Reports/authorities).") var files: [String] = []
    @OptionGroup var folders: Folders

    func run() throws {
        let status = Briefing.validate(files: files, workspace: folders.workspace)
        if status != .ok { throw ExitCode(status.rawValue) }
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a validated record and its aggregated answers for other tools.")
    @Flag(help: "Write JSON (the only format so far).") var json = false
    @Option(help: "The record file (default: the only one in Reports/authorities).") var record: String?
    @Option(name: .customLong("output"), help: "Write to this file instead of standard output.") var output: String?
    @OptionGroup var folders: Folders

    func validate() throws {
        guard json else { throw ValidationError("choose a format: --json") }
    }

    func run() throws {
        let status = Briefing.export(record: record, output: output, workspace: folders.workspace)
        if status != .ok { throw ExitCode(status.rawValue) }
    }
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild Reports/data from newly published official files.",
        subcommands: [ImportOfsted.self, ImportDfE.self])
}

struct ImportOfsted: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ofsted", abstract: "Read Ofsted's local authority inspection outcomes (ODS, or a CSV export of one sheet).")
    @Argument(help: "The .ods publication or a .csv export.") var file: String
    @Option(help: "For a CSV export: which sheet it is (latest, in-year, history); only that table is replaced.") var sheet: String = "history"
    @Flag(help: "Accept a table naming far fewer authorities than are stored (a deliberate subset).") var allowFewer = false
    @OptionGroup var folders: Folders

    func run() throws {
        let sheets = ["latest": OutcomeRow.Sheet.latest, "in-year": .inYear, "history": .history]
        guard let s = sheets[sheet] else { throw ValidationError("--sheet must be latest, in-year or history") }
        let status = Briefing.importOfsted(path: file, csvSheet: s, allowFewer: allowFewer, workspace: folders.workspace)
        if status != .ok { throw ExitCode(status.rawValue) }
    }
}

struct ImportDfE: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dfe", abstract: "Read DfE Explore Education Statistics CSVs and the statistical neighbour model.")
    @Argument(help: "The CSV files: indicator files replace only the indicators they hold; sn_model_*.csv replaces the neighbour model.") var files: [String]
    @Option(help: "Keep only England, this authority's region, it and its neighbours (a DfE code; default: every authority).") var home: Int?
    @Flag(help: "Keep every authority (the default; kept for scripts that pass it).") var allAuthorities = false
    @Flag(help: "Accept files giving far fewer places than are stored (a deliberate subset).") var allowFewer = false
    @OptionGroup var folders: Folders

    func run() throws {
        let status = Briefing.importDfE(paths: files, home: allAuthorities ? nil : home, allowFewer: allowFewer, workspace: folders.workspace)
        if status != .ok { throw ExitCode(status.rawValue) }
    }
}

// A size limit (ulimit -f) then fails a write with "File too large" instead of killing the process.
signal(SIGXFSZ, SIG_IGN)
BriefingCommand.main()
