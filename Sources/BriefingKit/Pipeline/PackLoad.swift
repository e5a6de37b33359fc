import Diagnostics
import Foundation
import Judgements
import OfficialData
import Rendering
import YAMLFiles

extension PackPipeline {
    /// A pack with everything it is drawn from read, and the names of what was read: the load
    /// step's result. `briefing build` hashes `inputs` into the manifest before anything is laid
    /// out, so an up-to-date pack costs a load, not a build.
    public struct LoadedPack {
        public var pack: PackDefinition
        public var record: AuthorityRecord
        public var official: OfficialContext?
        public var style: Style
        var questionRules: [QuestionRule]
        /// Every file the load step read, sorted (a listed folder ends in `/`): the pack
        /// definition, the authority records (every one, when the official data is used: any
        /// of them can be a neighbour or part of the national picture), the compact data and its
        /// sources, the indicator catalogue, the question rules, the frameworks, the style and
        /// its bases, and the font files Pango resolved.
        public var inputs: [String]
        /// The faces those fonts were resolved for, "family face: file", for the manifest's reader.
        public var fonts: [String]
    }

    /// load, for a pack defined in `Reports/packs`.
    public func load(pack: PackDefinition) throws -> LoadedPack {
        try loading(pack) { () throws -> (AuthorityRecord, OfficialContext?) in
            guard let recordPath = pack.recordPath else {
                throw InputError(SourceLocation(file: pack.definitionPath), "the pack names no authority record")
            }
            // With the official data, a quote's indicator is checked against its catalogue.
            let official = pack.needsOfficialData ? try officialContext() : nil
            let path = workspace.recordPath(recordPath)
            // Read already, and checked the same way, with the official data.
            if let known = official?.records[path] { return (known, official) }
            let record = try RecordLoader.load(path: path, frameworksPath: workspace.frameworksPath,
                                               indicators: official?.indicators.map(\.id), yaml: .files)
            return (record, official)
        }
    }

    /// load, for any authority from the official data (`briefing build --authority`): the
    /// default authority pack, or `template`'s pages under `<slug>-<template id>`.
    public func load(authority query: String, template: PackDefinition? = nil) throws -> LoadedPack {
        let official = try officialContext()
        let entry = try official.store.authority(query)
        return try loading(PackDefinition.forAuthority(entry.name, template: template, query: query)) { () throws -> (AuthorityRecord, OfficialContext?) in
            let frameworks = try FrameworkLoader.load(path: workspace.frameworksPath, yaml: .files)
            // An authority with a hand-written record (Liverpool) is drawn from it, not from the official file alone.
            let record = official.judgements.records[entry.dfeCode]
                ?? OfficialRecord.make(for: entry, store: official.store, frameworks: frameworks, outcomesSource: official.outcomesSource)
            return (record, official)
        }
    }

    /// load, for the comparison pack of a set of authorities.
    public func load(group queries: [String], id: String) throws -> LoadedPack {
        let official = try officialContext()
        var group: [AuthorityEntry] = []
        for q in queries { let e = try official.store.authority(q); if !group.contains(e) { group.append(e) } }
        return try loading(PackDefinition.comparison(of: group, id: id)) { () throws -> (AuthorityRecord, OfficialContext?) in
            let frameworks = try FrameworkLoader.load(path: workspace.frameworksPath, yaml: .files)
            let cite = Citation(sourceID: official.outcomesSource.id, locator: nil)
            // Named for the sentences that use an authority's name ("No figure of the six authorities …").
            let authority = Authority(name: "the " + PackDefinition.comparisonName(group.count).lowercased().replacingOccurrences(of: " compared", with: ""),
                                      council: PackDefinition.comparisonName(group.count), dfeCode: 0, onsCode: "",
                                      ofstedRegion: Array(Set(group.map(\.region))).sorted().joined(separator: ", "), ofstedURN: nil,
                                      statisticalNeighbours: [], source: cite)
            return (AuthorityRecord(authority: authority, sources: [official.outcomesSource], events: [], eras: frameworks.eras), official)
        }
    }

    /// Runs `read` (the record and the official data) and then reads what every pack needs (its
    /// style, its question rules, its fonts), noting every file; the definition's own file was
    /// read when the run was planned and is added here.
    func loading(_ definition: PackDefinition, _ read: () throws -> (AuthorityRecord, OfficialContext?)) throws -> LoadedPack {
        var pack = definition
        if let meetingOverride { pack.frontSheet.meeting = meetingOverride }
        if let sinceOverride { pack.since = sinceOverride }
        let (loaded, files) = try timed("load") {
            try ReadLog.recording { () throws -> LoadedPack in
                ReadLog.note(pack.readFrom)
                let (record, official) = try read()
                // Loaded once per run and shared, so its files were noted in its own log.
                if let official { ReadLog.note(official.files) }
                let style = try StyleLoader.load(path: workspace.stylePath(styleOverride ?? pack.style), yaml: .files)
                let rules = pack.pages.contains { $0.kind == .questions } ? try QuestionRule.load(path: workspace.questionsPath) : []
                let fonts = try TextEngine.forCurrentThread().fontFiles(style.fontFamilies)
                ReadLog.note(fonts.map(\.file).filter { $0.hasPrefix("/") })
                return LoadedPack(pack: pack, record: record, official: official, style: style, questionRules: rules,
                                  inputs: [], fonts: fonts.map { "\($0.face): \($0.file)" })
            }
        }
        var result = loaded
        result.inputs = files
        return result
    }
}
