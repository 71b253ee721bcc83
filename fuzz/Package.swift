// swift-tools-version:6.0
// libFuzzer targets for proxylens. Build and run: see README.md in this folder.
import PackageDescription

let package = Package(
    name: "proxylens-fuzz",
    dependencies: [
        .package(name: "proxylens", path: ".."),
    ],
    targets: [
        // The entry points; Sources/FuzzEntries/FuzzEntries.swift is a link to the copy the
        // regression tests compile (Tests/ProxyLensTests/Reliability/FuzzEntries.swift).
        .target(name: "FuzzEntries", dependencies: [.product(name: "ProxyLens", package: "proxylens")]),
        .executableTarget(name: "FuzzContainer", dependencies: ["FuzzEntries"]),
        .executableTarget(name: "FuzzJSON", dependencies: ["FuzzEntries"]),
        .executableTarget(name: "FuzzLines", dependencies: ["FuzzEntries"]),
    ]
)
