import Foundation
import ReachyBridge
import ReachyPictures

/// Writing a ``RecordingDocument`` as `reachy record` and `reachy run --record` do: the JSON, the CSV, the replay page.
enum RecordingFiles {
    /// Writes the recording's JSON to `path` and says how many samples.
    static func write(_ recording: RecordingDocument, to path: String) throws {
        try write(recording.jsonData(), to: path)
        Progress.say("Wrote \(recording.time.count) samples to \(path).")
    }

    /// Writes the recording's CSV to `path` and says how many samples.
    static func writeCSV(_ recording: RecordingDocument, to path: String) throws {
        try write(Data(recording.csv().utf8), to: path)
        Progress.say("Wrote \(recording.time.count) samples to \(path).")
    }

    /// Writes the HTML replay page of `recording` (with the WAV file at `wav` as its sound, if any), worded in the
    /// language of `words`.
    static func writeReplay(
        _ recording: RecordingDocument, wav: URL?, to path: String, words: PictureWords = .english
    ) throws {
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
        let audio = sound == nil ? "" : " with sound"
        Progress.say("Wrote the replay of \(recording.time.count) samples\(audio) to \(path).")
    }

    static func write(_ data: Data, to path: String) throws {
        do {
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            throw CLIError("Could not write \(path): \(error.localizedDescription). Choose a writable path.")
        }
    }
}
