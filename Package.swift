// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "briefing",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "briefing", targets: ["briefing"]),
        .library(name: "Judgements", targets: ["Judgements"]),
        .library(name: "Rendering", targets: ["Rendering"]),
        .library(name: "CairoKit", targets: ["CairoKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CCairo", pkgConfig: "cairo",
                       providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CPango", pkgConfig: "pangocairo",
                       providers: [.apt(["libpango1.0-dev"])]),
        .systemLibrary(name: "BriefingZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // libdeflate compresses the PNGs: at its level 6, 14 % smaller files than zlib's level 3 in
        // less time. Its static archive is linked (see CairoKit), so no machine needs the library.
        .systemLibrary(name: "CDeflate", providers: [.apt(["libdeflate-dev"])]),
        // libxml2's streaming reader, for ODS content.xml of any size (Foundation's parser keeps
        // libxml2's 10 MB limits and called a valid 40 MB file malformed).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // qpdf's C API: finishes cairo's tagged PDF (language, XMP, alt text, artifacts) by walking objects.
        .systemLibrary(name: "CQPDF", pkgConfig: "libqpdf", providers: [.apt(["libqpdf-dev"])]),
        // libxlsxwriter: one spreadsheet per pack with a sheet per chart.
        .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // Located diagnostics and the located YAML tree shared by data and style loaders. No Yams:
        // it and Judgements compile while Yams does (a cold build's longest chain started with Yams).
        .target(name: "Diagnostics"),
        // YAML files read from disk: Yams's parse made into Diagnostics' tree. The loaders below
        // BriefingKit are handed its reader (`yaml: .files`), so none of them waits for Yams.
        .target(name: "YAMLFiles", dependencies: ["Diagnostics", "Yams"]),
        // The one CSV writer, for the committed data and every chart's data file (RFC 4180, byte for
        // byte as CSV.swift's writer, which a test checks; CSV.swift reads every CSV).
        .target(name: "CSVText"),
        // The data module: pure Swift, never Cairo.
        .target(name: "Judgements", dependencies: ["Diagnostics"]),
        // The official publications read as released: Ofsted's outcomes file (ODS or CSV), DfE
        // Explore Education Statistics CSVs, the statistical neighbour model. No Cairo.
        .target(name: "OfficialData", dependencies: [
            "Judgements", "Diagnostics", "ZIPFoundation", "CLibXML2", "CSVText", .product(name: "CSV", package: "CSV.swift"),
        ]),
        // The drawing kit: Cairo surfaces and contexts, Pango text measured and drawn the same
        // way, PNG encoding, libqpdf's objects; geometry, colours and fonts. No domain types.
        .target(name: "CairoKit", dependencies: ["CCairo", "CPango", "BriefingZlib", "CDeflate", "CQPDF"],
                linkerSettings: [.unsafeFlags(["-Xlinker", "-l:libdeflate.a"])]),
        // Charts, pages and outputs (PDF, PNG, SVG, HTML) of briefing's figures, drawn with CairoKit.
        .target(name: "Rendering", dependencies: ["Judgements", "Diagnostics", "CSVText", "CairoKit"]),
        // The pipeline steps behind each subcommand, callable from tests.
        .target(name: "BriefingKit", dependencies: [
            "Judgements", "OfficialData", "Rendering", "Diagnostics", "YAMLFiles", "CPango", "CXLSXWriter",
        ]),
        .executableTarget(name: "briefing", dependencies: [
            "BriefingKit", "OfficialData", "Rendering", "Judgements",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Files, processes, PDF readers and fixtures for any test target. No BriefingKit, so the
        // tests of the lower modules (Judgements, Rendering) build and run without it.
        .target(name: "TestTools", dependencies: ["BriefingZlib"], path: "Tests/TestTools"),
        // The two ways a test reaches the product: `composePack` (in-process) and `Briefing` (the
        // real binary), both on a `TestWorkspace` (the repository's folders, a copy, or a copy
        // with the fixture record). Re-exports TestTools.
        .target(name: "BriefingTestSupport", dependencies: ["BriefingKit", "Rendering", "Judgements", "YAMLFiles", "TestTools"],
                path: "Tests/BriefingTestSupport"),
        .testTarget(name: "JudgementsTests", dependencies: ["Judgements", "Diagnostics", "YAMLFiles", "TestTools"]),
        .testTarget(name: "OfficialDataTests", dependencies: ["OfficialData", "Judgements", "Diagnostics", "YAMLFiles", "CSVText", "BriefingTestSupport", "ZIPFoundation",
                                                      .product(name: "CSV", package: "CSV.swift")]),
        // Charts, pages and PDF/PNG writing from fixture values: Rendering alone, never BriefingKit.
        .testTarget(name: "RenderingTests", dependencies: ["Rendering", "CairoKit", "Judgements", "Diagnostics", "YAMLFiles", "TestTools", "BriefingZlib", "CCairo"]),
        // The drawing kit on its own: no charts, no styles, no records.
        .testTarget(name: "CairoKitTests", dependencies: ["CairoKit", "TestTools"]),
        .testTarget(name: "BriefingTests", dependencies: ["BriefingKit", "Rendering", "Judgements", "OfficialData", "YAMLFiles", "BriefingTestSupport", "ZIPFoundation"]),
    ],
    swiftLanguageModes: [.v6]
)
