/// A servo model: its name and the Model Number register (address 0) value.
public struct MotorModel: Codable, Hashable, Sendable {
    /// The ROBOTIS name, such as `XL330-M288-T`.
    public var name: String
    /// The Model Number register value.
    public var number: UInt16
    /// Where the number comes from, and how sure it is.
    public var note: String?
}
