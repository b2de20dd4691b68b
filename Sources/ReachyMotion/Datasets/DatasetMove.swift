public import Foundation

/// One move of a recorded-move dataset, loaded: the ``RecordedMove`` to play and the sound file beside it, if any.
public struct DatasetMove: Sendable, Equatable {
    /// The move's name (its file name without `.json`).
    public var name: String
    /// The dataset it comes from.
    public var dataset: MoveDatasetID
    /// The JSON file it was read from.
    public var file: URL
    /// The motion.
    public var move: RecordedMove
    /// The sound file played with it (`NAME.wav`, `.mp3`, … next to the JSON), if any.
    public var sound: URL?

    /// Creates a loaded move.
    public init(name: String, dataset: MoveDatasetID, file: URL, move: RecordedMove, sound: URL?) {
        self.name = name
        self.dataset = dataset
        self.file = file
        self.move = move
        self.sound = sound
    }

    /// Whether the sound is a WAV file (the one format played here; other formats are reported, not played).
    public var soundIsWAV: Bool { sound?.pathExtension.lowercased() == "wav" }

    /// Why the sound is not played, for a format other than WAV; nil when there is no sound or it is a WAV file.
    public var unplayableSoundNotice: String? {
        guard let sound, !soundIsWAV else { return nil }
        return "The sound of \(name) (\(sound.lastPathComponent)) is not played: only WAV sounds can be played "
            + "here. Convert it (e.g. `ffmpeg -i \(sound.lastPathComponent) \(name).wav`) next to \(name).json."
    }
}
