import ArgumentParser
import Foundation
import ReachyMotion

/// `reachy ik`: head pose → the seven joint angles `[body, s1…s6]`, through the safety limits.
struct IKCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ik",
        abstract: "Inverse kinematics: print the joint angles [body, s1…s6] (radians) for a head pose.",
        discussion: """
            The pose is in the SDK frame (meters; x forward, y left, z up; neutral head = 0); roll, pitch and \
            yaw (extrinsic x-y-z) are in radians, or degrees with --degrees. The pose goes through the safety \
            limits (roll/pitch ±40°, head within 65° of the body, body ±160°, z −50…+20 mm, motor EEPROM \
            limits) and anything clamped is reported. Unreachable poses are an error (exit status 1). \
            Nothing is sent to a robot.

            JSON output: {"clamped": [{"applied", "joint", "requested"}], "joints": [body, s1, …, s6]}.
            """)

    @OptionGroup var target: PoseOptions
    @Flag(
        name: .customLong("manual-body-yaw"),
        help: "Keep the body yaw as given instead of letting it follow the head (automatic is the SDK default).")
    var manualBodyYaw = false
    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let pose = target.pose
        let solver = SafeKinematics(automaticBodyYaw: !manualBodyYaw)
        let result: Clamped<HeadJoints>
        do {
            result = try solver.headJoints(head: pose, bodyYaw: target.bodyYawRadians)
        } catch {
            throw MotionCLIError(description: error.description)
        }
        let joints = result.value.values.map { $0 == 0 ? 0 : $0 }  // no "-0" in the output
        if json {
            print(try MotionCLISupport.json(IKOutput(joints: joints, clamped: result.clamps)))
            return
        }
        let names = ["body", "s1", "s2", "s3", "s4", "s5", "s6"]
        for (name, v) in zip(names, joints) {
            let label = name.padding(toLength: 5, withPad: " ", startingAt: 0)
            print("\(label)\(MotionCLISupport.fixed(v)) rad \(MotionCLISupport.fixed(ReachyMotion.degrees(v), 2))°")
        }
        for c in result.clamps {
            print("clamped \(c.joint): requested \(c.requested), applied \(c.applied)")
        }
    }
}

/// JSON shape of `reachy ik --json`.
struct IKOutput: Encodable {
    var joints: [Double]
    var clamped: [ClampEntry]
}
