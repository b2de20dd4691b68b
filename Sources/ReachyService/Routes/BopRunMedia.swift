import Bop
import ReachyAudio
import ReachySpeech
import Synchronization

/// What the playground needs to show and play one Bop run besides its progress: the program's timeline (for the
/// timeline picture and the speech bubble) and, when the robot is the simulator, the run's voice and sounds as a
/// WAV file for the page to play (on a real robot they play on the robot's speaker, never twice).
final class BopRunMedia: Sendable {
    /// Samples per second of the WAV the page gets (espeak-ng speaks at 22 050 Hz).
    static let sampleRate = 22_050

    /// The program's timeline.
    let timeline: Timeline
    /// The program's text (labels of repeated strokes in the picture).
    let source: SourceText
    /// Whether the page plays the sound (the robot is the simulator and the program has sound).
    let pagePlaysSound: Bool
    private let wav = Mutex<Task<Result<[UInt8], SpeechError>, Never>?>(nil)

    init(timeline: Timeline, source: SourceText, simulated: Bool) {
        self.timeline = timeline
        self.source = source
        pagePlaysSound = simulated && BopAudioTrack.hasSound(timeline)
    }

    /// Every `say` of the program: when, how long, which line, the words.
    var speech: [Speech] {
        timeline.segments.filter { $0.track == .voice }.map {
            Speech(line: $0.line, start: $0.start.doubleValue, duration: $0.duration.doubleValue, text: $0.text ?? "")
        }
    }

    /// One `say`, as the run's answer lists it.
    struct Speech: Encodable, Sendable, Equatable {
        var line: Int
        var start: Double
        var duration: Double
        var text: String
    }

    /// The run's sound track as WAV bytes (16-bit mono), synthesized once on a thread of its own and kept.
    /// - Throws: `SpeechError` when the speech engine cannot say a line.
    func soundWAV() async throws(SpeechError) -> [UInt8] {
        let timeline = self.timeline
        let task = wav.withLock { task in
            if let task { return task }
            let made = Task<Result<[UInt8], SpeechError>, Never> {
                do throws(SpeechError) {
                    let track = try await SynthesisThread.run("reachy.bop.page-audio") {
                        () throws(SpeechError) -> BopAudioTrack in
                        try BopAudioTrack(timeline: timeline, sampleRate: Self.sampleRate)
                    }
                    return .success(WAVFile(sampleRate: track.sampleRate, samples: track.samples).encode())
                } catch {
                    return .failure(error)
                }
            }
            task = made
            return made
        }
        return try await task.value.get()
    }
}
