// swift-tools-version: 6.1
// ReachyBridge — drive a Reachy Mini robot from Swift: Dynamixel Protocol 2.0, a wire-level simulator,
// kinematics and motion, the Bop language for children, a news anchor, and a daemon-compatible service.
// Layering (imports only go downward) is described in docs/ARCHITECTURE.md.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    // As Hummingbird does: an import is internal unless marked `public import` (a module's public API shows which
    // modules it exposes), and a file sees members only of modules it imports itself.
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "ReachyBridge",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "reachy", targets: ["reachy"]),
        .library(name: "Dynamixel", targets: ["Dynamixel"]),
        .library(name: "ReachyMiniDescription", targets: ["ReachyMiniDescription"]),
        .library(name: "ReachyHardware", targets: ["ReachyHardware"]),
        .library(name: "ReachySimulator", targets: ["ReachySimulator"]),
        .library(name: "ReachyAudio", targets: ["ReachyAudio"]),
        .library(name: "ReachyMotion", targets: ["ReachyMotion"]),
        .library(name: "ReachyBridge", targets: ["ReachyBridge"]),
        .library(name: "ReachySpeech", targets: ["ReachySpeech"]),
        .library(name: "Bop", targets: ["Bop"]),
        .library(name: "ReachyNews", targets: ["ReachyNews"]),
        .library(name: "ReachyRemote", targets: ["ReachyRemote"]),
        .library(name: "ReachyPictures", targets: ["ReachyPictures"]),
        .library(name: "ReachyService", targets: ["ReachyService"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.20.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.6.0"),
        // Already in the graph through Hummingbird; named because ReachyService imports their modules itself.
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.3.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
    ],
    targets: [
        // C libraries: thin system-library shims, nothing else.
        .systemLibrary(
            name: "CLibSerialPort", pkgConfig: "libserialport",
            providers: [.apt(["libserialport-dev"]), .brew(["libserialport"])]),
        .systemLibrary(
            name: "CLibUSB", pkgConfig: "libusb-1.0",
            providers: [.apt(["libusb-1.0-0-dev"]), .brew(["libusb"])]),
        .systemLibrary(name: "CALSA", pkgConfig: "alsa", providers: [.apt(["libasound2-dev"])]),
        .systemLibrary(
            name: "CEspeakNG", pkgConfig: "espeak-ng",
            providers: [.apt(["libespeak-ng-dev"]), .brew(["espeak-ng"])]),
        .systemLibrary(
            name: "CMosquitto", pkgConfig: "libmosquitto",
            providers: [.apt(["libmosquitto-dev"]), .brew(["mosquitto"])]),
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]),

        // Pure protocol: packets, CRC, stuffing, control table, transport protocol, servo bus. No I/O.
        .target(
            name: "Dynamixel",
            dependencies: [.product(name: "DequeModule", package: "swift-collections")],
            swiftSettings: strict),

        // MQTT over libmosquitto and the classroom fleet's protocol (topics, commands, statuses, events), no robot:
        // the robot agent lives in ReachyService, the teacher's client here.
        .target(name: "ReachyFleet", dependencies: ["CMosquitto"], swiftSettings: strict),

        // The robot as data (motors, limits, bus, audio) from one JSON resource; everything above derives from it.
        .target(
            name: "ReachyMiniDescription", dependencies: ["Dynamixel"],
            resources: [.copy("Resources/reachy-mini.json")], swiftSettings: strict),

        // Siblings over the transport protocol: real devices, and a virtual robot.
        .target(
            name: "ReachyHardware",
            dependencies: ["Dynamixel", "ReachyMiniDescription", "CLibSerialPort", "CLibUSB", "CALSA"],
            swiftSettings: strict),
        .target(name: "ReachySimulator", dependencies: ["Dynamixel", "ReachyMiniDescription"], swiftSettings: strict),

        // The one audio home (pure Swift): the AudioSink protocol, WAV files, the WAV file sink (the simulator's
        // speaker), and AudioPlayback, the one audio thread, paced on any PlaybackClock.
        .target(name: "ReachyAudio", swiftSettings: strict),

        // Kinematics, limits, moves, control loop, the ReachyMini API. Knows the bus, never the backend; its
        // RobotClock paces audio (a PlaybackClock).
        .target(
            name: "ReachyMotion",
            dependencies: ["Dynamixel", "ReachyMiniDescription", "ReachyAudio"],
            resources: [.copy("Resources")],
            swiftSettings: strict),

        // A third backend beside the bus: the official daemon of a Wireless robot, over its `/ws/sdk` WebSocket.
        .target(
            name: "ReachyRemote",
            dependencies: [
                "ReachyMotion", "ReachyAudio",
                // Plain ws:// over swift-nio's own HTTP/1 and WebSocket pieces: no TLS stack in the product.
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "NIOWebSocket", package: "swift-nio"),
            ],
            swiftSettings: strict),
        // Umbrella: motion + hardware + simulator + daemon, and connecting by serial port, auto-detection,
        // simulator or daemon URL.
        .target(
            name: "ReachyBridge",
            dependencies: [
                "Dynamixel", "ReachyAudio",
                "ReachyMotion", "ReachyMiniDescription", "ReachyHardware", "ReachySimulator", "ReachyRemote",
            ],
            swiftSettings: strict),

        // Offline speech synthesis (libespeak-ng) used by Bop's `say` and by the news anchor.
        .target(name: "ReachySpeech", dependencies: ["CEspeakNG", "ReachyAudio"], swiftSettings: strict),

        // Applications of motion.
        .target(
            name: "Bop", dependencies: ["ReachyMotion", "ReachyAudio", "ReachySpeech"],
            resources: [.copy("Languages")],
            swiftSettings: strict),
        .target(
            name: "ReachyNews",
            dependencies: ["CCmarkGFM", "ReachyMotion", "ReachyAudio", "ReachySpeech", "Yams"],
            resources: [.copy("Data")],
            swiftSettings: strict),

        // Pictures: the robot drawn from its kinematics (SVG), Bop timelines, self-contained HTML replays.
        .target(name: "ReachyPictures", dependencies: ["ReachyMotion", "Bop"], swiftSettings: strict),
        // The Bop playground web page (static files served by ReachyService at `/`).
        .target(
            name: "ReachyPlayground",
            dependencies: [
                "ReachyMotion", "Bop", "ReachyPictures",
            ],
            resources: [.copy("Site")], swiftSettings: strict),
        // The daemon-compatible HTTP/WebSocket service.
        .target(
            name: "ReachyService",
            dependencies: [
                "ReachyMotion", "ReachyAudio", "ReachySpeech", "Bop", "ReachyNews", "ReachyPlayground", "ReachyFleet",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        // Benchmarks of every layer, one result type; only the CLI's `reachy bench` links them.
        .target(
            name: "ReachyBenchmarks",
            dependencies: [
                "Dynamixel", "ReachyHardware", "ReachySimulator", "ReachyMotion", "ReachyBridge", "ReachySpeech", "Bop",
                "ReachyNews", "ReachyRemote", "ReachyPictures", "ReachyService", "ReachyTestSupport", "ReachyFleet",
            ],
            swiftSettings: strict),
        // Composition: the CLI picks robot, simulator or daemon.
        .target(
            name: "ReachyCLI",
            dependencies: [
                "ReachyMiniDescription", "ReachyAudio",
                "Dynamixel", "ReachyHardware", "ReachySimulator", "ReachyMotion", "ReachyBridge", "ReachySpeech", "Bop",
                "ReachyNews", "ReachyRemote", "ReachyPictures", "ReachyService", "ReachyPlayground", "ReachyBenchmarks",
                "ReachyFleet",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict),
        .executableTarget(name: "reachy", dependencies: ["ReachyCLI"], swiftSettings: strict),
        // The README's Swift sample, built and run on the simulator by the tests so it cannot rot.
        .executableTarget(
            name: "WakeAndDance", dependencies: ["ReachyBridge"], path: "examples/swift", swiftSettings: strict),

        // Shared by the test targets (and the benchmarks): running the built `reachy`, watching a child process, a
        // headless browser over the DevTools protocol, a raw termios client of a pty, the repository's paths.
        .target(
            name: "ReachyTestSupport",
            dependencies: [
                // ReachyRemote for its plain WebSocket client (the DevTools connection): the benchmarks link this
                // target into `reachy`, which must not pull a TLS stack.
                "Dynamixel", "ReachySimulator", "ReachyRemote",
            ],
            path: "Tests/ReachyTestSupport", swiftSettings: strict),
        .testTarget(
            name: "DynamixelTests", dependencies: ["Dynamixel", "ReachyTestSupport"], exclude: ["Oracles"],
            swiftSettings: strict),
        .testTarget(
            name: "ReachyMiniDescriptionTests", dependencies: ["ReachyMiniDescription", "ReachyTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "ReachyHardwareTests",
            dependencies: [
                "CLibSerialPort", "Dynamixel", "ReachyMiniDescription", "ReachyHardware", "ReachySimulator",
                "ReachyTestSupport",
            ],
            swiftSettings: strict),
        .testTarget(
            name: "ReachySimulatorTests",
            dependencies: [
                "Dynamixel", "ReachyMiniDescription", "ReachySimulator", "ReachyHardware", "ReachyTestSupport",
            ],
            exclude: ["Oracles"], swiftSettings: strict),
        .testTarget(
            name: "ReachyMotionTests",
            dependencies: [
                "Dynamixel", "ReachyMiniDescription", "ReachyMotion", "ReachyAudio", "ReachySimulator",
                "ReachyHardware", "ReachyTestSupport",
            ],
            exclude: ["Data"], swiftSettings: strict),
        .testTarget(
            name: "ReachyBridgeTests",
            dependencies: [
                "ReachySimulator", "ReachyBridge", "ReachyAudio", "ReachySpeech", "Bop", "ReachyNews",
                "ReachyTestSupport", "WakeAndDance",
            ],
            swiftSettings: strict),
        .testTarget(
            name: "ReachyAudioTests", dependencies: ["ReachyAudio", "ReachyTestSupport"], swiftSettings: strict),
        .testTarget(name: "ReachySpeechTests", dependencies: ["ReachySpeech"], swiftSettings: strict),
        .testTarget(
            name: "BopTests", dependencies: ["ReachyMotion", "Bop", "ReachySimulator", "ReachyTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "ReachyNewsTests",
            dependencies: [
                "ReachyMotion", "ReachyAudio", "ReachySpeech", "ReachyNews", "ReachySimulator", "ReachyTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Data"],
            swiftSettings: strict),
        .testTarget(
            name: "ReachyRemoteTests",
            dependencies: [
                "ReachyMotion", "ReachyRemote", "ReachyBridge", "ReachySimulator", "ReachyTestSupport", "reachy",
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["OutsideSuites"], swiftSettings: strict),
        .testTarget(
            name: "ReachyPicturesTests", dependencies: ["Bop", "ReachyMotion", "ReachyPictures", "ReachyTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "ReachyServiceTests",
            dependencies: [
                "Bop", "ReachyAudio", "ReachyBridge", "ReachyNews", "ReachyPlayground", "ReachySpeech",
                "ReachyService", "ReachySimulator", "ReachyTestSupport", "reachy",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ],
            exclude: ["Oracles"], swiftSettings: strict),
        .testTarget(
            name: "ReachyPlaygroundTests",
            dependencies: [
                "ReachyPlayground", "ReachyTestSupport", "reachy",
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "ReachyBenchmarksTests", dependencies: ["ReachyBenchmarks", "Bop", "ReachyTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "ReachyFleetTests", dependencies: ["ReachyFleet", "ReachyTestSupport", "reachy"],
            swiftSettings: strict),
        .testTarget(name: "PackageGraphTests", dependencies: ["ReachyTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "ReachyCLITests",
            dependencies: [
                "ReachyMotion", "ReachyCLI", "reachy", "ReachySimulator", "ReachyTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
