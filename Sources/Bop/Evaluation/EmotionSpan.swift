public import Foundation
public import ReachyMotion

/// One `play emotion` on the timeline: a recorded move of the emotions library, played as recorded (its own
/// length; tempo and speed do not change it). Its segments (labelled `emotion NAME`) go from where each axis was
/// to the move's last frame; what is sampled and played is the recorded move itself, held within the kid limits.
public struct EmotionSpan: Sendable, Equatable {
    /// The emotion's name in the library (`cheerful1`).
    public var name: String
    /// Start, seconds (exact).
    public var start: Rational
    /// Length, seconds (exact): the recording's length, to the millisecond.
    public var duration: Rational
    /// Whether it runs inside `mirror` (left and right swapped).
    public var mirrored: Bool
    /// The program line.
    public var line: Int
    /// The recorded move.
    public var move: RecordedMove
    /// Its sound file, played with it when it is a WAV file (another format is noted, not played).
    public var sound: URL?

    /// When it ends.
    public var end: Rational { start + duration }

    /// The value of every axis at `t` seconds into the emotion, in timeline units (degrees, meters; head yaw
    /// relative to the body), mirrored under `mirror`, not yet held within the kid limits.
    func values(at t: Double) -> [(Axis, Double)] {
        let frame = move.evaluate(t)
        let d = 180 / Double.pi
        let euler = frame.head.euler
        let p = frame.head.translation
        let values: [(Axis, Double)] = [
            (.headRoll, euler.roll * d), (.headPitch, euler.pitch * d),
            (.headYaw, Self.wrap(euler.yaw - frame.bodyYaw) * d), (.headX, p.x), (.headY, p.y),
            (.headZ, p.z), (.bodyYaw, frame.bodyYaw * d), (.antennaRight, frame.antennas.right * d),
            (.antennaLeft, frame.antennas.left * d),
        ]
        guard mirrored else { return values }
        return values.map { axis, value in
            let (target, sign) = axis.mirrored
            return (target, value * sign)
        }
    }

    /// An angle in −π…π.
    static func wrap(_ a: Double) -> Double { a - 2 * .pi * ((a + .pi) / (2 * .pi)).rounded(.down) }
}
