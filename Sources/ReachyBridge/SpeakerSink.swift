import ReachyAudio
import ReachyHardware

/// The robot's speaker (or any ALSA device) as an `AudioSink`: 16 kHz mono on the "Reachy Mini Audio" card by
/// default. Blocking, like `AlsaPlayer`.
public final class SpeakerSink: AudioSink, Sendable {
    public let player: AlsaPlayer
    public var sampleRate: Int { player.sampleRate }
    public var name: String { player.device }

    /// The robot's own card, found by name.
    public static func reachyMini(sampleRate: Int = 16_000) throws(AudioSinkError) -> SpeakerSink {
        do {
            return SpeakerSink(player: try AlsaPlayer.reachyMini(sampleRate: sampleRate))
        } catch {
            throw .unavailable(sink: "Reachy Mini Audio", reason: error.description)
        }
    }

    /// Any ALSA device by name (`default`, `plughw:CARD=X,DEV=0`, `null`).
    public static func device(_ device: String, sampleRate: Int = 16_000) throws(AudioSinkError) -> SpeakerSink {
        do {
            return SpeakerSink(player: try AlsaPlayer(device: device, sampleRate: sampleRate))
        } catch {
            throw .unavailable(sink: device, reason: error.description)
        }
    }

    public init(player: AlsaPlayer) { self.player = player }

    public func play(_ samples: [Int16]) throws(AudioSinkError) {
        do {
            try player.play(samples)
        } catch {
            throw .unavailable(sink: name, reason: error.description)
        }
    }

    public func stop() { player.stop() }

    public func close() throws(AudioSinkError) {
        defer { player.close() }
        do {
            try player.drain()
        } catch {
            throw .unavailable(sink: name, reason: error.description)
        }
    }
}
