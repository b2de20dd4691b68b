/// A USB vendor and product ID pair, written `1a86:55d3` (lowercase hex) in text, JSON and messages.
public struct USBID: Hashable, Sendable, CustomStringConvertible, Codable {
    public var vendor: UInt16
    public var product: UInt16

    public init(vendor: UInt16, product: UInt16) {
        self.vendor = vendor
        self.product = product
    }

    /// Parses `vvvv:pppp` (hex, either case); `nil` for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ (1...4).contains($0.count) }),
            let vendor = UInt16(parts[0], radix: 16), let product = UInt16(parts[1], radix: 16)
        else { return nil }
        self.init(vendor: vendor, product: product)
    }

    public var description: String { Self.hex(vendor) + ":" + Self.hex(product) }

    /// The Reachy Mini Lite's USB-serial adapter (WCH/QinHeng, CDC-ACM, `1a86:55d3`): the robot description's
    /// `bus.adapter`.
    public static var reachyMiniSerialAdapter: USBID { RobotDescription.bundledReachyMini.bus.adapter }
    /// The Reachy Mini's audio board (speaker, microphones, `38fb:1001`): the robot description's `audio.usb`.
    public static var reachyMiniAudio: USBID { RobotDescription.bundledReachyMini.audio.usb }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = USBID(text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "expected a USB ID like \"1a86:55d3\", got \"\(text)\""))
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static func hex(_ value: UInt16) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
