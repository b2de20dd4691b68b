import Foundation

/// What a recording file (``RecordingDocument``: `reachy play FILE`, the replay page) may hold. A file is data from
/// outside: a time of 1e308 would make the player hold the last frame "forever", and a head 1 km away is no
/// recording of this robot. Such files are refused at load, naming the field, the frame and what is allowed.
///
/// The bounds are loose on purpose — every real recording fits far inside them; the safety layer still clamps
/// each frame to the robot's ranges while playing.
public enum RecordedMoveFileLimits {
    /// The longest recording accepted, seconds (one hour): times run from 0 to at most this.
    public static let maximumDuration = 3600.0
    /// The largest |x|, |y| or |z| of a head translation, metres (the head moves a few centimetres).
    public static let maximumTranslation = 1.0
    /// The largest |angle| of an antenna, of the body yaw or of a recorded joint, radians (one full turn).
    public static let maximumAngle = 2 * Double.pi
    /// The most samples a recording holds: an hour at the control loop's highest rate (200 Hz).
    public static let maximumSamples = 720_000
    /// The largest file loaded, bytes (1 GiB): an hour at 200 Hz written at full precision is about half that.
    public static let maximumBytes = 1 << 30

    /// Checks the sample count against ``maximumSamples``.
    static func checkCount(_ count: Int) throws(RecordedMoveError) {
        guard count <= maximumSamples else { throw .tooManySamples(count: count, maximum: maximumSamples) }
    }

    /// Checks the timestamps: finite, from 0 to ``maximumDuration``, never going back.
    static func checkTimes(_ times: [Double]) throws(RecordedMoveError) {
        for (index, t) in times.enumerated() {
            guard t.isFinite, t >= 0, t <= maximumDuration else {
                throw .outOfRange(
                    field: "time[\(index)]", value: t,
                    allowed: "seconds from 0 to \(Int(maximumDuration)) (a recording lasts at most one hour)")
            }
            if index > 0, t < times[index - 1] {
                throw .outOfRange(
                    field: "time[\(index)]", value: t,
                    allowed: "times that never go back (time[\(index - 1)] is \(times[index - 1]))")
            }
        }
    }

    /// Checks one frame's numbers (the head matrix is already known to be finite and homogeneous).
    static func checkFrame(
        index: Int, translation: Vector3, antennas: [Double], bodyYaw: Double?
    ) throws(RecordedMoveError) {
        for (axis, value) in [("x", translation.x), ("y", translation.y), ("z", translation.z)]
        where !(abs(value) <= maximumTranslation) {
            throw .outOfRange(
                field: "set_target_data[\(index)].head (translation \(axis))", value: value,
                allowed: "metres between -\(maximumTranslation) and \(maximumTranslation)")
        }
        let frame = "set_target_data[\(index)]"
        let angles = antennas.enumerated().map { ("\(frame).antennas[\($0.offset)]", $0.element) }
        for (field, value) in angles + [("\(frame).body_yaw", bodyYaw ?? 0)] where !(abs(value) <= maximumAngle) {
            throw .outOfRange(
                field: field, value: value,
                allowed: angleAllowed)
        }
    }

    /// What ``maximumAngle`` allows, for the error message.
    static var angleAllowed: String { "radians between -2π and 2π (±\(String(format: "%.4f", maximumAngle)))" }

    /// Checks one recorded joint vector: nine numbers within ±``maximumAngle``.
    static func checkJoints(index: Int, _ joints: [Double]) throws(RecordedMoveError) {
        guard joints.count == 9 else {
            throw .invalidFrame(
                index: index, reason: "joints must be 9 numbers [body, s1…s6, right, left], not \(joints.count)")
        }
        for (k, value) in joints.enumerated() where !(abs(value) <= maximumAngle) {
            throw .outOfRange(
                field: "joints[\(index)][\(k)]", value: value,
                allowed: angleAllowed)
        }
    }
}
