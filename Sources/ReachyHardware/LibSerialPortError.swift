import CLibSerialPort
import Dynamixel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns a failed libserialport call into a typed `TransportError`, using the library's own message.
enum LibSerialPortError {
    /// The error for `result`, a negative `sp_return`, from an open-like call on `path`.
    static func opening(_ result: sp_return, path: String, operation: String) -> TransportError {
        let (code, message) = details(result)
        return .opening(path: path, errno: code, operation: operation, message: message)
    }

    /// The error for `result`, a negative `sp_return`, from a transfer on an open port.
    static func transferring(_ result: sp_return, name: String, operation: String) -> TransportError {
        let (code, message) = details(result)
        return .transferring(name: name, errno: code, operation: operation, message: message)
    }

    /// The errno and text behind a failure: for `SP_ERR_FAIL` the OS error (`sp_last_error_code` and
    /// `sp_last_error_message`), otherwise a fixed description of the libserialport error class.
    static func details(_ result: sp_return) -> (code: Int32, message: String) {
        switch result {
        case SP_ERR_FAIL:
            let code = sp_last_error_code()
            guard let raw = sp_last_error_message() else { return (code, errnoMessage(code)) }
            defer { sp_free_error_message(raw) }
            let text = String(cString: raw).trimmingTrailingWhitespace()
            return (code, text.isEmpty ? errnoMessage(code) : text)
        case SP_ERR_ARG:
            return (EINVAL, "libserialport rejected an argument")
        case SP_ERR_MEM:
            return (ENOMEM, "libserialport ran out of memory")
        case SP_ERR_SUPP:
            return (ENOTSUP, "this operation is not supported by the port or the OS")
        default:
            return (EIO, "libserialport error \(result.rawValue)")
        }
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var text = Substring(self)
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}
