import CMosquitto
import Synchronization

/// What libmosquitto's callbacks reach (its `userdata`): the connection state and the owner's handlers.
final class MQTTCallbacks: Sendable {
    struct State {
        var connected = false
        var connack: Int32?
        var connections = 0
        var subscriptions: [(String, Int32)] = []
        /// The last message ids handed to the broker (a short ring).
        var sent: [Int32] = []
    }

    let state = Mutex(State())
    let onConnect: @Sendable () -> Void
    let onMessage: @Sendable (MQTTMessage) -> Void

    init(onConnect: @escaping @Sendable () -> Void, onMessage: @escaping @Sendable (MQTTMessage) -> Void) {
        self.onConnect = onConnect
        self.onMessage = onMessage
    }

    func connected(_ mosq: OpaquePointer, result: Int32) {
        let subscriptions = state.withLock { state in
            state.connack = result
            state.connected = result == 0
            if result == 0 { state.connections += 1 }
            return state.subscriptions
        }
        guard result == 0 else { return }
        // A clean session: the broker forgot them with the last connection.
        for (pattern, qos) in subscriptions { mosquitto_subscribe(mosq, nil, pattern, qos) }
        onConnect()
    }

    func disconnected() { state.withLock { $0.connected = false } }

    func published(_ mid: Int32) {
        state.withLock { state in
            state.sent.append(mid)
            if state.sent.count > 256 { state.sent.removeFirst(state.sent.count - 256) }
        }
    }
}
