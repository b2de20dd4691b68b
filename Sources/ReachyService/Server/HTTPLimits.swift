/// The request-head limits the HTTP decoder enforces (beyond them: 431 and close, see `MalformedRequestHandler`).
/// Generous for any real client (a browser with cookies sends a few KiB), far below what would cost memory.
enum HTTPLimits {
    /// The most header fields in one request.
    static let maxHeaderFieldCount = 100
    /// The largest single header field (name and value), bytes.
    static let maxHeaderFieldSize = 16 * 1024
    /// The largest request head (all header fields together), bytes.
    static let maxHeaderListSize = 32 * 1024
}
