/// One entry of a recording's `set_target_data`: `{"head": 4×4 rows (or 16 numbers row-major), "antennas":
/// [right, left], "body_yaw": b}` — the target the official SDK would set at that time.
///
/// The numbers are kept as written; ``RecordingDocument/samples()`` checks them.
public struct RecordingFrame: Codable, Sendable, Equatable {
    /// The head matrix, 16 numbers row-major (a nested 4×4 list is flattened when read; any other shape is kept
    /// as an empty list, which the checks refuse).
    public var head: [Double]
    /// Antenna angles `[right, left]`, radians.
    public var antennas: [Double]
    /// Body yaw, radians (`nil` when the file has none: the dataset files may leave it out; 0 is meant).
    public var bodyYaw: Double?

    /// Creates a frame from raw numbers.
    public init(head: [Double], antennas: [Double], bodyYaw: Double?) {
        self.head = head
        self.antennas = antennas
        self.bodyYaw = bodyYaw
    }

    /// The frame of a head pose, antennas and body yaw.
    public init(_ frame: MoveFrame) {
        self.init(head: frame.head.rowMajor, antennas: frame.antennas.values, bodyYaw: frame.bodyYaw)
    }

    enum CodingKeys: String, CodingKey {
        case head, antennas
        case bodyYaw = "body_yaw"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let nested = try? c.decode([[Double]].self, forKey: .head) {
            let square = nested.count == 4 && nested.allSatisfy { $0.count == 4 }
            head = square ? nested.flatMap { $0 } : []
        } else {
            head = try c.decode([Double].self, forKey: .head)
        }
        antennas = try c.decode([Double].self, forKey: .antennas)
        bodyYaw = try c.decodeIfPresent(Double.self, forKey: .bodyYaw)
    }

    /// Writes the head as 4 rows of 4 (the SDK's nested list) when it has 16 numbers.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if head.count == 16 {
            try c.encode(stride(from: 0, to: 16, by: 4).map { Array(head[$0..<$0 + 4]) }, forKey: .head)
        } else {
            try c.encode(head, forKey: .head)
        }
        try c.encode(antennas, forKey: .antennas)
        try c.encodeIfPresent(bodyYaw, forKey: .bodyYaw)
    }
}
