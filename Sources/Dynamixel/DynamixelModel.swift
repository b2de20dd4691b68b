/// Dynamixel model numbers (control table address 0) and their names. Treat the model as data: the Reachy
/// base motor (a custom XC330-M288-PG) most likely reports 1240, which is not verified.
public enum DynamixelModel {
    /// Known X330 model numbers.
    public static let names: [UInt16: String] = [
        1190: "XL330-M077-T",
        1200: "XL330-M288-T",
        1210: "XC330-T181-T",
        1220: "XC330-T288-T",
        1230: "XC330-M181-T",
        1240: "XC330-M288-T",
    ]

    /// The model's name, or `nil` when unknown.
    public static func name(for modelNumber: UInt16) -> String? { names[modelNumber] }

    /// The name, or "model N" for an unknown number.
    public static func displayName(for modelNumber: UInt16) -> String {
        names[modelNumber] ?? "model \(modelNumber)"
    }
}

extension PingReply {
    /// The model's name ("XL330-M288-T"), or "model N" when unknown.
    public var modelName: String { DynamixelModel.displayName(for: modelNumber) }
}
