import Foundation
import Testing
import BriefingTestSupport

/// Whether this machine lets the tests mount a tmpfs in a private user and mount namespace
/// (`unshare -rm`, no root needed where unprivileged user namespaces are allowed).
let tmpfsMounts = (try? runProcess("unshare", ["-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"]).status) == 0

/// Runs `command` (a bash script; `$DISK` is the mount point) in a private namespace where
/// `disk`, an empty folder, is a tmpfs holding `copy` (if given, copied to `$DISK/<its name>`) and
/// a filler file that leaves only `free` bytes: a real full disk, where write(2) fails with
/// ENOSPC. What the command leaves on the disk is copied back to `disk`-saved, since the tmpfs
/// goes with the namespace.
func onAFullDisk(_ disk: String, copy: String? = nil, free: Int, _ command: String) throws -> ProcessResult {
    let script = """
        set -u
        mount -t tmpfs -o size=16m tmpfs "$DISK" || exit 99
        [ -z "$COPY" ] || cp -a "$COPY" "$DISK/"
        avail=$(df --output=avail -B1 "$DISK" | tail -1)
        head -c $(( avail - FREE )) /dev/zero > "$DISK/filler" 2>/dev/null
        \(command)
        status=$?
        rm -f "$DISK/filler"
        mkdir -p "$DISK-saved" && cp -a "$DISK/." "$DISK-saved/"
        exit $status
        """
    return try runProcess("unshare", ["-rm", "bash", "-c", script],
                          environment: ["DISK": disk, "COPY": copy ?? "", "FREE": String(free), "BIN": Briefing.binary])
}

/// The same as `contents`, without the test's own filler.
func savedContents(_ dir: String) throws -> [String: Data] { try contents(dir).filter { $0.key != "filler" } }

/// A full disk (ENOSPC), not a size limit (EFBIG, `DfEImportTransactions`): the import and the
/// build each stop with 74 and the system's own reason, and leave every stored file as it was.
@Suite(.serialized, .enabled(if: tmpfsMounts, "this machine does not allow a tmpfs in a user namespace (unshare -rm)"))
struct FullDisk {
    @Test func anImportOntoAFullDiskIs74AndChangesNothing() throws {
        let ws = try TestWorkspace.copy(), disk = "\(ws)/disk"
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        let latest = try exportOf(ws, sheet: "Inspections_as_at_31_March").map { $0.replacingOccurrences(of: "2025-01-20", with: "2025-01-21") }
        try writeFile("\(ws)/latest.csv", latest.joined(separator: "\n") + "\n")
        // 16 KB free: the new outcomes file (115 KB) cannot be staged.
        let r = try onAFullDisk(disk, copy: "\(ws)/Reports", free: 16_384,
                                "\"$BIN\" import ofsted --sheet latest --reports \"$DISK/Reports\" \"\(ws)/latest.csv\"")
        #expect(r.status == 74, "\(r.status): \(r.stderr)")
        #expect(r.stderr.contains("\(disk)/Reports/data/ofsted-outcomes.csv: cannot write: No space left on device"), "\(r.stderr)")
        #expect(try savedContents("\(disk)-saved/Reports/data") == (try contents("\(ws)/Reports/data")),
                "Reports/data byte for byte as it was, no staged file left")
    }

    @Test func aBuildOntoAFullDiskIs74AndLeavesThePreviousOutput() throws {
        let ws = try TestWorkspace.copy(), disk = "\(ws)/disk", previous = "\(ws)/out"
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        #expect(try buildIn(ws, out: previous, ["--pack", "liverpool-judgements"]).status == 0)
        let before = try contents(previous)
        // Room for the PDF and the HTML page but not the rest: the write fails part-way.
        let room = before["liverpool-judgements.pdf"]!.count + before["liverpool-judgements.html"]!.count + 65_536
        let r = try onAFullDisk(disk, copy: previous, free: room,
                                "\"$BIN\" build --force --pack liverpool-judgements --reports \"\(ws)/Reports\" --styles \"\(ws)/Styles\" --out \"$DISK/out\"")
        #expect(r.status == 74, "\(r.status): \(r.stderr)")
        #expect(r.stderr.contains(": cannot write: No space left on device"), "\(r.stderr)")
        #expect(r.stderr.contains("pack \"liverpool-judgements\" not built; its previous output, if any, is unchanged"))
        #expect(try savedContents("\(disk)-saved/out") == before, "every previous output byte for byte, no staged file left")
    }

    /// The workbook is made in the temporary folder before anything is staged; a full one was
    /// "internal error" and exit 70 (libxlsxwriter says only ZIP_ERRNO). Now 74 with the reason.
    @Test func aFullTemporaryFolderIs74WithTheReason() throws {
        let ws = try TestWorkspace.copy(), disk = "\(ws)/disk", out = "\(ws)/out"
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        #expect(try buildIn(ws, out: out, ["--pack", "liverpool-judgements"]).status == 0)
        let before = try contents(out)
        let r = try onAFullDisk(disk, free: 4_096, "TMPDIR=\"$DISK\" \"$BIN\" build --force --pack liverpool-judgements --reports \"\(ws)/Reports\" --styles \"\(ws)/Styles\" --out \"\(out)\"")
        #expect(r.status == 74, "\(r.status): \(r.stderr)")
        #expect(r.stderr.contains("liverpool-judgements.xlsx: cannot write the workbook in the temporary folder: No space left on device"), "\(r.stderr)")
        #expect(!r.stderr.contains("internal error"))
        #expect(try contents(out) == before)
        #expect(try savedContents("\(disk)-saved").isEmpty, "the workbook's temporary folder is removed")
    }
}
