// swift-tools-version:6.0
import PackageDescription

// Every dependency comes from the machine's package copies (see docs/ARCHITECTURE.md).
let package = Package(
    name: "infraprep",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "infraprep", targets: ["infraprep"]),
        .library(name: "PrepCore", targets: ["PrepCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        // The request decompressor of the app's own HTTP server (PrepWeb/Server); Vapor uses the same package.
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/JohnSundell/Ink.git", from: "0.6.0"),
        // The calendar token's SHA-256; Vapor uses the same package.
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        // Snapshots of the pages' HTML in PrepWebTests; never a dependency of a library target.
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing.git", from: "1.19.7"),
    ],
    targets: [
        .target(name: "PrepCore"),
        .target(
            name: "PrepContent",
            dependencies: [
                "PrepCore",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Ink", package: "Ink"),
            ],
            resources: [.copy("Resources/Content")]
        ),
        .target(
            name: "PrepStore",
            dependencies: [
                "PrepCore",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // The application services: no Vapor, so the CLI and the web share them (docs/ARCHITECTURE.md).
        .target(
            name: "PrepApp",
            dependencies: [
                "PrepCore", "PrepContent", "PrepStore",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "PrepWeb",
            dependencies: [
                "PrepCore", "PrepContent", "PrepStore", "PrepApp",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
            ],
            resources: [.copy("Resources/Public"), .copy("Resources/openapi.yaml")]
        ),
        .target(
            name: "PrepCLI",
            dependencies: [
                "PrepCore", "PrepContent", "PrepStore", "PrepApp", "PrepWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "infraprep", dependencies: ["PrepCLI"]),
        // Benchmarks of the pure layers (docs/BENCHMARKS.md); build with -c release to measure.
        .executableTarget(name: "infraprep-bench", dependencies: ["PrepCore", "PrepContent", "PrepStore"]),
        .target(
            name: "PrepTestSupport",
            dependencies: [
                "PrepCore", "PrepStore", "PrepApp", "PrepWeb",
                .product(name: "VaporTesting", package: "vapor"),
            ],
            path: "Tests/PrepTestSupport"
        ),
        .testTarget(name: "PrepCoreTests", dependencies: ["PrepCore"]),
        .testTarget(name: "PrepContentTests", dependencies: ["PrepContent"]),
        .testTarget(name: "PrepStoreTests", dependencies: ["PrepStore", "PrepTestSupport"]),
        .testTarget(
            name: "PrepWebTests",
            dependencies: [
                "PrepWeb", "PrepTestSupport",
                .product(name: "Yams", package: "Yams"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ]
        ),
        .testTarget(name: "PrepAppTests", dependencies: ["PrepApp", "PrepTestSupport"]),
        .testTarget(name: "PrepCLITests", dependencies: ["PrepCLI", "PrepTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
