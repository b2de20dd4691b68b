import ArgumentParser
import Foundation
import ReachyBridge

/// `reachy goto`: move the head, antennas and body to a target.
struct GotoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "goto",
        abstract: "Move the head (and antennas, body) to a pose in a given time.",
        discussion: """
            The head pose is x, y, z (meters) and roll, pitch, yaw (radians, or degrees with --degrees) in the SDK \
            frame. It goes through the safety limits (roll/pitch ±40°, z −50…+20 mm, head within 65° of the body); \
            clamps are reported on standard error. Motors are switched on if needed. On success prints the present \
            joints and head pose reached.
            """)

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var run: RobotRunOptions

    @OptionGroup var target: PoseOptions
    @OptionGroup var antennas: AntennaOptions
    @Option(help: "Duration in seconds.")
    var duration: Double = 1
    @Option(help: "Interpolation: minjerk, linear, ease_in_out or cartoon.")
    var method: String = InterpolationMethod.minjerk.rawValue

    func validate() throws {
        guard duration.isFinite, duration > 0, duration <= 60 else {
            throw ValidationError("--duration must be more than 0 and at most 60 seconds.")
        }
        guard InterpolationMethod(rawValue: method) != nil else {
            throw ValidationError("--method must be one of: minjerk, linear, ease_in_out, cartoon.")
        }
    }

    func run() async throws {
        let k = target.angleUnit
        let pose = target.pose
        let antennaTarget: Antennas? =
            antennas.isEmpty
            ? nil
            : try antennas.values().map { $0 * k }.withUnsafeBufferPointer { Antennas(right: $0[0], left: $0[1]) }
        let body = target.bodyYawRadians
        let duration = self.duration
        let method = InterpolationMethod(rawValue: method) ?? .minjerk
        try await RobotSession.run(connection, run) { mini in
            Progress.say("Moving (\(String(format: "%.2f", duration)) s, \(method.rawValue))…")
            try await mini.goto(head: pose, antennas: antennaTarget, bodyYaw: body, duration: duration, method: method)
            try await Task.sleep(for: .milliseconds(100))
            if let joints = mini.joints {
                let names = ReachyMotor.allCases.map(\.name)
                let line = zip(names, joints.motorOrder).map { "\($0.0) \(String(format: "%.3f", $0.1))" }
                print("joints (rad): " + line.joined(separator: ", "))
            }
            if let head = mini.headPose {
                let p = head.translation * 1000
                let e = head.euler
                print(
                    String(
                        format: "head: x %.1f mm, y %.1f mm, z %.1f mm, roll %.1f°, pitch %.1f°, yaw %.1f°", p.x, p.y,
                        p.z,
                        ReachyMotion.degrees(e.roll), ReachyMotion.degrees(e.pitch), ReachyMotion.degrees(e.yaw)))
            }
        }
    }
}
