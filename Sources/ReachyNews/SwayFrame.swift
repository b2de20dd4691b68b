/// A small head offset (degrees) to add on top of the commanded pose at `time` while speaking.
public struct SwayFrame: Sendable, Codable, Equatable {
    /// Seconds from the start of the audio.
    public var time: Double
    /// Roll offset (°).
    public var roll: Double
    /// Pitch offset (°).
    public var pitch: Double
    /// Yaw offset (°).
    public var yaw: Double

    /// A frame.
    public init(time: Double, roll: Double, pitch: Double, yaw: Double) {
        self.time = time
        self.roll = roll
        self.pitch = pitch
        self.yaw = yaw
    }
}
