/// Why audio could not be played, with what a user can do about it.
public enum AudioError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No sound card has that name.
    case cardNotFound(name: String, available: [String])
    /// ALSA could not open the PCM device.
    case openFailed(device: String, code: Int32, message: String)
    /// The device refused the format (16-bit, rate, channels).
    case configurationFailed(device: String, code: Int32, message: String)
    /// Writing samples failed and could not be recovered.
    case writeFailed(device: String, code: Int32, message: String)
    /// The sample buffer does not fit the channel layout.
    case invalidSamples(device: String, reason: String)
    /// The player was closed.
    case closed(device: String)
    /// The card has no mixer ALSA can open.
    case mixerUnavailable(card: String, code: Int32, message: String)
    /// The card's mixer has no playback volume control (or not the one asked for).
    case noVolumeControl(card: String, control: String?, available: [String])
    /// Setting or reading the volume failed.
    case volumeFailed(card: String, code: Int32, message: String)

    public var description: String {
        switch self {
        case .cardNotFound(let name, let available):
            let list =
                available.isEmpty ? "ALSA sees no sound card" : "cards seen: \(available.joined(separator: ", "))"
            return """
                No sound card named "\(name)" (\(list)). Plug the robot's USB-C cable in and check `aplay -l`, or \
                choose another device (--audio-device default).
                """
        case .openFailed(let device, let code, let message):
            return """
                Could not open the audio device "\(device)": \(message) (ALSA error \(code)). List devices with \
                `aplay -L`; if the daemon holds the card, stop it or play through it.
                """
        case .configurationFailed(let device, let code, let message):
            return """
                The audio device "\(device)" refused 16-bit PCM at this rate/channel count: \(message) (ALSA \
                error \(code)). Use a plughw: or default device, which convert formats.
                """
        case .writeFailed(let device, let code, let message):
            return
                "Playing audio on \"\(device)\" failed: \(message) (ALSA error \(code)). Check the device is still connected."
        case .invalidSamples(let device, let reason):
            return "Cannot play these samples on \"\(device)\": \(reason)."
        case .closed(let device):
            return "The audio player for \"\(device)\" is closed; create a new one."
        case .mixerUnavailable(let card, let code, let message):
            return "No volume mixer for \"\(card)\": \(message) (ALSA error \(code)). Use the system volume instead."
        case .noVolumeControl(let card, let control, let available):
            let asked = control.map { "\"\($0)\"" } ?? "a playback volume control"
            let list = available.isEmpty ? "none" : available.joined(separator: ", ")
            return "\"\(card)\" has no \(asked) (playback volume controls: \(list))."
        case .volumeFailed(let card, let code, let message):
            return "Changing the volume of \"\(card)\" failed: \(message) (ALSA error \(code))."
        }
    }
}
