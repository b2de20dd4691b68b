import CEspeakNG
import Synchronization

/// The one process-wide espeak-ng engine.
///
/// **Thread safety:** libespeak-ng keeps all of its state in globals and is not re-entrant. Every call into it in
/// this package goes through `EspeakEngine.shared`, a `Mutex` held for the whole of an initialise / set-voice /
/// synthesize sequence. Calls from several threads or tasks are therefore serialized (one synthesis at a time,
/// on the caller's thread; a full news digest takes under a second). Nothing else in the process may call
/// espeak-ng directly.
enum EspeakEngine {
    /// State of the initialised engine.
    struct State {
        var sampleRate: Int
        var versionString: String
        var version: EspeakVersion?
    }

    /// `nil` until the first synthesis initialises the library.
    static let shared = Mutex<State?>(nil)

    /// Initialises the library if needed (must be called with the lock held, i.e. inside `shared.withLock`).
    static func ensureInitialized(_ state: inout State?, dataPath: String?) throws(SpeechError) -> State {
        if let s = state { return s }
        let rate: Int32
        if let dataPath {
            rate = dataPath.withCString { espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, $0, 0) }
        } else {
            rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nil, 0)
        }
        guard rate > 0 else { throw .engineUnavailable(dataPath: dataPath) }
        espeak_SetSynthCallback(espeakSynthCallback)
        let info = espeak_Info(nil).map { String(cString: $0) } ?? ""
        let s = State(sampleRate: Int(rate), versionString: info, version: EspeakVersion(parsing: info))
        state = s
        return s
    }
}

/// Receives audio and events for the synthesis currently running (set and cleared under `EspeakEngine.shared`).
final class SynthCollector {
    var samples: [Int16] = []
    var rawEvents: [(kind: SpeechEvent.Kind, milliseconds: Int, textPosition: Int)] = []
    /// When raised, the callback asks espeak-ng to abort the synthesis.
    var cancellation: SpeechCancellation?
    /// Whether the synthesis was aborted because of `cancellation`.
    var aborted = false
}

/// The C callback: appends PCM and events to the collector passed as `user_data`. Runs synchronously inside
/// `espeak_Synth` on the thread holding the engine lock.
private func espeakSynthCallback(
    _ wav: UnsafeMutablePointer<Int16>?, _ count: Int32, _ events: UnsafeMutablePointer<espeak_EVENT>?
) -> Int32 {
    guard let events, let userData = events.pointee.user_data else { return 0 }
    let collector = Unmanaged<SynthCollector>.fromOpaque(userData).takeUnretainedValue()
    if let wav, count > 0 {
        collector.samples.append(contentsOf: UnsafeBufferPointer(start: wav, count: Int(count)))
    }
    var e = events
    while e.pointee.type != espeakEVENT_LIST_TERMINATED {
        let ev = e.pointee
        let kind: SpeechEvent.Kind?
        switch ev.type {
        case espeakEVENT_WORD: kind = .word
        case espeakEVENT_SENTENCE: kind = .sentence
        case espeakEVENT_END: kind = .clauseEnd
        case espeakEVENT_MARK: kind = ev.id.name.map { .mark(String(cString: $0)) }
        default: kind = nil
        }
        if let kind {
            collector.rawEvents.append((kind, Int(ev.audio_position), Int(ev.text_position)))
        }
        e = e.advanced(by: 1)
    }
    if collector.cancellation?.isCancelled == true {
        collector.aborted = true
        return 1  // abort the synthesis
    }
    return 0
}
