import Foundation
import Synchronization

/// The most recent Bop runs, by UUID (the last ``capacity`` runs): their progress and their media.
final class BopRunLog: Sendable {
    /// Runs remembered.
    static let capacity = 16

    /// One remembered run.
    struct Run: Sendable {
        var progress: BopRunProgress
        var media: BopRunMedia?
    }

    private let runs = Mutex<[(UUID, Run)]>([])

    /// Remembers the run `uuid` (forgetting the oldest beyond ``capacity``).
    func add(_ uuid: UUID, _ progress: BopRunProgress, media: BopRunMedia? = nil) {
        runs.withLock { runs in
            runs.append((uuid, Run(progress: progress, media: media)))
            if runs.count > Self.capacity { runs.removeFirst(runs.count - Self.capacity) }
        }
    }

    /// The progress of run `uuid`, if remembered.
    func progress(_ uuid: UUID) -> BopRunProgress? { run(uuid)?.progress }

    /// The run `uuid`, if remembered.
    func run(_ uuid: UUID) -> Run? {
        runs.withLock { runs in runs.last { $0.0 == uuid }?.1 }
    }
}
