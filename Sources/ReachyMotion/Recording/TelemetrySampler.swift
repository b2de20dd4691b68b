/// Turns telemetry ticks into a ``RecordingDocument`` at a fixed sample rate: time 0 is the first tick with
/// joints and a head pose, a tick is kept when the next sample time is due, and nothing past `seconds` is kept.
struct TelemetrySampler: Sendable {
    /// Seconds between samples.
    let period: Double
    /// The longest recording, seconds.
    let seconds: Double
    /// What has been recorded so far.
    private(set) var document: RecordingDocument
    private var start: Double?
    private var next = 0.0

    init(rate: Double, seconds: Double, description: String) {
        period = 1 / rate
        self.seconds = seconds
        document = RecordingDocument(description: description, rate: rate, time: [], frames: [], joints: [])
    }

    /// Adds `tick` if a sample is due. Returns `false` once the tick is past `seconds` (the recording is over).
    mutating func add(_ tick: RobotTelemetry) -> Bool {
        guard let joints = tick.joints, let head = tick.headPose else { return true }
        let t0 = start ?? tick.time
        start = t0
        let t = tick.time - t0
        if t > seconds + 1e-9 { return false }
        if t + 1e-9 >= next {
            document.append(time: t, head: head, joints: joints)
            next += period
            while next <= t { next += period }
        }
        return true
    }
}
