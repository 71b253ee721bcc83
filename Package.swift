// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "proxylens",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "proxylens", targets: ["proxylens"]),
        .library(name: "ProxyLens", targets: ["ProxyLens"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // zlib, SQLite and libcrypto's SHA-256, with the few C macros Swift cannot import.
        .target(
            name: "CSupport",
            linkerSettings: [.linkedLibrary("sqlite3"), .linkedLibrary("z"), .linkedLibrary("crypto")]
        ),
        .target(
            name: "ProxyLens",
            dependencies: ["CSupport"],
            resources: [.copy("Store/migrations"), .copy("Store/statements"), .copy("Report/queries"), .copy("Classify/Rules/Catalogue")]
        ),
        .executableTarget(
            name: "proxylens",
            dependencies: ["ProxyLens", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "ProxyLensTests",
            dependencies: ["ProxyLens", "proxylens"]
        ),
    ]
)
