/// Finds the end of a request head (an empty line: `\r\n\r\n`, or a bare `\n\n`) in bytes that arrive in pieces.
/// Empty lines before any other byte do not count (a client may send a stray CRLF before the request line, and they
/// must not end the header deadline).
struct HeadEndScanner {
    private var sawContent = false
    private var afterNewline = false

    /// Scans the next bytes; true once the end of the head has been seen.
    mutating func scan(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\n"):
                if afterNewline && sawContent { return true }
                afterNewline = true
            case UInt8(ascii: "\r"):
                break
            default:
                sawContent = true
                afterNewline = false
            }
        }
        return false
    }
}
