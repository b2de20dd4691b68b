/// Faults the simulator injects on demand, from the test API or from `reachy sim serve --fault NAME=VALUE`.
/// Every random decision uses the bus's seeded `SplitMix64`, so a run with the same seed and the same traffic
/// misbehaves the same way.
public struct SimulatorFaults: Hashable, Sendable {
    /// Probability (0…1) that each byte a servo sends is lost before the host reads it (instructions arrive intact,
    /// so every loss shows up as a short or corrupted reply).
    public var byteLossRate: Double = 0
    /// Probability (0…1) that a reply packet goes out with a corrupted CRC.
    public var crcCorruptionRate: Double = 0
    /// Extra delay before every reply.
    public var latency: Duration = .zero
    /// Motors that never answer (unplugged from the daisy chain).
    public var missingIDs: Set<UInt8> = []
    /// Motors that latch an Overload error (bit 5) at start.
    public var overloadIDs: Set<UInt8> = []
    /// Motors that latch an Overheating error (bit 2, temperature above its limit) at start.
    public var overheatIDs: Set<UInt8> = []
    /// Motors that latch an Input Voltage error (bit 0) at start.
    public var voltageErrorIDs: Set<UInt8> = []
    /// The supply voltage, volts (nominal 5.0; the official controller waits for ≥ 4.5 V).
    public var supplyVoltage: Double? = nil
    /// When set, the bus disconnects this long after it started: transports fail and the pty is closed.
    public var unplugAfter: Duration? = nil

    /// No faults.
    public init() {}

    /// Whether nothing is injected.
    public var isEmpty: Bool { self == SimulatorFaults() }

    /// Parses command-line fault specifications such as `byte-loss=0.05`, `crc=1%`, `latency=5ms`,
    /// `missing=14`, `overload=12,13`, `supply=4.2`, `unplug-after=10s`. Repeated names accumulate motor lists and
    /// replace single values.
    public static func parse(_ specifications: [String]) throws(SimulatorFaultError) -> SimulatorFaults {
        var faults = SimulatorFaults()
        for specification in specifications { try faults.apply(specification) }
        return faults
    }

    /// Adds one `NAME=VALUE` specification.
    public mutating func apply(_ specification: String) throws(SimulatorFaultError) {
        let parts = specification.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { throw .malformed(specification) }
        let name = parts[0].trimmingWhitespace().lowercased()
        let value = parts[1].trimmingWhitespace()
        guard let kind = FaultKind(rawValue: name) else { throw .unknownFault(name) }
        guard !value.isEmpty else { throw .badValue(kind, value, kind.expected) }
        switch kind {
        case .byteLoss: byteLossRate = try Self.probability(value, kind)
        case .crc: crcCorruptionRate = try Self.probability(value, kind)
        case .latency: latency = try Self.duration(value, kind, max: .seconds(1))
        case .missing: missingIDs.formUnion(try Self.ids(value, kind))
        case .overload: overloadIDs.formUnion(try Self.ids(value, kind))
        case .overheat: overheatIDs.formUnion(try Self.ids(value, kind))
        case .voltageError: voltageErrorIDs.formUnion(try Self.ids(value, kind))
        case .supply:
            guard let volts = Double(value.hasSuffix("V") || value.hasSuffix("v") ? String(value.dropLast()) : value),
                volts >= 0, volts <= 12
            else { throw .badValue(kind, value, kind.expected) }
            supplyVoltage = volts
        case .unplugAfter: unplugAfter = try Self.duration(value, kind, max: .seconds(86_400))
        }
    }

    static func probability(_ text: String, _ kind: FaultKind) throws(SimulatorFaultError) -> Double {
        let isPercent = text.hasSuffix("%")
        guard let number = Double(isPercent ? String(text.dropLast()) : text) else {
            throw .badValue(kind, text, kind.expected)
        }
        let probability = isPercent ? number / 100 : number
        guard probability >= 0, probability <= 1 else { throw .badValue(kind, text, kind.expected) }
        return probability
    }

