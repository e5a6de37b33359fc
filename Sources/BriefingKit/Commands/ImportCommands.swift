import Diagnostics
import Foundation
import Judgements
import OfficialData
import YAMLFiles

extension Briefing {
    /// `briefing import ofsted FILE`: a transaction on `Reports/data/ofsted-outcomes.csv`. The
    /// publication (ODS, or a CSV export of one sheet) is read and checked whole, compared with
    /// what is stored, and only then are the tables it holds replaced; the others stay.
    public static func importOfsted(path: String, csvSheet: OutcomeRow.Sheet = .history, allowFewer: Bool = false,
                                    workspace: Workspace = Workspace(),
                                    print: (String) -> Void = { Swift.print($0) },
                                    printError: (String) -> Void = standardError) -> ExitStatus {
        run(printError) {
            let (rows, sheets) = try OfficialImport.ofstedTables(path: path, csvSheet: csvSheet)
            let storedPath = "\(workspace.dataFolder)/\(OfficialDataStore.outcomesFile)"
            let stored = FileManager.default.fileExists(atPath: storedPath) ? try OfstedOutcomesImport.readCSV(path: storedPath) : []
            let update = try OutcomesUpdate(new: rows, sheets: sheets, stored: stored, allowFewer: allowFewer, file: path)
            for w in update.warnings { printError(w.description) }
            for line in update.summary { print(line) }
            // Joined to DfE's directory (and so to the indicators and neighbours) by ONS code,
            // current or former, or by name: any authority that cannot be joined is named.
            let dirPath = "\(workspace.dataFolder)/\(OfficialDataStore.directoryFile)"
            if FileManager.default.fileExists(atPath: dirPath) {
                let directory = try OfficialDataStore(outcomes: [], observations: [], neighbourGroups: [],
                                                      directory: DfEUpdate.Stored.load(folder: workspace.dataFolder).directory)
                var seen: Set<String> = []
                for r in update.merged where seen.insert(r.name + "|" + (r.onsCode ?? "")).inserted {
                    if (try? directory.resolve(r.onsCode ?? r.name)) == nil && (try? directory.resolve(r.name)) == nil {
                        print("not joined: \(r.name) (ONS \(r.onsCode ?? "none")) in Ofsted\u{2019}s file matches no authority in the DfE directory by code or name")
                    }
                }
            }
            let store = OfficialDataStore(outcomes: update.merged, observations: [], neighbourGroups: [], directory: [])
            try write(store, only: [OfficialDataStore.outcomesFile], workspace: workspace, print: print)
        }
    }

    /// `briefing import dfe FILES`: a transaction on the indicator, neighbour and directory files.
    /// Each file is recognised by its columns; the indicators it holds replace those stored, every
    /// other indicator stays, and the stored neighbour model stays unless a new one is given.
    public static func importDfE(paths: [String], home: Int?, allowFewer: Bool = false, workspace: Workspace = Workspace(),
                                 print: (String) -> Void = { Swift.print($0) },
                                 printError: (String) -> Void = standardError) -> ExitStatus {
        run(printError) {
            let indicators = try IndicatorCatalogue.load(path: workspace.indicatorsPath, yaml: .files)
            let stored = try DfEUpdate.Stored.load(folder: workspace.dataFolder)
            let update = try DfEUpdate(paths: paths, indicators: indicators, home: home, stored: stored, allowFewer: allowFewer)
            for w in update.warnings { printError(w.description) }
            for line in update.summary { print(line) }
            try write(update.store, only: [OfficialDataStore.indicatorsFile, OfficialDataStore.neighboursFile, OfficialDataStore.directoryFile],
                      workspace: workspace, print: print)
        }
    }

    /// Writes the files that differ from what is stored, all at once; says so when none does.
    static func write(_ store: OfficialDataStore, only names: [String], workspace: Workspace, print: (String) -> Void) throws {
        let files = store.compactFiles().filter { names.contains($0.name) }.map { ("\(workspace.dataFolder)/\($0.name)", $0.data) }
            .filter { FileManager.default.contents(atPath: $0.0) != $0.1 }
        guard !files.isEmpty else { print("\(workspace.dataFolder): nothing changed"); return }
        try AtomicWriter().write(files)
        for (path, _) in files { print(path) }
    }

    /// Maps the typed errors of a command body to sysexits statuses and messages.
    static func run(_ printError: (String) -> Void, _ body: () throws -> Void) -> ExitStatus {
        do {
            try body()
            return .ok
        } catch let error as InputError {
            for d in error.diagnostics { printError(d.description) }
            switch error.kind {
            case .data: return .dataError
            case .noInput: return .noInput
            case .io: return .ioError
            }
        } catch let error as AtomicWriter.WriteError {
            printError(error.description)
            if case .io = error { return .ioError }
            return .cannotCreateOutput
        } catch {
            printError("internal error: \(error)")
            return .software
        }
    }

    public static let standardError: @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
}
