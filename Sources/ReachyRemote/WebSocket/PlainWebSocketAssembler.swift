import NIOCore
import NIOWebSocket

/// Joins the fragments of inbound data frames into whole messages, up to a size limit. Text messages come out as
/// strings; binary messages are assembled (to keep the fragment sequence right) and dropped.
struct PlainWebSocketAssembler {
    /// What one data frame completed.
    enum Outcome: Equatable {
        /// The message goes on (more fragments to come), or was a binary message.
        case none
        /// A whole text message.
        case text(String)
    }

    let maxMessageSize: Int
    private var buffer: ByteBuffer?
    private var isText = false

    init(maxMessageSize: Int) { self.maxMessageSize = maxMessageSize }

    /// Takes one `.text`, `.binary` or `.continuation` frame.
    mutating func take(_ frame: WebSocketFrame) throws(PlainWebSocketError) -> Outcome {
        var data = frame.unmaskedData
        switch frame.opcode {
        case .text, .binary:
            guard buffer == nil else { throw .protocolViolation("a new message began before the last one ended") }
            isText = frame.opcode == .text
            guard data.readableBytes <= maxMessageSize else { throw .messageTooLarge(limit: maxMessageSize) }
            buffer = data
        case .continuation:
            guard buffer != nil else { throw .protocolViolation("a continuation frame without a message") }
            guard buffer!.readableBytes + data.readableBytes <= maxMessageSize else {
                buffer = nil
                throw .messageTooLarge(limit: maxMessageSize)
            }
            buffer!.writeBuffer(&data)
        default:
            return .none
        }
        guard frame.fin, let whole = buffer else { return .none }
        buffer = nil
        return isText ? .text(String(buffer: whole)) : .none
    }
}
