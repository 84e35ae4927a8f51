// swift-tools-version:6.0
import PackageDescription

/// The parsers' per-event code runs millions of times per feed: release builds skip the runtime
/// exclusivity checks there (a measurable share of a parse's CPU); debug builds and the tests keep them, and
/// the compile-time checks stay on everywhere.
let hotPathSettings: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

/// `-static-stdlib`, plus the libraries Foundation's shared objects would have pulled in by themselves,
/// grouped so the linker resolves them in any order (what `swift build --static-swift-stdlib` adds when it
/// also compiles every module for it). Linked with the toolchain's lld, which also keeps quiet about the
/// `mktemp` that static Foundation contains (GNU ld warns on every link). The runtime's relative
/// relocations are packed (DT_RELR, glibc 2.36+), so the loader reads a small table at start, not megabytes.
let staticRuntime = [
    "-static-stdlib", "-use-ld=lld", "-Xlinker", "--start-group", "-lFoundation", "-lFoundationEssentials",
    "-lFoundationInternationalization", "-lCoreFoundation", "-l_FoundationICU", "-l_FoundationCShims",
    "-l_FoundationCollections", "-Xlinker", "--end-group", "-lstdc++", "-lm",
    "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
]

// Linux only: the seeds watcher is inotify, the article reader checks descriptors through /proc, and the
// file code calls Glibc (FeedIO stops the build elsewhere with a clear message).
let package = Package(
    name: "feedd",
    products: [
        .executable(name: "feedd", targets: ["feedd"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        // Already in the graph through AsyncHTTPClient; named for the type of its decompression errors.
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        // gzip of the served files, once per publish (system zlib: apt zlib1g-dev).
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        // The shared store of several instances (`[store] url = "postgresql://…"`).
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        // Already in the graph through AsyncHTTPClient and postgres-nio: TLS to a PostgreSQL store.
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        // libxml2, the system C library (apt: libxml2-dev, pkg-config: libxml-2.0).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The only code that touches libxml2: parse from bytes, write XML, validate.
        .target(name: "FeedXML", dependencies: ["CLibXML2"], swiftSettings: hotPathSettings),
        // Pure: model, article parser, feed parsers, dates, sanitiser, merge, writers.
        .target(name: "FeedCore", dependencies: ["FeedXML"], swiftSettings: hotPathSettings),
        // The edges: files, the seeds directory, the store (SQLite, or PostgreSQL shared by instances).
        .target(
            name: "FeedIO",
            dependencies: [
                "FeedCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
            ]
        ),
        // Configuration and the pipeline shared by `--once` and the daemon.
        .target(
            name: "FeedDaemon",
            dependencies: [
                "FeedCore", "FeedIO", "FeedServe",
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        // The built-in HTTP server (`[serve] listen`): the output directory, /healthz, /metrics.
        .target(
            name: "FeedServe",
            dependencies: [
                "FeedCore", "FeedIO",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The thin executable: argument parsing and logging bootstrap.
        .executableTarget(
            name: "feedd",
            dependencies: [
                "FeedDaemon", "FeedCore", "FeedIO", "FeedServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // Release builds carry the Swift runtime and Foundation inside the binary: no dynamic symbol
            // binding at start (which every cron run pays) and less resident memory; the binary then needs
            // nothing from the toolchain to run. The benchmark results (bench/RESULTS.md) hold the figures.
            linkerSettings: [.unsafeFlags(staticRuntime, .when(configuration: .release))]
        ),
        // The fuzz targets (the code feedd runs on untrusted bytes, one entry point each) and their driver:
        // `fuzz/run` builds it with libFuzzer and AddressSanitizer (-DFUZZING); a plain build replays files.
        .target(name: "FeeddFuzzTargets", dependencies: ["FeedCore", "FeedDaemon"]),
        .executableTarget(name: "feedd-fuzz", dependencies: ["FeeddFuzzTargets"]),
        .testTarget(name: "FeedXMLTests", dependencies: ["FeedXML", "CLibXML2"]),
        // The fixture tests compare parses through `feedd inspect`'s report (FeedDaemon/Inspect).
        .testTarget(name: "FeedCoreTests", dependencies: ["FeedCore", "FeedXML", "CLibXML2", "FeedDaemon"]),
        // Real helpers shared by the tests: a loopback HTTP server, temporary directories.
        .target(
            name: "FeeddTestSupport",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/Support"
        ),
        .testTarget(name: "FeedIOTests", dependencies: ["FeedIO", "FeedCore", "FeeddTestSupport"]),
        .testTarget(
            name: "FeedDaemonTests",
            dependencies: [
                "FeedDaemon", "FeedIO", "FeedCore", "FeeddTestSupport", "FeeddFuzzTargets",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "FeedServeTests",
            dependencies: [
                "FeedServe", "FeedCore", "FeedIO", "FeeddTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["FeedCore", "FeedXML", "FeedIO", "FeeddTestSupport"]),
    ]
)
