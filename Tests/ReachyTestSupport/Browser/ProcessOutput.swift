import Foundation
import Synchronization

/// What a child process has written so far, collected from a pipe while it runs.
final class ProcessOutput: Sendable {
    private let text = Mutex("")

    /// Starts collecting everything written to `pipe`.
    init(_ pipe: Pipe) {
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
                return
            }
            self?.text.withLock { $0 += String(decoding: data, as: UTF8.self) }
        }
    }

    /// Everything collected so far.
    var string: String { text.withLock { $0 } }
}
