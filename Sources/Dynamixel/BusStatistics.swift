/// Counters a `ServoBus` keeps since it was created (or since `resetStatistics()`): a health report for
/// `reachy doctor` and for control-loop telemetry.
public struct BusStatistics: Sendable, Hashable, CustomStringConvertible {
    /// Calls that put a request on the bus (retries not counted).
    public var transactions = 0
    /// Extra attempts made after a timeout or a corrupted reply.
    public var retries = 0
    /// Attempts that ended with at least one expected reply missing.
    public var timeouts = 0
    /// Attempts that waited for replies (first tries and retries).
    public var replyAttempts = 0
    /// Attempts that failed with signs of noise: replies that arrived corrupted, cut short or mixed with garbage
    /// (as opposed to silence).
    public var noisyAttempts = 0
    /// Received packets whose CRC did not match (or fast-read blocks whose running CRC did not).
    public var crcErrors = 0
    /// Received packets with an impossible length or framing.
    public var framingErrors = 0
    /// Well-formed packets that were not the awaited answer (another ID, a stale reply, an echo) and were dropped.
    public var discardedPackets = 0
    /// Replies whose error number was not 0.
    public var statusErrors = 0
    /// Replies that carried the Alert bit (a device reports a hardware error).
    public var alerts = 0
    /// Bytes written to the transport.
    public var bytesSent = 0
    /// Bytes read from the transport.
    public var bytesReceived = 0

    public init() {}

    public var description: String {
        "\(transactions) transactions, \(retries) retries, \(timeouts) timeouts, "
            + "\(noisyAttempts) of \(replyAttempts) attempts noisy, \(crcErrors) CRC errors, "
            + "\(framingErrors) framing errors, \(discardedPackets) discarded packets, \(statusErrors) status errors, "
            + "\(alerts) alerts, \(bytesSent) bytes sent, \(bytesReceived) bytes received"
    }
}
