import BriefingKit
import Foundation
import Testing
import BriefingTestSupport

/// The tarball `make dist` wrote, as `make test` passes it (BRIEFING_DIST); nil when not given.
enum DistTarball {
    static var path: String? {
        guard let p = ProcessInfo.processInfo.environment["BRIEFING_DIST"], FileManager.default.fileExists(atPath: p) else { return nil }
        return p
    }

    /// Unpacks the tarball into a fresh folder and returns its one top folder.
    static func unpack() throws -> String {
        let dir = try makeTemporaryFolder("briefing-dist")
        let r = try runProcess("tar", ["-xzf", path!, "-C", dir])
        guard r.status == 0 else { throw Failure("tar: \(r.stderr)") }
        let top = try FileManager.default.contentsOfDirectory(atPath: dir)
        guard top.count == 1, top[0].hasPrefix("briefing-"), top[0].hasSuffix("-linux-x86_64") else { throw Failure("top folders: \(top)") }
        return "\(dir)/\(top[0])"
    }

    /// Where the Swift runtime libraries the debug build links against live (to hide them).
    static var swiftRuntimeFolder: String? {
        guard let ldd = try? runProcess("ldd", [Briefing.binary]).stdout,
              let line = ldd.split(separator: "\n").first(where: { $0.contains("libswiftCore.so") }),
              let arrow = line.range(of: "=> ") else { return nil }
        let lib = line[arrow.upperBound...].split(separator: " ").first.map(String.init) ?? ""
        return lib.hasPrefix("/") ? URL(fileURLWithPath: lib).deletingLastPathComponent().path : nil
    }

    /// PATH without any folder that holds `swift` or `swiftc`.
    static var pathWithoutSwift: String {
        let fm = FileManager.default
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        return folders.filter { !fm.fileExists(atPath: "\($0)/swift") && !fm.fileExists(atPath: "\($0)/swiftc") }.joined(separator: ":")
    }

    /// Runs `program` from `/` in a bare environment: PATH without Swift, no LD_LIBRARY_PATH, a
    /// fresh HOME; and, where a mount namespace can be had, the Swift runtime folder hidden under
    /// an empty tmpfs, as on a machine that never had Swift. Returns the result and whether the
    /// runtime was hidden.
    static func runWithoutSwift(_ program: String, _ args: [String]) throws -> (ProcessResult, hidden: Bool) {
        let home = try makeTemporaryFolder("briefing-home")
        let bare = ["/usr/bin/env", "-i", "PATH=\(pathWithoutSwift)", "HOME=\(home)", program] + args
        if let runtime = swiftRuntimeFolder, canHide(runtime) {
            let script = "mount -t tmpfs none \"$1\" && shift && exec \"$@\""
            return (try runProcess("unshare", unshareFlags + ["sh", "-c", script, "sh", runtime] + bare, cwd: "/"), true)
        }
        return (try runProcess(bare[0], Array(bare.dropFirst()), cwd: "/"), false)
    }

    static let unshareFlags = getuid() == 0 ? ["--mount"] : ["--mount", "--map-root-user"]
    /// Whether this process may mount over `folder` in a mount namespace of its own (root, or
    /// unprivileged user namespaces); the mount is never seen outside that namespace.
    static func canHide(_ folder: String) -> Bool {
        (try? runProcess("unshare", unshareFlags + ["sh", "-c", "mount -t tmpfs none \"$1\"", "sh", folder]))?.status == 0
    }

    struct Failure: Error, CustomStringConvertible { var description: String; init(_ d: String) { description = d } }
}

@Suite(.serialized, .enabled(if: DistTarball.path != nil, "BRIEFING_DIST names no tarball: run `make test`, which makes one with `make dist`"))
struct DistTarballWithoutSwift {
    @Test func holdsTheBinaryItsDataAndTheReadme() throws {
        let root = try DistTarball.unpack()
        let fm = FileManager.default
        #expect(fm.isExecutableFile(atPath: "\(root)/bin/briefing"))
        for file in ["Reports/packs/scrutiny.yaml", "Reports/frameworks.yaml", "Reports/indicators.yaml", "Reports/data",
                     "Styles/default.yaml", "README.md"] {
            #expect(fm.fileExists(atPath: "\(root)/\(file)"), "\(file) in the tarball")
        }
    }

