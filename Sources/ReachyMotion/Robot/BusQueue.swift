import Dispatch

/// Runs blocking bus work (startup, torque changes) on a dedicated serial dispatch queue and awaits it, so that
/// blocking serial I/O never occupies a thread of the Swift cooperative pool.
struct BusQueue: Sendable {
    private let queue = DispatchQueue(label: "reachy-bus-commands")

    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
