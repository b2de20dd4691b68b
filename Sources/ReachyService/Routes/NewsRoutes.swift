import Foundation
import Hummingbird
import ReachyAudio
import ReachyMotion
import ReachyNews
import ReachySpeech

/// `POST /api/news/recite` (ours): a digest's Markdown → the news anchor performance on the robot.
enum NewsRoutes {
    struct ReciteAnswer: Encodable {
        var uuid: String
        var items: Int
        var sentences: Int
        var warnings: [String]
    }

    static func register(_ table: RouteTable, _ env: ServiceEnvironment) {
        let service = env.service
        let limit = env.limit
        table.add(
            RouteInfo(
                method: .post, path: "/api/news/recite",
                summary: "Recite a digest (its Markdown as the body) with the news anchor's voice and gestures → "
                    + "{\"uuid\", \"items\", \"sentences\", \"warnings\"}; stop it with /api/move/stop.",
                origin: .ours, body: "The digest's Markdown (text/markdown or text/plain).")
        ) { request, _ in
            let data = try await JSONBody.collect(request, limit: limit)
            guard let text = String(data: data, encoding: .utf8), !text.isEmpty else {
                throw ServiceError.badRequest("The body must be a digest's Markdown text (UTF-8).")
            }
            // Parsing and planning a large digest takes seconds: off the cooperative pool.
            let (parsed, plan) = try await DedicatedThread.run("reachy.news.plan") {
                () -> Result<(DigestParseResult, RecitalPlan), ServiceError> in
                let parsed = DigestParser.parse(text, source: "request body")
                if let error = parsed.firstError {
                    return .failure(.unprocessable("The digest has a problem: \(error)"))
                }
                guard !parsed.digest.items.isEmpty else {
                    return .failure(.unprocessable("The digest has no items to recite."))
                }
                do {
                    return .success((parsed, try RecitalPlanner.bundled().plan([parsed.digest])))
                } catch {
                    return .failure(ServiceError(.internalServerError, String(describing: error)))
                }
            }.get()
            guard let makeSink = service.makeAudioSink else {
                throw ServiceError(.serviceUnavailable, "This service has no speaker to recite with.")
            }
            try service.requireRunning()
            let robot = service.robot
            let (uuid, started) = service.moves.start(kind: "news") {
                let rendered = try await render(plan)
                let sink = try makeSink()
                defer { try? sink.close() }
                let performer = RecitalPerformer(robot: robot, sink: sink, pace: true)
                if robot.motorMode != .enabled { try await robot.wakeUp() }
                try await withTaskCancellationHandler {
                    _ = try await performer.perform(rendered)
                } onCancel: {
                    sink.stop()
                }
            }
            guard started else {
                throw ServiceError.conflict("A move is running (GET /api/move/running); stop it first.")
            }
            return JSONResponse.make(
                ReciteAnswer(
                    uuid: uuid.uuidString.lowercased(), items: plan.items.count, sentences: plan.sentences.count,
                    warnings: parsed.diagnostics.map { String(describing: $0.error) }))
        }
    }

    /// Renders on a dedicated thread (espeak-ng blocks); cancelling the move (`/api/move/stop`) stops the render
    /// within one audio buffer.
    static func render(_ plan: RecitalPlan) async throws -> RecitalRenderer.Rendered {
        try await RecitalRenderer(synthesizer: SpeechSynthesizer()).renderInBackground(plan)
    }
}
