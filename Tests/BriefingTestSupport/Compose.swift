import BriefingKit
import Foundation

/// The one way tests compose a pack in-process (load, aggregate, lay out; no file written), as
/// `briefing build` composes it: pack `id` from `Reports/packs`, or with `authority` that
/// authority's pack from the official data (`--authority`), on `id`'s pages when `id` is given
/// (`--authority X --pack id`). `style` overrides the pack's own (`--style`).
public func composePack(_ id: String? = nil, authority: String? = nil, style: String? = nil,
                        in workspace: TestWorkspace = .repository) throws -> PackPipeline.ComposedPack {
    let kit = workspace.kit()
    let pipeline = PackPipeline(workspace: kit, styleOverride: style)
    guard let authority else { return try pipeline.compose(packID: id ?? "liverpool-judgements") }
    return try pipeline.compose(authority: authority, template: try id.map { try PackDefinition.load(path: kit.packPath($0)) })
}
