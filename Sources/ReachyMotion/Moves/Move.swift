/// One evaluated instant of a move: where the head, antennas and body should be.
public struct MoveFrame: Sendable, Equatable {
    /// Head pose, SDK frame.
    public var head: HeadPose
    /// Antenna joints, radians.
    public var antennas: Antennas
    /// Body yaw, radians.
    public var bodyYaw: Double

    /// Creates a frame.
    public init(head: HeadPose, antennas: Antennas, bodyYaw: Double) {
        self.head = head
        self.antennas = antennas
        self.bodyYaw = bodyYaw
    }
}

/// A move: a time-parameterised task-space trajectory (the SDK's `Move`).
///
/// A player evaluates it at its control rate for t from 0 to ``duration`` and sends each frame through
/// ``SafeKinematics``. Moves are pure values: evaluating has no side effect and is safe from any thread.
public protocol Move: Sendable {
    /// Length of one run of the move, seconds.
    var duration: Double { get }
    /// The frame at time `t` seconds (values outside 0…duration are clamped or continue periodically,
    /// depending on the move).
    func evaluate(_ t: Double) -> MoveFrame
}

extension Move {
    /// `count` frames evenly spaced over one run: the first at t = 0, the last at t = ``duration``
    /// (a single sample is at t = 0).
    public func samples(count: Int) -> [(t: Double, frame: MoveFrame)] {
        guard count > 0 else { return [] }
        if count == 1 { return [(0, evaluate(0))] }
        return (0..<count).map { i in
            let t = i == count - 1 ? duration : duration * Double(i) / Double(count - 1)
            return (t, evaluate(t))
        }
    }
}

/// Why a move could not be built.
public enum MoveError: Error, Equatable, CustomStringConvertible {
    /// A duration that is not a positive finite number of seconds.
    case invalidDuration(Double)
    /// NaN or infinite numbers in a move's start or target.
    case notFinite(what: String)

    public var description: String {
        switch self {
        case .invalidDuration(let d):
            return "A move needs a positive, finite duration in seconds; got \(d)."
        case .notFinite(let what):
            return "The \(what) of the move contains NaN or infinite numbers; give finite meters and radians."
        }
    }
}
