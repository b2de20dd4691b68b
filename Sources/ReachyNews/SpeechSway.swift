import Foundation
public import ReachySpeech

/// Audio-driven head sway while talking: one `SwayFrame` per 50 ms hop, to be added to the planned gestures.
///
/// Written after the description of Pollen's `SwayRollRT` (reference §3.2; constants from there, code our own and
/// simplified — no x/y/z translation): per hop the RMS level of the last 20 ms is measured; a voice-activity gate
/// with hysteresis (on at ≥ −35 dBFS after 40 ms, off at ≤ −45 dBFS after 250 ms) drives an envelope (attack 50 ms,
/// release 250 ms); a loudness gain `clamp((dB + 50) / 28, 0, 1)^0.9 · 1.5` scales three sines with fixed random
/// phases: pitch 2.2 Hz / 4.5°, yaw 0.6 Hz / 7.5°, roll 1.3 Hz / 2.25°, all scaled by `gain` (0.4 by default: a
/// gentle motion). Silence gives zero offsets; every value is clamped to `GestureLimits.sway` (±3°).
public enum SpeechSway {
    /// Hop length in seconds.
    public static let hop = 0.05
    /// Measurement frame at the end of each hop, in seconds.
    public static let frame = 0.02

    struct Axis {
        let frequency: Double
        let amplitude: Double
        let phase: Double
    }

    /// Phases drawn once from a fixed seed (7) so the track is reproducible.
    static let axes: (pitch: Axis, yaw: Axis, roll: Axis) = {
        var state: UInt64 = 7
        func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53) * 2 * Double.pi
        }
        return (
            Axis(frequency: 2.2, amplitude: 4.5, phase: next()), Axis(frequency: 0.6, amplitude: 7.5, phase: next()),
            Axis(frequency: 1.3, amplitude: 2.25, phase: next())
        )
    }()

    /// The sway track of some audio.
    public static func track(for audio: SpeechAudio, gain: Double = 0.4) -> [SwayFrame] {
        guard audio.sampleRate > 0, !audio.samples.isEmpty else { return [] }
        let hopSamples = max(1, Int(Double(audio.sampleRate) * hop))
        let frameSamples = max(1, Int(Double(audio.sampleRate) * frame))
        let hops = audio.samples.count / hopSamples
        var frames: [SwayFrame] = []
        frames.reserveCapacity(hops)
        var voiced = false
        var aboveFor = 0.0
        var belowFor = 0.0
        var envelope = 0.0
        let attack = 1 - exp(-hop / 0.05)
        let release = 1 - exp(-hop / 0.25)
        audio.samples.withUnsafeBufferPointer { s in
            for i in 0..<hops {
                let end = (i + 1) * hopSamples
                var sum = 0.0
                for k in (end - frameSamples)..<end {
                    let v = Double(s[k]) / 32768
                    sum += v * v
                }
                let db = 20 * log10((sum / Double(frameSamples)).squareRoot() + 1e-9)
                if db >= -35 {
                    aboveFor += hop
                    belowFor = 0
                } else if db <= -45 {
                    belowFor += hop
                    aboveFor = 0
                }
                if !voiced && aboveFor >= 0.04 { voiced = true }
                if voiced && belowFor >= 0.25 { voiced = false }
                envelope += ((voiced ? 1 : 0) - envelope) * (voiced ? attack : release)
                let loud = pow(min(1, max(0, (db + 4 + 46) / 28)), 0.9) * 1.5
                let t = Double(end) / Double(audio.sampleRate)
                func value(_ a: Axis) -> Double {
                    GestureLimits.clamp(
                        gain * a.amplitude * loud * envelope * sin(2 * Double.pi * a.frequency * t + a.phase),
                        GestureLimits.sway)
                }
                frames.append(
                    SwayFrame(time: t, roll: value(axes.roll), pitch: value(axes.pitch), yaw: value(axes.yaw)))
            }
        }
        return frames
    }
}
