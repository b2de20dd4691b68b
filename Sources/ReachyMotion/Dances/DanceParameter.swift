/// A dance parameter value: a number (radians, meters, cycles per beat, beats) or a name (waveform, antenna style).
public enum DanceParameter: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// A number.
    case number(Double)
    /// A name.
    case text(String)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let v = try? c.decode(Double.self) {
            self = .number(v)
        } else {
            self = .text(try c.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .number(let v): try c.encode(v)
        case .text(let s): try c.encode(s)
        }
    }

    public var description: String {
        switch self {
        case .number(let v): return String(v)
        case .text(let s): return s
        }
    }
}

/// Reads a dance's parameters, applying the function defaults and remembering which names were used.
struct DanceParameterReader {
    let dance: String
    let values: [String: DanceParameter]
    private(set) var used: Set<String> = []

    init(dance: String, values: [String: DanceParameter]) {
        self.dance = dance
        self.values = values
    }

    mutating func number(_ key: String, default fallback: Double? = nil) throws(DanceError) -> Double {
        used.insert(key)
        switch values[key] {
        case .number(let v)?:
            guard v.isFinite else { throw .invalidParameter(dance: dance, parameter: key, reason: "not finite") }
            return v
        case .text(let s)?:
            throw .invalidParameter(dance: dance, parameter: key, reason: "expected a number, got \"\(s)\"")
        case nil:
            if let fallback { return fallback }
            throw .invalidParameter(dance: dance, parameter: key, reason: "missing")
        }
    }

    mutating func waveform(_ key: String = "waveform", default fallback: Waveform) throws(DanceError) -> Waveform {
        used.insert(key)
        switch values[key] {
        case .text(let s)?:
            guard let w = Waveform(rawValue: s) else {
                let names = Waveform.allCases.map(\.rawValue).joined(separator: ", ")
                throw .invalidParameter(
                    dance: dance, parameter: key, reason: "unknown waveform \"\(s)\" (use \(names))")
            }
            return w
        case .number(let v)?:
            throw .invalidParameter(dance: dance, parameter: key, reason: "expected a waveform name, got \(v)")
        case nil:
            return fallback
        }
    }

    mutating func antennaStyle(_ key: String = "antenna_move_name", default fallback: AntennaStyle) throws(DanceError)
        -> AntennaStyle
    {
        used.insert(key)
        switch values[key] {
        case .text(let s)?:
            guard let a = AntennaStyle(rawValue: s) else {
                throw .invalidParameter(
                    dance: dance, parameter: key, reason: "unknown antenna move \"\(s)\" (use wiggle, both)")
            }
            return a
        case .number(let v)?:
            throw .invalidParameter(dance: dance, parameter: key, reason: "expected wiggle or both, got \(v)")
        case nil:
            return fallback
        }
    }

    /// Throws for any given parameter the dance did not read.
    func checkAllUsed() throws(DanceError) {
        if let extra = values.keys.sorted().first(where: { !used.contains($0) }) {
            throw .unknownParameter(dance: dance, parameter: extra, known: used.sorted())
        }
    }
}