    @Test func linksNoSwiftLibrary() throws {
        let root = try DistTarball.unpack()
        let ldd = try runProcess("ldd", ["\(root)/bin/briefing"])
        #expect(ldd.status == 0, "\(ldd.stderr)")
        let swiftLibraries = ["libswift", "libFoundation", "lib_Foundation", "libdispatch", "libBlocksRuntime", "libXCTest", "libTesting"]
        for line in ldd.stdout.split(separator: "\n") {
            #expect(!swiftLibraries.contains { line.contains($0) }, "links a Swift library: \(line)")
            #expect(!line.contains("not found"), "a library is missing: \(line)")
        }
        #expect(ldd.stdout.contains("libpangocairo"), "ldd lists the system libraries: \(ldd.stdout)")
    }

    @Test func buildsEveryPackFromRootWithoutSwift() throws {
        let root = try DistTarball.unpack()
        let out = try makeTemporaryFolder("briefing-dist-out")
        let (r, hidden) = try DistTarball.runWithoutSwift("\(root)/bin/briefing", ["build", "--out", out])
        if hidden {
            // The same bare run of the debug build, which needs the Swift runtime, must fail.
            let (debug, _) = try DistTarball.runWithoutSwift(Briefing.binary, ["--version"])
            #expect(debug.status != 0, "the Swift runtime was not hidden: the debug build ran")
        } else {
            print("DistTests: no mount namespace here, so the Swift runtime was left in place (PATH still holds no Swift)")
        }
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("Reports: \(root)/Reports (beside the executable)"), "says where it found Reports: \(r.stderr)")
        #expect(r.stderr.contains("Styles: \(root)/Styles (beside the executable)"), "says where it found Styles: \(r.stderr)")

        let ids = try FileManager.default.contentsOfDirectory(atPath: "\(root)/Reports/packs")
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
        #expect(ids.count >= 4)
        // Laid out from the tarball's own Reports and Styles, which it was built from.
        let unpacked = TestWorkspace.existing(root)
        for id in ids {
            let pdf = "\(out)/\(id).pdf"
            #expect(r.stdout.contains(pdf), "\(id): listed as written")
            let composed = try composePack(id, in: unpacked)
            let pages = composed.renderer.layout(composed.document).count
            let info = try runProcess("pdfinfo", [pdf]).stdout
            #expect(info.contains("Pages:           \(pages)\n"), "\(id): \(pages) pages as laid out; pdfinfo says \(info)")
            let text = normaliseSpace(try runProcess("pdftotext", [pdf, "-"]).stdout)
            #expect(text.contains(normaliseSpace(composed.pack.title)), "\(id): the title \"\(composed.pack.title)\" in the text")
        }
        let charts = try FileManager.default.contentsOfDirectory(atPath: out)
        #expect(charts.contains("scrutiny-timeline.png") && charts.contains("scrutiny-timeline.svg"))
    }

    @Test func quietSaysNothingAndListFindsItsData() throws {
        let root = try DistTarball.unpack()
        let out = try makeTemporaryFolder("briefing-dist-out")
        let (quiet, _) = try DistTarball.runWithoutSwift("\(root)/bin/briefing", ["build", "--pack", "liverpool-judgements", "--out", out, "--quiet"])
        #expect(quiet.status == 0, "\(quiet.stderr)")
        #expect(quiet.stderr.isEmpty, "--quiet prints nothing on standard error: \(quiet.stderr)")
        let (list, _) = try DistTarball.runWithoutSwift("\(root)/bin/briefing", ["list"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("scrutiny"))
    }
}
