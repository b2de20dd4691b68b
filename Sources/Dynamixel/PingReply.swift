/// A device's answer to Ping: who it is (model number, firmware) and its status byte (the Alert bit tells that
/// it has a hardware error to report).
public struct PingReply: Sendable, Hashable {
    /// The device ID that answered.
    public var id: UInt8
    /// The model number (control table address 0), e.g. 1200 for an XL330-M288-T.
    public var modelNumber: UInt16
    /// The firmware version (control table address 6).
    public var firmware: UInt8
    /// The status byte of the reply.
    public var error: StatusError

    public init(id: UInt8, modelNumber: UInt16, firmware: UInt8, error: StatusError = .ok) {
        self.id = id
        self.modelNumber = modelNumber
        self.firmware = firmware
        self.error = error
    }

    /// Decodes a ping status packet (`model_L model_H firmware`), or `nil` when it has the wrong size.
    public init?(_ status: StatusPacket) {
        guard status.parameters.count == 3 else { return nil }
        self.init(
            id: status.id, modelNumber: UInt16(status.parameters[0]) | UInt16(status.parameters[1]) << 8,
            firmware: status.parameters[2], error: status.error)
    }
}
