import Foundation
import ReachySpeech

extension RecitalRenderer {
    /// Renders the plan on a dedicated thread (espeak-ng blocks: never on the Swift cooperative pool, so a service
    /// keeps answering while a long digest renders). Cancelling the calling task stops the render within one audio
    /// buffer of espeak-ng and throws `CancellationError`; other failures throw ``SpeechError``.
    public func renderInBackground(_ plan: RecitalPlan) async throws -> Rendered {
        let cancellation = SpeechCancellation()
        let renderer = self
        let result: Result<Rendered, SpeechError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let thread = Thread {
                    do throws(SpeechError) {
                        continuation.resume(returning: .success(try renderer.render(plan, cancellation: cancellation)))
                    } catch {
                        continuation.resume(returning: .failure(error))
                    }
                }
                thread.name = "reachy.news.synth"
                thread.start()
            }
        } onCancel: {
            cancellation.cancel()
        }
        switch result {
        case .success(let rendered): return rendered
        case .failure(.cancelled): throw CancellationError()
        case .failure(let error): throw error
        }
    }
}
