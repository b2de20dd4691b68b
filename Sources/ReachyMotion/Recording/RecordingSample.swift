/// One checked sample of a ``RecordingDocument``: its time, the target frame, and the present joints when the
/// recording has them (files written by ``TelemetryRecorder`` do; the official dataset files do not).
public struct RecordingSample: Sendable, Equatable {
    /// Seconds, as recorded (from 0 for recordings made here).
    public var time: Double
    /// Head pose (a proper rotation), antennas and body yaw.
    public var frame: MoveFrame
    /// The nine present joints `[body, s1…s6, right, left]`, if recorded.
    public var joints: JointVector?

    /// Creates a sample.
    public init(time: Double, frame: MoveFrame, joints: JointVector?) {
        self.time = time
        self.frame = frame
        self.joints = joints
    }
}
