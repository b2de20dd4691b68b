import Foundation
public import ReachyMotion

/// A timeline turned into what the robot plays: frames sampled at a fixed rate (50 Hz), each one checked by
/// ReachyMotion's `SafeKinematics` (pose → nine motor goals within `SafetyLimits`), as a `Move`.
///
/// The kid limits have already held every axis (`BopLimits`, never wider than `SafetyLimits`); this is the final
/// check. A frame the safety layer changes is played changed, with a warning on the program line that made it;
/// a frame it refuses (an unreachable pose) keeps the previous frame, with a warning. Joint speeds above the
/// robot's cap are reported too (the control loop slows them down).
public struct BopMotion: Sendable {
    /// Seconds of each frame from the start (0, 1/rate, …).
    public var times: [Double]
    /// The frames to play, all accepted by `SafeKinematics`.
    public var frames: [MoveFrame]
    /// The motor goals `SafeKinematics` gave for each frame.
    public var goals: [JointVector]
    /// What the safety layer changed, once per line and kind, in time order.
    public var warnings: [BopMotionWarning]
    /// The frames as a `Move` (linear between frames, holding the last).
    public var move: RecordedMove

    /// Samples `timeline` at `rate` frames per second and checks every frame.
    public init(timeline: Timeline, rate: Int = 50, safety: SafeKinematics = SafeKinematics(automaticBodyYaw: false))
        throws(RecordedMoveError)
    {
        let samples = Sampler.sample(timeline, rate: rate)
        var times: [Double] = []
        var frames: [MoveFrame] = []
        var goals: [JointVector] = []
        var warnings: [BopMotionWarning] = []
        var seen: Set<String> = []
        var lines = LineAtTime(timeline)
        func warn(_ kind: BopMotionWarning.Kind, _ t: Double, _ detail: String) {
            let line = lines.line(at: t)
            let key = kind == .refused ? "\(line)|\(kind)" : "\(line)|\(kind)|\(detail)"
            guard seen.insert(key).inserted else { return }
            warnings.append(
                BopMotionWarning(kind: kind, line: line, time: t, detail: detail, language: timeline.language))
        }
        let dt = 1 / Double(max(1, rate))
        let neutral = (try? safety.motorGoals(head: .identity, antennas: .zero, bodyYaw: 0).value)
        for sample in samples {
            var frame = Self.frame(sample)
            do {
                let checked = try safety.motorGoals(head: frame.head, antennas: frame.antennas, bodyYaw: frame.bodyYaw)
                for clamp in checked.clamps { warn(.clamped, sample.time, clamp.joint) }
                if let last = goals.last {
                    for motor in ReachyMotor.allCases
                    where abs(checked.value[motor] - last[motor]) > safety.limits.maxJointSpeed * dt + 1e-9 {
                        warn(.slowed, sample.time, motor.name)
                    }
                }
                goals.append(checked.value)
            } catch {
                warn(.refused, sample.time, error.description)
                frame = frames.last ?? MoveFrame(head: .identity, antennas: .zero, bodyYaw: 0)
                if let held = goals.last ?? neutral { goals.append(held) }
            }
            times.append(sample.time)
            frames.append(frame)
        }
        if times.isEmpty {
            times = [0]
            frames = [MoveFrame(head: .identity, antennas: .zero, bodyYaw: 0)]
            goals = neutral.map { [$0] } ?? []
        }
        self.times = times
        self.frames = frames
        self.goals = goals
        self.warnings = warnings
        self.move = try RecordedMove(description: "Bop program", times: times, frames: frames)
    }

    /// The robot frame for one sample: degrees → radians; the head yaw is sent in the world frame (body + head).
    public static func frame(_ sample: Sampler.Sample) -> MoveFrame {
        let r = Double.pi / 180
        let head = HeadPose(
            x: sample.value(.headX), y: sample.value(.headY), z: sample.value(.headZ),
            roll: sample.value(.headRoll) * r, pitch: sample.value(.headPitch) * r, yaw: sample.absoluteHeadYaw * r)
        return MoveFrame(
            head: head,
            antennas: Antennas(right: sample.value(.antennaRight) * r, left: sample.value(.antennaLeft) * r),
            bodyYaw: sample.value(.bodyYaw) * r)
    }
}

/// Something the final safety check changed, tied to the program line.
public struct BopMotionWarning: Sendable, Equatable, CustomStringConvertible {
    /// What happened.
    public enum Kind: String, Sendable {
        /// A joint or head angle was held at the robot's limit.
        case clamped
        /// A motor would have to move faster than the robot allows; the robot slows it down.
        case slowed
        /// The pose cannot be reached; the robot keeps the previous one.
        case refused
    }

    /// What happened.
    public var kind: Kind
    /// The program line (0 when no line was moving).
    public var line: Int
    /// When, seconds from the start.
    public var time: Double
    /// The joint, or the safety layer's message.
    public var detail: String
    /// The code of the program's language, which ``description`` is written in.
    public var language: String = "en"

    /// The warning in the program's language (`run.warning-*` in the language files).
    public var description: String {
        let messages = MessageCatalog(BopLanguages.all[language] ?? BopLanguages.english)
        let at = line > 0 ? messages.text("run.at-line", ["line": "\(line)"]) : messages.text("run.at-program")
        return messages.text("run.warning-\(kind.rawValue)", ["at": at, "detail": jointWords(messages.language)])
    }

    /// The joint in the child's words (`joint.*` in the language files: "the head's turn", 头转动的角度, "head
    /// motor 6"); the safety layer's own message for a refused pose.
    func jointWords(_ language: BopLanguage) -> String {
        guard kind != .refused else { return detail }
        let words = { (key: String) in language.messages[key] ?? BopLanguages.english.messages[key] }
        if detail.hasPrefix("stewart_"), let template = words("joint.stewart") {
            return template.replacingOccurrences(of: "{n}", with: String(detail.dropFirst("stewart_".count)))
        }
        return words("joint.\(detail)") ?? detail
    }
}

/// The program line being played at a given time: the line of the latest segment that has started. Ask in
/// increasing time order (a sweep, linear over the whole timeline).
struct LineAtTime {
    private let starts: [(start: Double, line: Int)]
    private var next = 0
    private var current = 0

    init(_ timeline: Timeline) {
        starts = timeline.segments.map { ($0.start.doubleValue, $0.line) }
    }

    mutating func line(at t: Double) -> Int {
        while next < starts.count, starts[next].start <= t + 1e-9 {
            current = starts[next].line
            next += 1
        }
        return current
    }
}
