import Foundation

/// Runs speech synthesis on a thread of its own: espeak-ng blocks for as long as the text takes to synthesize, so it
/// must never hold a thread of the Swift cooperative pool (a two-core robot has two) while a server or a robot waits.
/// The Bop sound track and the news recital are synthesized through it.
public enum SynthesisThread {
    /// Runs `body` on a new thread named `name` and returns what it gave, or throws what it threw.
    public static func run<Value: Sendable>(
        _ name: String, _ body: @escaping @Sendable () throws(SpeechError) -> Value
    ) async throws(SpeechError) -> Value {
        let result: Result<Value, SpeechError> = await withCheckedContinuation { continuation in
            let thread = Thread {
                Thread.current.name = name  // (set on the thread: Linux does not keep a name set before start)
                do throws(SpeechError) {
                    continuation.resume(returning: .success(try body()))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
            thread.start()
        }
        return try result.get()
    }
}
