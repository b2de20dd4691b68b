/// The message the broker publishes for a client that disappears without saying goodbye (MQTT's last will).
public struct MQTTWill: Sendable {
    /// Where.
    public var topic: String
    /// What.
    public var payload: [UInt8]
    /// Whether the broker keeps it for later subscribers.
    public var retain: Bool

    /// A last will.
    public init(topic: String, payload: [UInt8], retain: Bool) {
        self.topic = topic
        self.payload = payload
        self.retain = retain
    }
}
