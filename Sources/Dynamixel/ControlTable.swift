/// The XL330 / XC330 control table (filled in with every register in a later step).
public enum ControlTable {
    /// The name of the register that starts at `address`, if any.
    public static func registerName(at address: UInt16) -> String? { nil }
}
