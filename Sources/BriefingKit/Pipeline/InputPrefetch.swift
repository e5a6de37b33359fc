import Foundation
import OfficialData
import Rendering
import Synchronization
import YAMLFiles

extension Manifest.HashCache {
    /// Starts hashing, on a thread of its own, files the packs of this run will read: when
    /// `official`, what the official data's load reads (the compact data and its sources, the
    /// indicator catalogue, the frameworks, every record), and the font files of `styles`. It
    /// runs while the official data loads (one pack's hashes and font lookups were a tenth of its
    /// time, after that load) and also wakes fontconfig, so the first pack's fonts come faster.
    /// Only files some pack reads are opened: a manifest lists exactly the files its build
    /// opened. `Manifest.hashes` waits for the prefetch to finish.
    ///
    /// A file hashed here, before its pack reads it, that changes in between is hashed as it was
    /// before: its manifest then does not match the new file, and the next run rebuilds. Hashing
    /// after the read could do the opposite and keep a stale pack.
    func prefetch(_ workspace: Workspace, official: Bool, styles: Set<String>) {
        let files = !official ? [] : [workspace.indicatorsPath, workspace.frameworksPath, workspace.dataSourcesPath]
            + [OfficialDataStore.outcomesFile, OfficialDataStore.indicatorsFile, OfficialDataStore.neighboursFile, OfficialDataStore.directoryFile]
            .map { "\(workspace.dataFolder)/\($0)" }
            + workspace.recordPaths()
        prefetching.enter()
        DispatchQueue.global().async { [self] in
            defer { prefetching.leave() }
            var all = files
            if let engine = try? TextEngine.forCurrentThread() {
                for name in styles.sorted() {
                    guard let style = try? StyleLoader.load(path: workspace.stylePath(name), yaml: .files) else { continue }
                    all += engine.fontFiles(style.fontFamilies).map(\.file).filter { $0.hasPrefix("/") }
                }
            }
            _ = Manifest.hashes(all, cache: self, waiting: false)
        }
    }

    /// Returns once any `prefetch` has finished.
    func waitForPrefetch() { prefetching.wait() }
}
