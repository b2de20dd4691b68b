// swift-tools-version: 6.1
// ReachyBridge — drive a Reachy Mini robot from Swift: Dynamixel Protocol 2.0, a wire-level simulator,
// kinematics and motion, the Bop language for children, a news anchor, and a daemon-compatible service.
// Layering (imports only go downward) is described in docs/ARCHITECTURE.md.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
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

        // Pure protocol: packets, CRC, stuffing, control table, transport protocol, servo bus. No I/O.
        .target(
            name: "Dynamixel",
            dependencies: [.product(name: "DequeModule", package: "swift-collections")],
            swiftSettings: strict),

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
            dependencies: [
                "Dynamixel", "ReachyMiniDescription", "ReachyAudio", .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strict),

        // A third backend beside the bus: the official daemon of a Wireless robot, over its `/ws/sdk` WebSocket.
        .target(
            name: "ReachyRemote",
            dependencies: [
                "ReachyMotion", "ReachyAudio", .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        // Umbrella: motion + hardware + simulator + daemon, and connecting by serial port, auto-detection,
        // simulator or daemon URL.
        .target(
            name: "ReachyBridge",
            dependencies: ["ReachyAudio", "ReachyMotion", "ReachyHardware", "ReachySimulator", "ReachyRemote"],
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
            dependencies: ["ReachyMotion", "ReachyAudio", "ReachySpeech", "Yams"],
            resources: [.copy("Data")],
            swiftSettings: strict),

        // Pictures: the robot drawn from its kinematics (SVG), Bop timelines, self-contained HTML replays.
        .target(name: "ReachyPictures", dependencies: ["ReachyMotion", "Bop"], swiftSettings: strict),
        // The Bop playground web page (static files served by ReachyService at `/`).
        .target(
            name: "ReachyPlayground",
            dependencies: [
                "Bop", "ReachyPictures", .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Site")], swiftSettings: strict),
        // The daemon-compatible HTTP/WebSocket service.
        .target(
            name: "ReachyService",
            dependencies: [
                "ReachyBridge", "ReachyAudio", "Bop", "ReachyNews", "ReachyPictures", "ReachyPlayground",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        // Composition: the CLI picks robot, simulator or daemon.
        .target(
            name: "ReachyCLI",
            dependencies: [
                "Dynamixel", "ReachyHardware", "ReachySimulator", "ReachyMotion", "ReachyBridge", "ReachyAudio",
                "ReachySpeech", "Bop",
                "ReachyNews", "ReachyRemote", "ReachyPictures", "ReachyService", "ReachyPlayground",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        .executableTarget(name: "reachy", dependencies: ["ReachyCLI"], swiftSettings: strict),
        // The README's Swift sample, built and run on the simulator by the tests so it cannot rot.
        .executableTarget(
            name: "WakeAndDance", dependencies: ["ReachyBridge"], path: "examples/swift", swiftSettings: strict),

        // Shared by the test targets: running the built `reachy` and watching a child process.
        .target(name: "ReachyTestSupport", path: "Tests/ReachyTestSupport", swiftSettings: strict),
        .testTarget(
            name: "DynamixelTests", dependencies: ["Dynamixel"], exclude: ["Oracles"], swiftSettings: strict),
        .testTarget(
            name: "ReachyMiniDescriptionTests", dependencies: ["ReachyMiniDescription", "ReachyTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "ReachyHardwareTests", dependencies: ["ReachyHardware", "ReachySimulator", "ReachyTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "ReachySimulatorTests", dependencies: ["ReachySimulator", "ReachyHardware"],
            exclude: ["Oracles"], swiftSettings: strict),
        .testTarget(
            name: "ReachyMotionTests",
            dependencies: ["ReachyMotion", "ReachyAudio", "ReachySimulator", "ReachyHardware"],
            exclude: ["Data"], swiftSettings: strict),
        .testTarget(
            name: "ReachyBridgeTests",
            dependencies: ["ReachyBridge", "ReachyAudio", "Bop", "ReachyNews", "ReachyTestSupport", "WakeAndDance"],
            swiftSettings: strict),
        .testTarget(
            name: "ReachyAudioTests", dependencies: ["ReachyAudio", "ReachyTestSupport"], swiftSettings: strict),
        .testTarget(name: "ReachySpeechTests", dependencies: ["ReachySpeech"], swiftSettings: strict),
        .testTarget(name: "BopTests", dependencies: ["Bop", "ReachySimulator"], swiftSettings: strict),
        .testTarget(
            name: "ReachyNewsTests", dependencies: ["ReachyNews", "ReachyAudio", "ReachySimulator"], exclude: ["Data"],
            swiftSettings: strict),
        .testTarget(
            name: "ReachyRemoteTests",
            dependencies: ["ReachyRemote", "ReachyBridge", "ReachySimulator", "ReachyTestSupport", "reachy"],
            swiftSettings: strict),
        .testTarget(name: "ReachyPicturesTests", dependencies: ["ReachyPictures"], swiftSettings: strict),
        .testTarget(
            name: "ReachyServiceTests",
            dependencies: [
                "ReachyService", "ReachyAudio", "Bop", "ReachySimulator", "ReachyTestSupport", "reachy",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
            ],
            exclude: ["Oracles"], swiftSettings: strict),
        .testTarget(
            name: "ReachyPlaygroundTests",
            dependencies: [
                "ReachyPlayground", "reachy", .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "ReachyCLITests", dependencies: ["ReachyCLI", "reachy", "ReachySimulator", "ReachyTestSupport"],
            swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
