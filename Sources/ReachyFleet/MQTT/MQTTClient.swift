import CMosquitto
import Foundation
import Synchronization

/// A small MQTT 3.1.1 client over libmosquitto: connects with a last will, reconnects by itself (restoring its
/// subscriptions, then calling `onConnect` so the owner can publish its retained state again), publishes with QoS
/// and retain, and delivers messages on libmosquitto's own network thread (`mosquitto_loop_start`).
///
/// Handlers run on that thread: keep them short (hand work to a task). libmosquitto is thread-safe once its loop
/// thread runs, so ``publish(_:_:qos:retain:)`` may be called from anywhere.
///
/// ```swift
/// let client = try MQTTClient(broker: broker, clientID: "reachy-ada", will: will) { message in … }
/// try await client.connect()
/// try client.subscribe("reachy/class/room1/command/all")
/// ```
public final class MQTTClient: @unchecked Sendable {
    /// The broker.
    public let broker: BrokerAddress
    /// This client's identifier at the broker.
    public let clientID: String
    // `struct mosquitto *`, used only through libmosquitto's thread-safe calls; destroyed in deinit.
    private let handle: OpaquePointer
    private let callbacks: MQTTCallbacks

    /// Seconds between keep-alive pings; the broker publishes the last will after 1.5 times this of silence (at
    /// once when the connection drops).
    public static let keepAlive: Int32 = 5

    private static let library: Int32 = mosquitto_lib_init()

