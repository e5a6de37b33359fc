import Diagnostics
import Foundation
import Judgements
import OfficialData

extension Briefing {
    /// `briefing import ofsted FILE`: rewrites `Reports/data/ofsted-outcomes.csv` from the
    /// publication (ODS, or a CSV export of one sheet).
    public static func importOfsted(path: String, csvSheet: OutcomeRow.Sheet = .history, workspace: Workspace = Workspace(),
                                    print: (String) -> Void = { Swift.print($0) },
                                    printError: (String) -> Void = standardError) -> ExitStatus {
        run(printError) {
            let rows = try OfficialImport.ofsted(path: path, csvSheet: csvSheet)
            let store = OfficialDataStore(outcomes: rows, observations: [], neighbourGroups: [], directory: [])
            try write(store, only: [OfficialDataStore.outcomesFile], workspace: workspace, print: print)
            let counts = OutcomeRow.Sheet.allCases.map { s in "\(rows.filter { $0.sheet == s }.count) \(s.rawValue)" }
            print("read \(counts.joined(separator: ", ")) rows from \(path)")
        }
    }

    /// `briefing import dfe FILES`: rewrites the indicator, neighbour and directory files. With a
    /// home authority, keeps England, its region, it and its ten neighbours; `home: nil` keeps all.
    public static func importDfE(paths: [String], home: Int?, workspace: Workspace = Workspace(),
                                 print: (String) -> Void = { Swift.print($0) },
                                 printError: (String) -> Void = standardError) -> ExitStatus {
        run(printError) {
            let indicators = try IndicatorCatalogue.load(path: workspace.indicatorsPath)
            let (observations, neighbours, directory) = try OfficialImport.dfe(paths: paths, indicators: indicators, home: home)
            let store = OfficialDataStore(outcomes: [], observations: observations, neighbourGroups: neighbours, directory: directory)
            try write(store, only: [OfficialDataStore.indicatorsFile, OfficialDataStore.neighboursFile, OfficialDataStore.directoryFile],
                      workspace: workspace, print: print)
            let missing = observations.filter { $0.value.number == nil }.count
            print("kept \(observations.count) figures (\(missing) missing with a reason) for \(Set(observations.map(\.code)).count) places")
        }
    }

    static func write(_ store: OfficialDataStore, only names: [String], workspace: Workspace, print: (String) -> Void) throws {
        let files = store.compactFiles().filter { names.contains($0.name) }.map { ("\(workspace.dataFolder)/\($0.name)", $0.data) }
        try AtomicWriter().write(files)
        for (path, _) in files { print(path) }
    }

    /// Maps the typed errors of a command body to exit statuses and messages.
    static func run(_ printError: (String) -> Void, _ body: () throws -> Void) -> ExitStatus {
        do {
            try body()
            return .ok
        } catch let error as InputError {
            for d in error.diagnostics { printError(d.description) }
            return .dataError
        } catch let error as AtomicWriter.WriteError {
            printError(error.description)
            return .cannotCreateOutput
        } catch {
            printError("\(error)")
            return .software
        }
    }

    public static let standardError: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
}
