// swift-tools-version: 6.1
// ReachyFuzz — libFuzzer harnesses for the parts of ReachyBridge that read hostile input: the Bop compiler, the
// Dynamixel packet decoder, the news-digest parser and the service's JSON request bodies. A package of its own so
// that the main build and `swift test` never see `-sanitize=fuzzer`. Build and run it with `make fuzz` (long) or
// `make fuzz-smoke` (the short run inside `make test`); docs/fuzzing.md explains.
import PackageDescription

let package = Package(
    name: "ReachyFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "ReachyBridge", path: "..")],
    targets: [
        // libFuzzer's driver entry, shared by both harness binaries.
        .target(name: "FuzzSupport", swiftSettings: [.enableUpcomingFeature("ExistentialAny")]),
        // The bop, packet and digest harnesses in one binary (REACHY_FUZZ_TARGET picks one): its dependencies stop
        // below the service, so its sanitized build needs no networking stack.
        .executableTarget(
            name: "reachy-fuzz",
            dependencies: [
                "FuzzSupport",
                .product(name: "Bop", package: "ReachyBridge"),
                .product(name: "Dynamixel", package: "ReachyBridge"),
                .product(name: "ReachyNews", package: "ReachyBridge"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]),
        // The JSON body harness: it needs ReachyService and so SwiftNIO, Hummingbird and BoringSSL, a sanitized
        // release build several times longer than the other binary's.
        .executableTarget(
            name: "reachy-fuzz-json",
            dependencies: ["FuzzSupport", .product(name: "ReachyService", package: "ReachyBridge")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]),
    ],
    swiftLanguageModes: [.v6]
)
