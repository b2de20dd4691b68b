import Foundation

/// What was asked of the robot while its motors were off. The daemon's contract is kept — a goto is accepted,
/// listed in `/api/move/running` for its duration, then finishes — but nothing moves, so the reason is told to
/// whoever looks: the answer itself, `GET /api/daemon/status` (`notice`) and `/ws/sdk`.
struct MotorsOffLog: Sendable {
    /// How many commands moved nothing since the motors went off.
    private(set) var ignored = 0
    /// The last of them (`goto`, `set_target`, …).
    private(set) var last: String?

    /// What to do, always the same first sentence so clients and people can recognise it.
    static let wakeMeUp =
        "My motors are off — wake me up first: POST /api/move/play/wake_up (or /api/motors/set_mode/enabled, "
        + "or `reachy wake`)."

    /// When `/ws/sdk` clients were last told.
    private var told: ContinuousClock.Instant?

    /// Records `command`; true when clients should be told now (the first time, then at most once a second).
    mutating func record(_ command: String, at now: ContinuousClock.Instant) -> Bool {
        ignored += 1
        last = command
        if let told, now - told < .seconds(1) { return false }
        told = now
        return true
    }

    /// The notice: what to do, and what was asked that did not move — or, on the simulator (`simulatorMoves`:
    /// its hand moves the joints as the official simulators do), what moved only because it is a simulator.
    func notice(simulatorMoves: Bool = false) -> String {
        guard let last else { return Self.wakeMeUp }
        let count = ignored == 1 ? "1 command" : "\(ignored) commands"
        if simulatorMoves {
            return Self.wakeMeUp + " Since they went off, \(count) moved the simulator only, as the official "
                + "simulators do; a real robot would not have moved (last: \(last))."
        }
        return Self.wakeMeUp + " Since they went off, \(count) moved nothing (last: \(last))."
    }
}

/// The `/ws/sdk` message sent when a command was accepted while the motors are off (not an official message
/// type: the official client skips it).
struct NoticeMessage: Encodable, Sendable {
    var type = "notice"
    var notice: String
}
