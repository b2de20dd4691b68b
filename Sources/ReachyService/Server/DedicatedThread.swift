import Foundation

/// Runs CPU-heavy request work (parsing and planning a large digest takes seconds) on a thread of its own, so that
/// it never holds a thread of the Swift cooperative pool — on a two-core robot there are only two — while other
/// requests wait.
enum DedicatedThread {
    /// Runs `body` on a new thread named `name` and returns its result.
    static func run<T: Sendable>(_ name: String, _ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: body())
            }
            thread.name = name
            thread.start()
        }
    }
}
