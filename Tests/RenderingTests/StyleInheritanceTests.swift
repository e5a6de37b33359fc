import Diagnostics
import Foundation
import Rendering
import Testing
import TestTools
import YAMLFiles

/// A style states only what differs from its base; after inheritance every key is still
/// required, and mistakes in a variant are located in the variant.
@Suite struct StyleInheritance {
    func folder(_ files: [String: String]) throws -> String {
        let dir = try makeTemporaryFolder()
        try FileManager.default.copyItem(atPath: Repo.path("Styles/default.yaml"), toPath: "\(dir)/default.yaml")
        for (name, text) in files { try writeFile("\(dir)/\(name).yaml", text) }
        return dir
    }

    @Test func aVariantInheritsEverythingItDoesNotSay() throws {
        let dir = try folder(["small": "base: default\nname: small\ndescription: Smaller notes\nsizes:\n  note: 9.5\ngrades:\n  good:\n    fill: \"#00FF00\"\n"])
        let base = try StyleLoader.load(path: "\(dir)/default.yaml", yaml: .files)
        let small = try StyleLoader.load(path: "\(dir)/small.yaml", yaml: .files)
        #expect(small.sizes.note == 9.5)
        #expect(small.sizes.body == base.sizes.body)
        #expect(small.grades[.good]?.fill.hex == "#00FF00")
        #expect(small.grades[.good]?.text == base.grades[.good]?.text, "a grade's other fields come from the base")
        #expect(small.colours == base.colours)
        // Loading notes both files, so a build's manifest hashes the base too.
        let (_, read) = try ReadLog.recording { () throws(InputError) in try StyleLoader.load(path: "\(dir)/small.yaml", yaml: .files) }
        #expect(read == ["\(dir)/default.yaml", "\(dir)/small.yaml"])
    }

    @Test func mistakesAreLocatedInTheVariant() throws {
        let dir = try folder(["typo": "base: default\nname: typo\ndescription: x\ncolours:\n  txet: \"#000000\"\n",
                              "loop": "base: loop\nname: loop\ndescription: x\n",
                              "missing": "base: nowhere\nname: m\ndescription: x\n"])
        for (name, expected) in [("typo", "typo.yaml:5:3"), ("loop", "loop.yaml:1:7"), ("missing", "missing.yaml:1:7")] {
            do {
                _ = try StyleLoader.load(path: "\(dir)/\(name).yaml", yaml: .files)
                Issue.record("\(name) should be refused")
            } catch {
                #expect(error.diagnostics.map(\.description).joined(separator: "\n").contains(expected), "\(name): \(error.diagnostics)")
            }
        }
    }

    @Test func shippedVariantsStateOnlyDifferences() throws {
        for name in ["greyscale", "rag", "large-print"] {
            let text = try String(contentsOfFile: Repo.path("Styles/\(name).yaml"), encoding: .utf8)
            #expect(text.contains("base: default"), "\(name)")
            #expect(text.split(separator: "\n").count < 60, "\(name) restates the default style")
        }
    }

    /// The typed sections are the only list of keys: each key names one field, and the default
    /// style gives every one (so a key added to a section without a value is caught here, not at
    /// draw time), and a style lacking one is refused by name.
    @Test func typedSectionsAndTheDefaultStyleAgree() throws {
        for keys in [Style.Sizes.keys, Style.Colours.keys, Style.Spacing.keys, Style.Strokes.keys] {
            #expect(Set(keys).count == keys.count, "a key named twice: \(keys)")
        }
        let style = try StyleLoader.load(path: Repo.path("Styles/default.yaml"), yaml: .files)
        #expect(style.strokes.rule == 0.75 && style.strokes.series == 2, "\(style.strokes)")
        #expect(style.sizes.entries.map(\.key) == Style.Sizes.keys)
        let text = try String(contentsOfFile: Repo.path("Styles/default.yaml"), encoding: .utf8)
        let dir = try makeTemporaryFolder()
        try writeFile("\(dir)/default.yaml", text.replacingOccurrences(of: "  rule: 0.75\n", with: ""))
        do {
            _ = try StyleLoader.load(path: "\(dir)/default.yaml", yaml: .files)
            Issue.record("a style without strokes.rule should be refused")
        } catch {
            #expect(error.diagnostics.map(\.description).joined().contains("gives no strokes.rule"), "\(error.diagnostics)")
        }
    }
}