    static func duration(_ text: String, _ kind: FaultKind, max: Duration) throws(SimulatorFaultError) -> Duration {
        let units: [(String, Double)] = [("ms", 1e-3), ("us", 1e-6), ("µs", 1e-6), ("s", 1), ("m", 60)]
        guard let (suffix, scale) = units.first(where: { text.hasSuffix($0.0) }),
            let number = Double(text.dropLast(suffix.count)), number >= 0
        else { throw .badValue(kind, text, kind.expected) }
        let nanoseconds = number * scale * 1e9
        guard nanoseconds <= Double(max.components.seconds) * 1e9 else { throw .badValue(kind, text, kind.expected) }
        return .nanoseconds(Int64(nanoseconds.rounded()))
    }

    static func ids(_ text: String, _ kind: FaultKind) throws(SimulatorFaultError) -> Set<UInt8> {
        var result: Set<UInt8> = []
        for item in text.split(separator: ",") {
            guard let id = UInt8(item.trimmingWhitespace()), id <= 252 else {
                throw .badValue(kind, text, kind.expected)
            }
            result.insert(id)
        }
        guard !result.isEmpty else { throw .badValue(kind, text, kind.expected) }
        return result
    }
}

/// The fault names `--fault` accepts.
public enum FaultKind: String, CaseIterable, Sendable {
    case byteLoss = "byte-loss"
    case crc
    case latency
    case missing
    case overload
    case overheat
    case voltageError = "voltage-error"
    case supply
    case unplugAfter = "unplug-after"

    /// What a valid value looks like, with an example.
    public var expected: String {
        switch self {
        case .byteLoss, .crc: "a probability between 0 and 1, or a percentage (e.g. \(rawValue)=0.05 or \(rawValue)=5%)"
        case .latency: "a duration up to 1s with a unit ms, us or s (e.g. latency=5ms)"
        case .unplugAfter: "a duration with a unit ms, s or m (e.g. unplug-after=10s)"
        case .missing, .overload, .overheat, .voltageError:
            "one or more motor IDs 0–252, comma-separated (e.g. \(rawValue)=12 or \(rawValue)=11,14)"
        case .supply: "a voltage in volts between 0 and 12 (e.g. supply=4.2)"
        }
    }
}

/// A `--fault` specification the simulator cannot use, with the accepted form.
public enum SimulatorFaultError: Error, Equatable, Sendable, CustomStringConvertible {
    case malformed(String)
    case unknownFault(String)
    case badValue(FaultKind, String, String)

    public var description: String {
        switch self {
        case .malformed(let text):
            return "Fault '\(text)' is not of the form NAME=VALUE (e.g. --fault byte-loss=0.05)."
        case .unknownFault(let name):
            let names = FaultKind.allCases.map(\.rawValue).joined(separator: ", ")
            return "Unknown fault '\(name)'. Known faults: \(names)."
        case .badValue(let kind, let value, let expected):
            return "Fault \(kind.rawValue): '\(value)' is not valid; expected \(expected)."
        }
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}

extension SimulatorFaults {
    /// A one-line human summary, such as `byte-loss=0.05, missing=14`, or `none`.
    public var summary: String {
        var parts: [String] = []
        if byteLossRate > 0 { parts.append("byte-loss=\(byteLossRate)") }
        if crcCorruptionRate > 0 { parts.append("crc=\(crcCorruptionRate)") }
        if latency > .zero { parts.append("latency=\(latency.seconds * 1000)ms") }
        func ids(_ set: Set<UInt8>) -> String { set.sorted().map(String.init).joined(separator: ",") }
        if !missingIDs.isEmpty { parts.append("missing=\(ids(missingIDs))") }
        if !overloadIDs.isEmpty { parts.append("overload=\(ids(overloadIDs))") }
        if !overheatIDs.isEmpty { parts.append("overheat=\(ids(overheatIDs))") }
        if !voltageErrorIDs.isEmpty { parts.append("voltage-error=\(ids(voltageErrorIDs))") }
        if let supplyVoltage { parts.append("supply=\(supplyVoltage)") }
        if let unplugAfter { parts.append("unplug-after=\(unplugAfter.seconds)s") }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }
}
