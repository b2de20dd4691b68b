import Foundation

extension BopPerformer.Event {
    /// The line `reachy run` prints for this event (and `GET /api/bop/events/{uuid}` gives), e.g. "▶ line 3: nod
    /// twice"; nil for the approach to the first pose, which is not shown. `program` names what is played.
    public func progressText(program: String) -> String? {
        switch self {
        case .notice(let text): text
        case .wakingUp: "Waking up…"
        case .approaching: nil
        case .playing(let seconds, let truncated):
            "Playing \(program) (\(String(format: "%.2f", seconds)) s)" + (truncated ? ", cut at the time limit…" : "…")
        case .line(let line, let text, _): "▶ line \(line): \(text)"
        case .done: "Done."
        }
    }
}
