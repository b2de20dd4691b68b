/// One of the official procedural dances as a ``Move`` (the library's `DanceMove`).
///
/// `duration = beats · 60 / bpm`; `evaluate(t)` converts seconds to beats, evaluates the dance and returns the
/// head pose built from the offsets around the neutral head, the antenna offsets, and body yaw 0. The motion is
/// periodic, so it may be evaluated past one run. Change the tempo with ``bpm``.
public struct DanceMove: Move {
    /// The dance's catalogue entry.
    public let info: DanceInfo
    /// Effective parameters (defaults with overrides applied).
    public let parameters: [String: DanceParameter]
    /// Tempo, beats per minute (> 0).
    public private(set) var bpm: Double
    private let motion: DanceMotion

    /// Creates the dance `name` at tempo `bpm` with optional parameter overrides.
    /// - Throws: unknown dance or parameter, a wrongly typed parameter, or an invalid tempo.
    public init(_ name: String, bpm: Double = DanceCatalog.defaultBPM, overrides: [String: DanceParameter] = [:])
        throws(DanceError)
    {
        guard bpm.isFinite, bpm > 0 else { throw .invalidTempo(bpm) }
        let info = try DanceCatalog.info(named: name)
        let params = info.parameters.merging(overrides) { _, new in new }
        var reader = DanceParameterReader(dance: name, values: params)
        guard let motion = try DanceMotions.build(name, &reader) else {
            throw .unknownDance(name: name, available: (try? DanceCatalog.all().map(\.name)) ?? [])
        }
        try reader.checkAllUsed()
        self.info = info
        self.parameters = params
        self.bpm = bpm
        self.motion = motion
    }

    /// Name of the dance.
    public var name: String { info.name }

    /// Seconds for one run at the current tempo.
    public var duration: Double { (1 / (bpm / 60)) * info.beats }

    /// Changes the tempo (ignored unless positive and finite).
    public mutating func setTempo(_ bpm: Double) throws(DanceError) {
        guard bpm.isFinite, bpm > 0 else { throw .invalidTempo(bpm) }
        self.bpm = bpm
    }

    /// The offsets at `t` seconds.
    public func offsets(at t: Double) -> DanceOffsets { motion(t * (bpm / 60)) }

    /// The frame at `t` seconds.
    public func evaluate(_ t: Double) -> MoveFrame {
        let o = offsets(at: t)
        let head = HeadPose(
            x: o.position.x, y: o.position.y, z: o.position.z, roll: o.orientation.roll, pitch: o.orientation.pitch,
            yaw: o.orientation.yaw)
        return MoveFrame(head: head, antennas: o.antennas, bodyYaw: 0)
    }
}
