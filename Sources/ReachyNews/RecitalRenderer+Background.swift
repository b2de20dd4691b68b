import ReachySpeech

extension RecitalRenderer {
    /// Renders the plan on a dedicated thread (espeak-ng blocks: never on the Swift cooperative pool, so a service
    /// keeps answering while a long digest renders). Cancelling the calling task stops the render within one audio
    /// buffer of espeak-ng and throws `CancellationError`; other failures throw ``SpeechError``.
    public func renderInBackground(_ plan: RecitalPlan) async throws -> Rendered {
        let cancellation = SpeechCancellation()
        let renderer = self
        do {
            return try await withTaskCancellationHandler {
                try await SynthesisThread.run("reachy.news.synth") { () throws(SpeechError) -> Rendered in
                    try renderer.render(plan, cancellation: cancellation)
                }
            } onCancel: {
                cancellation.cancel()
            }
        } catch SpeechError.cancelled {
            throw CancellationError()
        }
    }
}
