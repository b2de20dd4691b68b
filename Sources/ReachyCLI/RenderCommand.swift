import ArgumentParser
import Foundation
import ReachyMotion
import ReachyPictures

/// `reachy render`: a head pose drawn as an SVG picture (front and side views), through the safety limits.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the robot in a head pose as an SVG picture (front and side views).",
        discussion: """
            The pose flags are those of `reachy ik`. The pose goes through the same safety limits and anything \
            clamped is printed exactly like `reachy ik` prints it, and written under the picture: the picture \
            always shows what the robot would really do. The base, the body turned by its yaw, the six motor \
            arms at their computed angles, the rods, the head platform, the head and the antennas are all placed \
            by the kinematics. Unreachable poses are an error (exit status 1) and no file is written. \
            Nothing is sent to a robot.
            """)

    @OptionGroup var target: PoseOptions
    @OptionGroup var antennas: AntennaOptions
    @Flag(
        name: .customLong("manual-body-yaw"),
        help: "Keep the body yaw as given instead of letting it follow the head (automatic is the SDK default).")
    var manualBodyYaw = false
    @Option(help: ArgumentHelp("The SVG file to write.", valueName: "file.svg"))
    var out: String

    func validate() throws {
        guard out.lowercased().hasSuffix(".svg") else {
            throw ValidationError("--out must name a .svg file (got \"\(out)\").")
        }
    }

    func run() throws {
        let k = target.angleUnit
        let values = antennas.isEmpty ? [0, 0] : try antennas.values().map { $0 * k }
        let requested = Antennas(right: values.first ?? 0, left: values.last ?? 0)
        let picture: PosePicture
        do {
            picture = try PosePicture(
                head: target.pose, bodyYaw: target.bodyYawRadians, antennas: requested,
                automaticBodyYaw: !manualBodyYaw)
        } catch {
            throw MotionCLIError(description: error.description)
        }
        let clampLines = picture.clamps.map { "clamped \($0.joint): requested \($0.requested), applied \($0.applied)" }
        let notes =
            clampLines.isEmpty
            ? []
            : ["The safety limits changed this pose; drawn as the robot would take it:"]
                + clampLines
        let svg = RobotSVG().document(picture.frame, title: "Reachy Mini pose", notes: notes)
        do {
            try Data(svg.utf8).write(to: URL(fileURLWithPath: out))
        } catch {
            throw CLIError("Could not write \(out): \(error.localizedDescription). Choose a writable path.")
        }
        for line in clampLines { print(line) }
        print("Wrote \(out) (front and side views).")
    }
}
