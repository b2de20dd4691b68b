import Foundation
import HummingbirdWebSocket
import NIOWebSocket

/// The messages of `/ws/bop/{uuid}`: a run's progress pushed as it is recorded, so the playground highlights the
/// line that plays and shows warnings without polling.
///
/// Every ``BopRunProgress/Entry`` goes once, in order, from the first the run kept: `{"type": "bop_progress",
/// "index", "kind", "line"?, "time"?, "text", "at"}`; when the run has ended, `{"type": "bop_finished",
/// "outcome"}` and a normal close (1000). A run the service does not remember gets `{"type": "bop_error", "detail"}`
/// and close code 1008.
enum BopRunSocket {
    /// One progress entry as a message.
    struct Progress: Encodable {
        var type = "bop_progress"
        var entry: BopRunProgress.Entry

        func encode(to encoder: any Encoder) throws {
            try entry.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(type, forKey: .type)
        }

        enum Key: String, CodingKey { case type }
    }

    /// The end of the run.
    struct Finished: Encodable {
        var type = "bop_finished"
        var outcome: String
    }

    /// A refusal: there is no such run.
    struct Refusal: Encodable {
        var type = "bop_error"
        var detail: String
    }

    /// Tells the client why there is nothing to follow, then closes (1008, policy violation).
    static func refuse(_ detail: String, on outbound: WebSocketOutboundWriter) async throws {
        try await outbound.write(.text(JSONResponse.text(Refusal(detail: detail))))
        try await outbound.close(.policyViolation, reason: "no such run")
    }

    /// Sends `progress` as it grows until the run ends, then the end and a close.
    static func push(_ progress: BopRunProgress, to outbound: WebSocketOutboundWriter) async throws {
        var last: Int?
        // `changes()` yields once more when the run ends, then finishes; the final pass sends whatever is left.
        for await _ in progress.changes() {
            if try await flush(progress, after: &last, to: outbound) { return }
        }
        _ = try await flush(progress, after: &last, to: outbound)
    }

    /// Sends the entries after `last`; once the run has ended, the end and a close (then true).
    private static func flush(_ progress: BopRunProgress, after last: inout Int?, to outbound: WebSocketOutboundWriter)
        async throws -> Bool
    {
        let snapshot = progress.snapshot(after: last)
        for entry in snapshot.events {
            try await outbound.write(.text(JSONResponse.text(Progress(entry: entry))))
            last = entry.index
        }
        guard snapshot.finished else { return false }
        try await outbound.write(.text(JSONResponse.text(Finished(outcome: snapshot.outcome ?? "completed"))))
        try await outbound.close(.normalClosure, reason: nil)
        return true
    }
}
