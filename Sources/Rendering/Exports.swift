/// Rendering's API speaks in CairoKit's geometry, colours, fonts and text engine (a chart is laid
/// out in a `Rect` with a `TextEngine`), so a module that imports Rendering sees them too.
@_exported import CairoKit
