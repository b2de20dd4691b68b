/// A move from a start to a target (the SDK's `GotoMove`): head pose by ``PoseInterpolation`` with yaw as a scalar,
/// antennas and body yaw linearly, all warped in time by an ``InterpolationMethod``.
public struct GotoMove: Move, Equatable {
    /// Start head pose.
    public var startHead: HeadPose
    /// Target head pose.
    public var targetHead: HeadPose
    /// Start antennas.
    public var startAntennas: Antennas
    /// Target antennas.
    public var targetAntennas: Antennas
    /// Start body yaw (radians).
    public var startBodyYaw: Double
    /// Target body yaw (radians).
    public var targetBodyYaw: Double
    /// Duration, seconds (> 0).
    public let duration: Double
    /// Time warping.
    public var method: InterpolationMethod

    /// Creates a goto move; a nil target keeps the start value for that part.
    public init(
        from start: MoveFrame, head: HeadPose? = nil, antennas: Antennas? = nil, bodyYaw: Double? = nil,
        duration: Double, method: InterpolationMethod = .minjerk
    ) throws(MoveError) {
        guard duration.isFinite, duration > 0 else { throw .invalidDuration(duration) }
        let targetHead = head ?? start.head
        let targetAntennas = antennas ?? start.antennas
        let targetBody = bodyYaw ?? start.bodyYaw
        guard start.head.isFinite, start.antennas.values.allSatisfy(\.isFinite), start.bodyYaw.isFinite else {
            throw .notFinite(what: "start")
        }
        guard targetHead.isFinite, targetAntennas.values.allSatisfy(\.isFinite), targetBody.isFinite else {
            throw .notFinite(what: "target")
        }
        self.startHead = start.head
        self.targetHead = targetHead
        self.startAntennas = start.antennas
        self.targetAntennas = targetAntennas
        self.startBodyYaw = start.bodyYaw
        self.targetBodyYaw = targetBody
        self.duration = duration
        self.method = method
    }

    /// The frame at `t` (clamped to 0…duration).
    public func evaluate(_ t: Double) -> MoveFrame {
        let a = method.value(at: t / duration)
        let head = PoseInterpolation.interpolate(from: startHead, to: targetHead, alpha: a, yawAsScalar: true)
        let antennas = Antennas(
            right: startAntennas.right + (targetAntennas.right - startAntennas.right) * a,
            left: startAntennas.left + (targetAntennas.left - startAntennas.left) * a)
        return MoveFrame(head: head, antennas: antennas, bodyYaw: startBodyYaw + (targetBodyYaw - startBodyYaw) * a)
    }
}
