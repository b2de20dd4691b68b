/// The robot's audio board as ALSA and USB see it.
public struct AudioSettings: Codable, Hashable, Sendable {
    /// The ALSA card name.
    public var cardName: String
    /// The ALSA card ID.
    public var alsaID: String
    /// The card's name on older firmware.
    public var legacyCardName: String
    /// The board's USB vendor and product.
    public var usb: USBID
    /// Samples per second.
    public var sampleRate: Int
    /// Channels per frame.
    public var channels: Int
}
