public import Foundation

/// The routine's verdict for one run.
public struct RoutineDecision: Sendable, Equatable {
    /// Recite now, or wait.
    public enum Action: String, Sendable, Equatable {
        /// Recite `digests`.
        case recite
        /// Nothing to do now.
        case wait
    }

    /// The action.
    public var action: Action
    /// Why, in words.
    public var reason: String
    /// Unread digests to recite, newest first.
    public var digests: [String]
    /// Unread digests too old to recite; recorded as skipped so they are accounted for, not lost.
    public var stale: [String]
    /// Items in `digests` not recited before.
    public var newItemCount: Int
    /// The slot this run serves (nil for on-demand runs).
    public var slot: Date?
    /// The next scheduled slot.
    public var nextSlot: Date
}
