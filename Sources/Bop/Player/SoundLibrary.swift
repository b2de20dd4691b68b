import Foundation

/// The sounds `play sound NAME` knows. Bop programs cannot open files, so there are no user sound files: every
/// sound is a short chime or beep generated in code from a small table of notes.
public enum SoundLibrary {
    /// One note: frequency (Hz, 0 = rest) and length (seconds).
    struct Note: Sendable {
        var frequency: Double
        var seconds: Double
    }

    /// The sounds by name (lower case, spaces or underscores).
    static let table: [String: [Note]] = [
        "beep": [Note(frequency: 880, seconds: 0.2)],
        "boop": [Note(frequency: 330, seconds: 0.25)],
        "ding": [Note(frequency: 1319, seconds: 0.5)],
        "chime": [
            Note(frequency: 1047, seconds: 0.15), Note(frequency: 1319, seconds: 0.15),
            Note(frequency: 1568, seconds: 0.4),
        ],
        "tada": [
            Note(frequency: 523, seconds: 0.12), Note(frequency: 659, seconds: 0.12),
            Note(frequency: 784, seconds: 0.45),
        ],
        "oops": [Note(frequency: 494, seconds: 0.18), Note(frequency: 370, seconds: 0.35)],
        "dance1": [
            Note(frequency: 523, seconds: 0.12), Note(frequency: 0, seconds: 0.05), Note(frequency: 659, seconds: 0.12),
            Note(frequency: 0, seconds: 0.05), Note(frequency: 784, seconds: 0.12), Note(frequency: 0, seconds: 0.05),
            Note(frequency: 1047, seconds: 0.3),
        ],
        "dance2": [
            Note(frequency: 392, seconds: 0.15), Note(frequency: 0, seconds: 0.1), Note(frequency: 392, seconds: 0.15),
            Note(frequency: 0, seconds: 0.1), Note(frequency: 587, seconds: 0.35),
        ],
    ]

    /// Every sound name, sorted.
    public static var names: [String] { table.keys.sorted() }

    /// The sound for what the child wrote (`Beep`, `dance 1`, `dance_1`), or `nil`.
    public static func resolve(_ written: String) -> String? {
        let key = String(written.lowercased().filter { !$0.isWhitespace && $0 != "_" && $0 != "-" })
        return table[key] != nil ? key : nil
    }

    /// The sound `name` as 16-bit mono PCM at `sampleRate`, at most `seconds` long (empty for unknown names).
    /// Each note has a soft attack and release so it does not click.
    public static func samples(_ name: String, sampleRate: Int, seconds: Double) -> [Int16] {
        guard let notes = resolve(name).flatMap({ table[$0] }), sampleRate > 0 else { return [] }
        let rate = Double(sampleRate)
        let limit = max(0, Int((seconds * rate).rounded(.down)))
        var out: [Int16] = []
        for note in notes {
            let count = Int((note.seconds * rate).rounded())
            let ramp = max(1, min(count / 4, Int(0.01 * rate)))
            for i in 0..<count {
                guard out.count < limit else { return out }
                guard note.frequency > 0 else {
                    out.append(0)
                    continue
                }
                let envelope = min(1, Double(min(i, count - 1 - i)) / Double(ramp))
                let phase = 2 * Double.pi * note.frequency * Double(i) / rate
                let value = 0.45 * envelope * (sin(phase) + 0.25 * sin(2 * phase))
                out.append(Int16(max(-32767, min(32767, value * 32767))))
            }
        }
        return out
    }
}
