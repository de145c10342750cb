// swift-tools-version:6.0
// Almanac: membership database → metrics → report document → pages → PDF.
// One target per pipeline stage (see README "Architecture"); the CLI is a thin layer on top.
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
        // Cairo, Pango and fontconfig headers through pkg-config (libpango1.0-dev pulls in cairo and fontconfig).
        .systemLibrary(
            name: "CPango",
            pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]
        ),
        // GitHub-flavoured CommonMark (tables) for report definitions.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Locale-independent number and date text ("1,639", "−3%", "31 December 2023") for every
        // module that prints numbers for people.
        .target(name: "Formatting"),
        .testTarget(name: "FormattingTests", dependencies: ["Formatting"]),
        // The data store: schema migrations, CSV import, data-quality checks, sample data.
        .target(name: "Store", dependencies: [
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "CSV", package: "CSV.swift"),
        ]),
        // Every number a report prints, computed in SQL.
        .target(name: "Metrics", dependencies: [
            "Store", "Formatting",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Document model → measured, paginated pages of positioned items (text shaped by Pango).
        .target(name: "Layout", dependencies: ["CPango", "Formatting"]),
        // Chart specs + data → positioned items for Layout.
        .target(name: "Charts", dependencies: ["Layout", "Formatting"]),
        // Pages → PDF / PNG through Cairo; the only target that draws.
        .target(name: "Render", dependencies: ["Layout", "CPango"]),
        // Report definitions as written: YAML front matter, Markdown body, {{ expressions }}
        // and formatters, with source locations for every diagnostic.
        .target(name: "ReportSyntax", dependencies: [
            "Store", "CCmark", "Formatting",
            .product(name: "Yams", package: "Yams"),
        ]),
        // Report definitions + metrics → Document: expressions evaluated, data blocks built.
        .target(name: "Report", dependencies: [
            "ReportSyntax", "Store", "Metrics", "Layout", "Charts", "Formatting",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // The commands, as a library so tests can call them in-process.
        .target(name: "AlmanacCLI", dependencies: [
            "Store", "Metrics", "Layout", "Charts", "Render", "ReportSyntax", "Report", "Formatting",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "almanac", dependencies: ["AlmanacCLI"]),

        .testTarget(name: "StoreTests", dependencies: ["Store", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "MetricsTests", dependencies: ["Metrics", "Store", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "LayoutTests", dependencies: ["Layout", "Charts", "Render"]),
        .testTarget(name: "CLITests", dependencies: ["AlmanacCLI", "Store", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "ReportSyntaxTests", dependencies: ["ReportSyntax", "Store"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "ReportSyntax", "Metrics", "Layout", "Store", "Formatting"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "Layout", "Formatting"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
