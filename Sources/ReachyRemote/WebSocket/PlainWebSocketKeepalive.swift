/// How a ``PlainWebSocket`` checks that the link is alive: a ping every `interval`; when nothing at all (no message,
/// no pong) has arrived for `silence`, the connection is closed with ``PlainWebSocketError/silent(seconds:)``.
public struct PlainWebSocketKeepalive: Sendable, Equatable {
    /// Time between pings.
    public var interval: Duration
    /// How long the server may stay silent before the link is taken as dead.
    public var silence: Duration

    /// A keepalive; `silence` should be a few intervals.
    public init(interval: Duration, silence: Duration) {
        self.interval = interval
        self.silence = silence
    }

    /// A ping every 2 s, dead after 6 s of silence (the daemon streams positions at 50 Hz, so silence means a
    /// dead link, not a quiet one).
    public static let standard = PlainWebSocketKeepalive(interval: .seconds(2), silence: .seconds(6))
}
