import ArgumentParser
import ReachyMotion

/// The head-pose flags shared by `reachy ik`, `reachy goto` (and any command that takes a pose): translation in
/// meters, roll/pitch/yaw and body yaw in radians, or degrees with `--degrees`.
struct PoseOptions: ParsableArguments {
    @Option(name: .customLong("x"), parsing: .unconditional, help: "Forward translation, meters.")
    var x: Double = 0
    @Option(name: .customLong("y"), parsing: .unconditional, help: "Leftward translation, meters.")
    var y: Double = 0
    @Option(name: .customLong("z"), parsing: .unconditional, help: "Upward translation, meters.")
    var z: Double = 0
    @Option(parsing: .unconditional, help: "Roll (left side up), radians (degrees with --degrees).")
    var roll: Double = 0
    @Option(parsing: .unconditional, help: "Pitch (nose down), radians (degrees with --degrees).")
    var pitch: Double = 0
    @Option(parsing: .unconditional, help: "Yaw (turn left), radians (degrees with --degrees).")
    var yaw: Double = 0
    @Option(
        name: .customLong("body-yaw"), parsing: .unconditional,
        help: "Requested body yaw, radians (degrees with --degrees).")
    var bodyYaw: Double = 0
    @Flag(help: "Angles are in degrees instead of radians.")
    var degrees = false

    func validate() throws {
        let values = [
            ("x", x), ("y", y), ("z", z), ("roll", roll), ("pitch", pitch), ("yaw", yaw), ("body-yaw", bodyYaw),
        ]
        for (name, v) in values where !v.isFinite {
            throw ValidationError("--\(name) must be a finite number.")
        }
    }

    /// Radians per unit of the angle flags.
    var angleUnit: Double { degrees ? Double.pi / 180 : 1 }

    /// The head pose asked for.
    var pose: HeadPose {
        HeadPose(x: x, y: y, z: z, roll: roll * angleUnit, pitch: pitch * angleUnit, yaw: yaw * angleUnit)
    }

    /// The body yaw asked for, in radians.
    var bodyYawRadians: Double { bodyYaw * angleUnit }
}
