/// One message received from the broker.
public struct MQTTMessage: Sendable {
    /// The topic it was published on.
    public var topic: String
    /// Its bytes.
    public var payload: [UInt8]
    /// Whether the broker kept it (a retained message replayed on subscription).
    public var retained: Bool

    /// A message.
    public init(topic: String, payload: [UInt8], retained: Bool) {
        self.topic = topic
        self.payload = payload
        self.retained = retained
    }
}
