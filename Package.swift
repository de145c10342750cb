// swift-tools-version:6.0
// Almanac: membership database → metrics → report document → pages → PDF.
// One target per pipeline stage (see README "Architecture"); dependencies run one way, and
// Tests/ArchitectureTests fails if a module imports what it must not:
//
//   Base ◀── Store ◀── Metrics ◀──────────────┐
//    ▲  ◀── ReportSyntax ◀──────────────── Report ◀── AlmanacCLI ◀── almanac
//    ▲  ◀── Charts ◀───────────────────────┘ │           │
//    └───── Layout ◀──────────────────────────┘ ◀── Render ┘
//
// Only Store and Metrics touch SQLite (GRDB); only Layout (measuring) and Render (drawing)
// touch Pango; only Render touches Cairo's drawing and PDF API.
import PackageDescription

let package = Package(
    name: "Almanac",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "almanac", targets: ["almanac"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Pango's shaping and measuring API (with fontconfig, to load the project's fonts):
        // what Layout needs to measure and shape text; and HarfBuzz's subsetter, with which
        // Render embeds the glyphs a PDF uses.
        .systemLibrary(
            name: "CPango",
            pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev", "libharfbuzz-dev"])]
        ),
        // Cairo's drawing API, for PNG previews and reading PNG images: Render's alone.
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo-pdf",
            providers: [.apt(["libcairo2-dev"])]
        ),
        // zlib (Debian's zlib1g-dev): Render inflates Cairo's page content to rewrite its marked
        // content, and deflates it again.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // ICU's collator (Debian's libicu-dev), to sort names as the report's language sorts them.
        .target(name: "CCollation", linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc")]),
        // GitHub-flavoured CommonMark (tables) for report definitions.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The vocabulary every stage shares, needing neither SQLite nor Pango: calendar dates,
        // locale-independent number and date text ("1,639", "−3%", "31 December 2023"),
        // near-miss suggestions and slugs, positioned items (text, paths, tags) with colours,
        // and the text-measuring protocol.
        .target(name: "Base"),
        // The data store: schema migrations, CSV import (presets and mapping files), reference countries, data-quality checks, sample data,
        // read-only report queries and scoped copies for `--each`.
        .target(name: "Store", dependencies: [
            "Base",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "CSV", package: "CSV.swift"),
            .product(name: "Yams", package: "Yams"),  // import mapping files and presets
        ]),
        // Every number a report prints, computed in SQL, and the records reports list
        // (activities, the member directory), returned as values.
        .target(name: "Metrics", dependencies: [
            "Store", "Base",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "CSV", package: "CSV.swift"),
        ]),
        // Document model → measured, paginated pages of positioned items (text shaped by Pango).
        .target(name: "Layout", dependencies: ["CPango", "Base"]),
        // Chart specs + data → positioned items (a Graphic) that Layout places as a figure.
        .target(name: "Charts", dependencies: ["Base"]),
        // Pages → PDF / PNG through Cairo; the only target that draws.
        // The sRGB ICC profile (Debian's icc-profiles-free 2.0.1, zlib licence) is the PDF/A output intent.
        .target(name: "Render", dependencies: ["Layout", "Base", "CPango", "CCairo", "CZlib"],
                resources: [.embedInCode("Resources/sRGB.icc")],
                // The font subsetter, and fontconfig's view of Pango's fonts (which file, which style).
                linkerSettings: [.linkedLibrary("harfbuzz-subset"), .linkedLibrary("pangoft2-1.0")]),
        // Report definitions as written: YAML front matter, Markdown body, {{ expressions }}
        // and formatters, with source locations for every diagnostic.
        .target(name: "ReportSyntax", dependencies: [
            "CCmark", "Base",
            .product(name: "Yams", package: "Yams"),
        ]),
        // Report definitions + metrics → Document: expressions evaluated, data blocks built.
        // The built-in Year in Review is Reports/year-in-review.md, embedded in the binary.
        .target(name: "Report", dependencies: [
            "ReportSyntax", "Metrics", "Layout", "Charts", "Base", "CCollation",
            .product(name: "Yams", package: "Yams"),
        ], resources: [.embedInCode("Resources/year-in-review.md")]),
        // The commands, as a library so tests can call them in-process.
        .target(name: "AlmanacCLI", dependencies: [
            "Store", "Metrics", "Layout", "Charts", "Render", "ReportSyntax", "Report", "Base",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "almanac", dependencies: ["AlmanacCLI"]),

        // Scratch folders and tool runs shared by the test targets (not part of the product).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "BaseTests", dependencies: ["Base"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Base", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "MetricsTests", dependencies: ["Metrics", "Store", "Base", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "LayoutTests", dependencies: ["Layout", "Base", "TestSupport"]),
        .testTarget(name: "RenderTests", dependencies: ["Render", "Layout", "Charts", "Base", "TestSupport"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "Base"], exclude: ["Golden"]),
        .testTarget(name: "ReportSyntaxTests", dependencies: ["ReportSyntax", "Base"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "ReportSyntax", "Metrics", "Layout", "Store", "Base"]),
        .testTarget(name: "CLITests", dependencies: ["AlmanacCLI", "Store", "ReportSyntax", "Base", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "ArchitectureTests"),
    ],
    swiftLanguageModes: [.v6]
)
