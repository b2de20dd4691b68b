import Bop
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ReachyAudio
import ReachyPlayground
import ReachySpeech

/// `POST /api/bop/replay` (ours): a program's self-contained HTML replay, for the playground's share button.
enum BopReplayRoutes {
    /// Samples per second of the replay's sound.
    static let sampleRate = 22_050

    static func register(_ table: RouteTable, _ env: ServiceEnvironment) {
        let limit = env.limit
        let emotions = env.service.emotions
        table.add(
            RouteInfo(
                method: .post, path: "/api/bop/replay",
                summary: "A Bop program's self-contained HTML replay (the robot drawn at 50 poses a second with the "
                    + "program's voice and sounds; nothing moves), as a download; 422 with the diagnostics when it "
                    + "has errors.", origin: .ours, body: "The program as text/plain, or JSON {program, seed?}.")
        ) { request, _ in
            let (text, seed) = try await BopRoutes.program(request, limit: limit)
            let result = try await BopRoutes.compile(text, seed: seed, emotions: emotions)
            guard !result.hasErrors, let timeline = result.timeline else {
                let detail = "The program has problems; there is nothing to replay. Fix them (see diagnostics)."
                return BopRoutes.problems(result, detail: detail)
            }
            var wav: Data?
            if BopAudioTrack.hasSound(timeline) {
                do {
                    let track = try await SynthesisThread.run("reachy.bop.replay-audio") {
                        () throws(SpeechError) -> BopAudioTrack in
                        try BopAudioTrack(timeline: timeline, sampleRate: Self.sampleRate)
                    }
                    wav = Data(WAVFile(sampleRate: track.sampleRate, samples: track.samples).encode())
                } catch {
                    throw ServiceError(.serviceUnavailable, "The program's voice could not be made: \(error)")
                }
            }
            let html: String
            do throws(PlaygroundReplayError) {
                html = try PlaygroundReplay.html(timeline, wav: wav)
            } catch {
                throw ServiceError.unprocessable(error.description)
            }
            var response = Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
            response.headers[.contentType] = "text/html; charset=utf-8"
            response.headers[.contentDisposition] = "attachment; filename=\"bop-replay.html\""
            response.headers[.cacheControl] = "no-store"
            return response
        }
    }
}
