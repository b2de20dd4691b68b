import ArgumentParser
import Foundation

/// Where `reachy news recite`, `daily` and `demo` send the voice, and what they record.
struct NewsPlaybackOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Write the voice to this WAV file (16 kHz mono) instead of the speaker. On the simulator the voice always "
                + "goes to a WAV file (a temporary one unless given here).", valueName: "OUT.wav"))
    var wav: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Write what happened (segments in order, speech and gesture events, every goal written) as JSON.",
            valueName: "OUT.json"))
    var record: String?

    @Option(
        name: .customLong("audio-device"),
        help: ArgumentHelp(
            "ALSA device for the voice on a robot (default: the \"Reachy Mini Audio\" card), e.g. default or "
                + "plughw:CARD=Device,DEV=0.", valueName: "NAME"))
    var audioDevice: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Set the speaker volume (0–100 %) through the card's mixer first.", valueName: "PCT"))
    var volume: Int?

    @Option(name: .customLong("speech-rate"), help: "Speaking rate in words per minute (80–450).")
    var speechRate: Int = 165

    func validate() throws {
        guard (80...450).contains(speechRate) else {
            throw ValidationError("--speech-rate must be between 80 and 450 (got \(speechRate)).")
        }
        if let volume, !(0...100).contains(volume) {
            throw ValidationError("--volume must be between 0 and 100 (got \(volume)).")
        }
    }
}
