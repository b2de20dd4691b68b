import Bop
import Foundation
import ReachyBridge
import ReachyPictures

/// Writing a ``RecordingDocument`` as `reachy record` and `reachy run --record` do: the JSON, the CSV, the replay page.
enum RecordingFiles {
    /// Writes the recording's JSON to `path` and says how many samples (in `language`, a Bop run's).
    static func write(_ recording: RecordingDocument, to path: String, language: BopLanguage = BopLanguages.english)
        throws
    {
        try write(recording.jsonData(), to: path)
        Progress.say(language.runMessage("wrote-recording", ["count": "\(recording.time.count)", "path": path]))
    }

    /// Writes the recording's CSV to `path` and says how many samples.
    static func writeCSV(_ recording: RecordingDocument, to path: String) throws {
        try write(Data(recording.csv().utf8), to: path)
        Progress.say("Wrote \(recording.time.count) samples to \(path).")
    }

    /// Writes the HTML replay page of `recording` (with the WAV file at `wav` as its sound, if any), worded in the
    /// language of `words`.
    static func writeReplay(
        _ recording: RecordingDocument, wav: URL?, to path: String, language: BopLanguage = BopLanguages.english
    ) throws {
        let words = PictureWords(language: language)
        var sound: Data?
        if let wav {
            do {
                sound = try Data(contentsOf: wav)
            } catch {
                throw CLIError(
                    "Could not read the sound \(wav.path) for the replay: \(error.localizedDescription). "
                        + "Run again with --wav pointing to a writable place.")
            }
        }
        let page = try ReplayPage(words: words).html(
            recording, wav: sound, title: "\(words.replayTitle) — \(URL(fileURLWithPath: path).lastPathComponent)")
        try write(Data(page.utf8), to: path)
        let key = sound == nil ? "wrote-replay" : "wrote-replay-sound"
        Progress.say(language.runMessage(key, ["count": "\(recording.time.count)", "path": path]))
    }

    static func write(_ data: Data, to path: String) throws {
        do {
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            throw CLIError("Could not write \(path): \(error.localizedDescription). Choose a writable path.")
        }
    }
}
