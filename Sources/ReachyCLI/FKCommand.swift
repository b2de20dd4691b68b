import ArgumentParser
import Foundation
import ReachyMotion

/// `reachy fk`: seven joint angles → head pose.
struct FKCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fk",
        abstract: "Forward kinematics: print the head pose for joint angles [body, s1…s6] (radians).",
        discussion: """
            Solved numerically (Gauss-Newton from the neutral head) to a rod-length residual below 1e-9 m. \
            Joint angles that no head pose satisfies are an error (exit status 1). Nothing is sent to a robot.

            JSON output: {"pose": 4×4 rows (meters), "rpy": [roll, pitch, yaw] (radians), "xyz": [x, y, z] \
            (meters)}.
            """)

    @Argument(
        parsing: .allUnrecognized,
        help: "Seven joint angles in radians: body s1 s2 s3 s4 s5 s6 (negative values allowed).")
    var joints: [String] = []
    @Flag(help: "Print JSON instead of text.")
    var json = false

    func validate() throws {
        _ = try values()
    }

    func values() throws -> [Double] {
        try NumberList.parse(joints, count: 7, what: "joint angles [body, s1…s6]")
    }

    func run() throws {
        let values = try values()
        var solver = ForwardKinematics()
        let pose: HeadPose
        do {
            pose = try solver.pose(for: try HeadJoints(values))
        } catch let error as KinematicsError {
            throw MotionCLIError(description: error.description)
        }
        let e = pose.euler
        if json {
            print(
                try MotionCLISupport.json(
                    FKOutput(pose: pose.rows, xyz: pose.translation.array, rpy: [e.roll, e.pitch, e.yaw])))
            return
        }
        for row in pose.rows {
            print(row.map { MotionCLISupport.fixed($0) }.joined(separator: " "))
        }
        let mm = pose.translation * 1000
        print(String(format: "x %.3f mm, y %.3f mm, z %.3f mm", mm.x, mm.y, mm.z))
        print(
            String(format: "roll %.3f°, pitch %.3f°, yaw %.3f°", degrees(e.roll), degrees(e.pitch), degrees(e.yaw)))
    }
}

/// JSON shape of `reachy fk --json`.
struct FKOutput: Encodable {
    var pose: [[Double]]
    var xyz: [Double]
    var rpy: [Double]
}
