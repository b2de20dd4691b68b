import Foundation

/// Three of the inputs from outside that ReachyBridge parses, one harness each (the fourth, JSON bodies, has a
/// binary of its own: `reachy-fuzz-json`).
enum FuzzTarget: String, CaseIterable, Sendable {
    /// Bop program text → `BopCompiler.compile` and the diagnostics and timeline formatters.
    case bop
    /// Bytes from the serial bus → `PacketDecoder`, fast-read replies, ping replies.
    case packet
    /// A news digest's Markdown → `DigestParser` and the recital planner.
    case digest

    /// The harness chosen by the `REACHY_FUZZ_TARGET` environment variable; exits with a usage message without it.
    static let selected: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["REACHY_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            let names = allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("Set REACHY_FUZZ_TARGET to one of: \(names).\n".utf8))
            exit(2)
        }
        return target
    }()

    /// Runs one input through this harness. Returns normally unless the code under test misbehaves.
    func run(_ bytes: [UInt8]) {
        switch self {
        case .bop: BopHarness.run(bytes)
        case .packet: PacketHarness.run(bytes)
        case .digest: DigestHarness.run(bytes)
        }
    }
}
