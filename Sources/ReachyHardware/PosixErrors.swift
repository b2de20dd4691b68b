import Dynamixel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The text the C library gives for an errno value, e.g. "No such file or directory".
package func errnoMessage(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
}

extension TransportError {
    /// Maps the errno of a failed `open` (or of an open-like library call) to the typed transport error.
    static func opening(path: String, errno code: Int32, operation: String = "Opening", message: String? = nil)
        -> TransportError
    {
        switch code {
        case ENOENT, ENODEV, ENXIO:
            return .notFound(path: path)
        case EACCES, EPERM:
            return .permissionDenied(path: path)
        case EBUSY, EWOULDBLOCK:
            return .busy(path: path)
        default:
            return .io(name: path, operation: operation, code: code, message: message ?? errnoMessage(code))
        }
    }

    /// Maps the errno of a failed read, write, drain or flush on an open device.
    static func transferring(name: String, errno code: Int32, operation: String, message: String? = nil)
        -> TransportError
    {
        switch code {
        case EIO, ENXIO, ENODEV, EPIPE:
            return .disconnected(name: name, reason: message ?? errnoMessage(code))
        case EBADF:
            return .closed(name: name)
        default:
            return .io(name: name, operation: operation, code: code, message: message ?? errnoMessage(code))
        }
    }
}