    /// A client for `broker` (not yet connected). `onMessage` gets every message of the subscriptions; `onConnect`
    /// runs after every connection, first and reconnections, once the subscriptions are restored.
    /// - Throws: ``FleetError/tls(_:)`` when a certificate file cannot be read, ``FleetError/library(_:)``.
    public init(
        broker: BrokerAddress, clientID: String, will: MQTTWill? = nil,
        onConnect: @escaping @Sendable () -> Void = {}, onMessage: @escaping @Sendable (MQTTMessage) -> Void
    ) throws(FleetError) {
        _ = Self.library
        self.broker = broker
        self.clientID = clientID
        let callbacks = MQTTCallbacks(onConnect: onConnect, onMessage: onMessage)
        guard let handle = mosquitto_new(clientID, true, Unmanaged.passUnretained(callbacks).toOpaque()) else {
            throw .library("could not create a client (out of memory?)")
        }
        self.handle = handle
        self.callbacks = callbacks
        mosquitto_connect_callback_set(handle) { mosq, object, result in
            guard let mosq, let object else { return }
            Unmanaged<MQTTCallbacks>.fromOpaque(object).takeUnretainedValue().connected(mosq, result: result)
        }
        mosquitto_disconnect_callback_set(handle) { _, object, _ in
            guard let object else { return }
            Unmanaged<MQTTCallbacks>.fromOpaque(object).takeUnretainedValue().disconnected()
        }
        mosquitto_publish_callback_set(handle) { _, object, mid in
            guard let object else { return }
            Unmanaged<MQTTCallbacks>.fromOpaque(object).takeUnretainedValue().published(mid)
        }
        mosquitto_message_callback_set(handle) { _, object, message in
            guard let object, let message, let topic = message.pointee.topic else { return }
            let count = Int(max(0, message.pointee.payloadlen))
            let payload =
                message.pointee.payload.map { [UInt8](UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
            Unmanaged<MQTTCallbacks>.fromOpaque(object).takeUnretainedValue().onMessage(
                MQTTMessage(topic: String(cString: topic), payload: payload, retained: message.pointee.retain))
        }
        mosquitto_reconnect_delay_set(handle, 1, 2, false)
        // Commands and events are small and urgent: without this, Nagle's algorithm holds a message back until
        // the previous one is acknowledged (40 ms of delayed ACK on Linux).
        mosquitto_int_option(handle, MOSQ_OPT_TCP_NODELAY, 1)
        if let username = broker.username {
            mosquitto_username_pw_set(handle, username, broker.password)
        }
        if let tls = broker.tls {
            for file in [tls.caFile, tls.certFile, tls.keyFile].compactMap({ $0 }) {
                guard FileManager.default.isReadableFile(atPath: file) else {
                    throw .tls("cannot read \(file.isEmpty ? "the CA file (give --ca-file)" : file).")
                }
            }
            let result = mosquitto_tls_set(handle, tls.caFile, nil, tls.certFile, tls.keyFile, nil)
            guard result == Self.success else { throw .tls(Self.text(result)) }
        }
        if let will {
            let result = will.payload.withUnsafeBytes { bytes in
                mosquitto_will_set(handle, will.topic, Int32(bytes.count), bytes.baseAddress, 1, will.retain)
            }
            guard result == Self.success else { throw .library("last will: \(Self.text(result))") }
        }
    }

    deinit {
        mosquitto_loop_stop(handle, true)
        mosquitto_destroy(handle)
    }

    /// Whether the client is connected right now.
    public var isConnected: Bool { callbacks.state.withLock { $0.connected } }

    /// Times the connection was established (1 after ``connect(timeout:)``, more after reconnections).
    public var connections: Int { callbacks.state.withLock { $0.connections } }

    /// Connects, starts the network thread and waits for the broker's answer (at most `timeout`).
    /// - Throws: ``FleetError/brokerUnreachable(host:port:reason:)`` when nothing answers,
    ///   ``FleetError/refused(host:port:reason:)`` when the broker says no (login, authorisation).
    public func connect(timeout: Duration = .seconds(5)) async throws(FleetError) {
        let result = mosquitto_connect(handle, broker.host, Int32(broker.port), Self.keepAlive)
        guard result == Self.success else {
            throw .brokerUnreachable(host: broker.host, port: broker.port, reason: Self.text(result))
        }
        let started = mosquitto_loop_start(handle)
        guard started == Self.success else { throw .library("network thread: \(Self.text(started))") }
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let answer = callbacks.state.withLock({ $0.connack }) {
                guard answer == 0 else {
                    mosquitto_disconnect(handle)
                    mosquitto_loop_stop(handle, false)
                    throw .refused(
                        host: broker.host, port: broker.port, reason: String(cString: mosquitto_connack_string(answer)))
                }
                return
            }
            try? await Task.sleep(for: .milliseconds(5))
        }
        mosquitto_loop_stop(handle, true)
        throw .brokerUnreachable(
            host: broker.host, port: broker.port,
            reason: "no answer to CONNECT within \(timeout) (is it an MQTT broker?)")
    }

    /// Subscribes to `pattern` (MQTT wildcards allowed), now and after every reconnection.
    public func subscribe(_ pattern: String, qos: Int32 = 1) throws(FleetError) {
        callbacks.state.withLock { $0.subscriptions.append((pattern, qos)) }
        let result = mosquitto_subscribe(handle, nil, pattern, qos)
        guard result == Self.success || result == Int32(MOSQ_ERR_NO_CONN.rawValue) else {
            throw .library("subscribe \(pattern): \(Self.text(result))")
        }
    }

    /// Publishes `payload` on `topic`; returns the message id (see ``waitUntilSent(_:timeout:)``).
    /// - Throws: ``FleetError/publishFailed(topic:reason:)`` (not connected, too large…).
    @discardableResult
    public func publish(_ topic: String, _ payload: [UInt8], qos: Int32 = 0, retain: Bool = false) throws(FleetError)
        -> Int32
    {
        var mid: Int32 = 0
        let result = payload.withUnsafeBytes { bytes in
            mosquitto_publish(handle, &mid, topic, Int32(bytes.count), bytes.baseAddress, qos, retain)
        }
        guard result == Self.success else { throw .publishFailed(topic: topic, reason: Self.text(result)) }
        return mid
    }

    /// Waits (at most `timeout`) until message `mid` has been handed to the broker (QoS 0: written; QoS 1:
    /// acknowledged); false on timeout.
    public func waitUntilSent(_ mid: Int32, timeout: Duration = .seconds(1)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if callbacks.state.withLock({ $0.sent.contains(mid) }) { return true }
            try? await Task.sleep(for: .milliseconds(2))
        }
        return false
    }

    /// Disconnects cleanly (the broker does not publish the last will) and stops the network thread.
    public func disconnect() {
        mosquitto_disconnect(handle)
        mosquitto_loop_stop(handle, false)
    }

    static let success = Int32(MOSQ_ERR_SUCCESS.rawValue)

    /// libmosquitto's words for `result` (errno's for a system call).
    static func text(_ result: Int32) -> String {
        if result == Int32(MOSQ_ERR_ERRNO.rawValue) { return String(cString: strerror(errno)) }
        return String(cString: mosquitto_strerror(result))
    }
}
