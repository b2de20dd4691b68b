public import Dynamixel

/// How ``ReachyMini/connect(transport:options:reopen:)`` starts the robot and runs its loop.
public struct ReachyMiniOptions: Sendable {
    /// Control-loop rate, ticks per second (default 100; 50 like the official stack; up to 200).
    public var rate: Double = 100
    /// The expected motor table (EEPROM values and gains) checked and fixed at startup.
    public var configuration: RobotConfiguration = .reachyMini
    /// Minimum supply voltage and how long to wait for it.
    public var minimumSupply = 4.5
    public var supplyTimeout = 30.0
    /// Pin goals to present positions and switch torque on at the end of startup (the official default).
    public var enableMotors = true
    /// Body yaw follows the head like the SDK (`automatic_body_yaw=True`).
    public var automaticBodyYaw = true
    /// Safety limits applied to every target.
    public var limits: SafetyLimits = .reachyMini
    /// Silence after which the loop declares the robot unreachable, seconds.
    public var noReplyTimeout = 1.0
    /// Servo-bus timing; `nil` keeps the bus's own (or the default for a new bus).
    public var bus: ServoBusConfiguration? = nil
    /// Force Sync Read instead of Fast Sync Read even when the firmware supports it.
    public var disableFastSyncRead = false
    /// Where the control loop's ticks and time come from; `nil` is a real-time thread at `rate` (a robot). A
    /// ``ManualTickSource`` (its period must match `rate`) runs the robot — with an in-process simulator on the same
    /// clock — on virtual time, for tests and faster-than-real-time runs.
    public var tickSource: (any TickSource)? = nil
    /// Told what startup waits for when it has to wait (a low supply: up to `supplyTimeout`), to show the user.
    public var startupNotice: (@Sendable (String) -> Void)? = nil

    public init(rate: Double = 100) { self.rate = rate }
}

/// What ``ReachyMini/safeStop(mode:)`` leaves the robot in.
public enum SafeStopMode: String, Sendable, CaseIterable {
    /// Cancel the move, go to the sleep pose, then switch torque off (the default for Ctrl-C).
    case sleep
    /// Cancel the move and hold the current position with torque on.
    case hold
    /// Cancel the move and switch torque off where the head is (it sinks gently under its weight).
    case release
}

/// The motor control mode of the SDK (`MotorControlMode`).
public enum MotorMode: String, Sendable, CaseIterable {
    /// Torque on, position control.
    case enabled
    /// Torque off.
    case disabled
    /// Current control compensating gravity — needs a dynamics model this bridge does not have.
    case gravityCompensation = "gravity_compensation"
}
