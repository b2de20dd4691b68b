import ReachyHardware
import ReachySpeech

/// The `reachy doctor` check for the speech engine: espeak-ng loads and can speak both English and Mandarin.
enum SpeechCheck {
    static func run() -> DoctorCheck {
        let title = "Speech engine (espeak-ng)"
        let version: String
        do {
            version = try SpeechSynthesizer.engineVersion().string
        } catch {
            return DoctorCheck(
                title: title, status: .failed, detail: error.description,
                fix: "Install it: sudo apt-get install espeak-ng espeak-ng-data libespeak-ng1 (make setup does this).")
        }
        do {
            let english = try SpeechSynthesizer().say("Hello")
            guard english.samples.contains(where: { $0 != 0 }) else {
                return DoctorCheck(
                    title: title, status: .failed, detail: "espeak-ng \(version) produced only silence.",
                    fix: "Reinstall espeak-ng-data.")
            }
        } catch {
            return DoctorCheck(
                title: title, status: .failed, detail: "espeak-ng \(version) cannot speak: \(error.description)",
                fix: "Reinstall espeak-ng-data (the voices).")
        }
        return DoctorCheck(title: title, status: .ok, detail: "espeak-ng \(version) speaks.")
    }
}
