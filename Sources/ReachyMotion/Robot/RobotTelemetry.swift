/// One control-loop tick as the robot API sees it: present joints, the head pose from forward kinematics
/// (warm-started every tick), what was commanded, and the robot's state.
public struct RobotTelemetry: Sendable {
    /// Seconds since the loop started.
    public var time: Double
    /// Present positions of all nine joints (nil until every motor has answered once).
    public var joints: JointVector?
    /// Head pose from forward kinematics of the present joints (nil when FK failed or joints are unknown).
    public var headPose: HeadPose?
    /// The goal written this tick (nil when nothing was commanded).
    public var goal: JointVector?
    /// Whether a move is running.
    public var moving: Bool
    /// The motor mode.
    public var motorMode: MotorMode
    /// Hardware Error Status by motor name, as last polled (non-zero only).
    public var hardwareErrors: [String: UInt8]
    /// Set while the loop has stopped commanding.
    public var fault: ControlLoopFault?
    /// How late this tick woke up, nanoseconds.
    public var latenessNanoseconds: UInt64
}

/// Control-loop timing so far.
public struct LoopStatistics: Sendable {
    /// Rate, ticks per second.
    public var rate: Double
    /// Wake-up lateness.
    public var lateness: LatenessStatistics
    /// Time on the bus per tick.
    public var busTime: LatenessStatistics
    /// Deadlines skipped because a tick overran.
    public var missedTicks: UInt64
    /// Whether the loop thread runs with SCHED_FIFO.
    public var realtime: Bool
    /// Whether present positions are read with Fast Sync Read.
    public var fastSyncRead: Bool
    /// The most stack a tick has used down to the robot's telemetry observer, bytes (flat on a healthy loop).
    public var deepestTickStackBytes: Int = 0
    /// Ticks run so far (virtual or real).
    public var ticks: UInt64 = 0
}
