import Bop
import Foundation
import Hummingbird
import ReachyMotion
import ReachyPlayground

/// `POST /api/bop/preview` (ours): what a program would do, without moving the robot — its timeline picture and
/// its poses over time, for the playground to scrub through before pressing Run.
enum BopPreviewRoutes {
    /// Poses per second of the preview (fewer for a long program: at most ``maxFrames``).
    static let rate = 10
    /// Most poses in one preview.
    static let maxFrames = 1_200

    /// The answer.
    struct Preview: Encodable {
        /// Seconds the program lasts.
        var duration: Double
        /// Poses per second.
        var rate: Int
        /// The timeline picture (the same as the run's).
        var timeline: String
        /// Per pose: `[body yaw, s1…s6]`, radians (as `/ws/sdk` `head_joint_positions`).
        var head_joints: [[Double]]
        /// Per pose: `[right, left]`, radians.
        var antennas: [[Double]]
        /// Per pose: the head pose, 4×4 (as `/ws/sdk` `head_pose`).
        var head_pose: [[[Double]]]
    }

    static func register(_ table: RouteTable, _ env: ServiceEnvironment) {
        let limit = env.limit
        let emotions = env.service.emotions
        table.add(
            RouteInfo(
                method: .post, path: "/api/bop/preview",
                summary: "What a Bop program would do, without moving the robot → {\"duration\", \"rate\", "
                    + "\"timeline\" (SVG), \"head_joints\", \"antennas\", \"head_pose\" (a pose per 1/rate s, through "
                    + "the robot's safety check)}; 422 with the diagnostics when it has errors.", origin: .ours,
                body: "The program as text/plain, or JSON {program, seed?}.")
        ) { request, _ in
            let (text, seed) = try await BopRoutes.program(request, limit: limit)
            let result = try await BopRoutes.compile(text, seed: seed, emotions: emotions)
            guard !result.hasErrors, let timeline = result.timeline else {
                let detail = "The program has problems; there is nothing to preview. Fix them (see diagnostics)."
                return BopRoutes.problems(result, detail: detail)
            }
            let duration = timeline.duration.doubleValue
            let rate = max(1, min(Self.rate, Int(Double(Self.maxFrames) / max(duration, 0.1))))
            let motion: BopMotion
            do {
                motion = try BopMotion(timeline: timeline, rate: rate)
            } catch {
                throw ServiceError.unprocessable("The program could not be turned into a move: \(error)")
            }
            let count = min(motion.frames.count, motion.goals.count)
            return JSONResponse.make(
                Preview(
                    duration: duration, rate: rate,
                    timeline: PlaygroundTimeline.svg(timeline, source: result.source),
                    head_joints: motion.goals.prefix(count).map(\.head.values),
                    antennas: motion.goals.prefix(count).map(\.antennas.values),
                    head_pose: motion.frames.prefix(count).map(\.head.rows)))
        }
    }
}
