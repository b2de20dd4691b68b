/// Position gains as written to addresses 84 (P), 82 (I), 80 (D).
public struct PIDGains: Codable, Hashable, Sendable {
    /// Position P Gain (84).
    public var p: UInt16
    /// Position I Gain (82).
    public var i: UInt16
    /// Position D Gain (80).
    public var d: UInt16
}
