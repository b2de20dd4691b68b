import Foundation

/// Oscillation shapes of the dance primitives.
public enum Waveform: String, Sendable, CaseIterable {
    /// A·sin φ.
    case sin
    /// A·cos φ.
    case cos
    /// A·sign(sin φ).
    case square
    /// A·(2/π)·asin(sin φ).
    case triangle
    /// A·(2·frac(φ/2π) − 1).
    case sawtooth
}

/// How the antennas follow an oscillation: opposite (`wiggle`: [v, −v]) or together (`both`: [v, v]).
public enum AntennaStyle: String, Sendable, CaseIterable {
    /// `[v, −v]`.
    case wiggle
    /// `[v, v]`.
    case both
}

/// Offsets produced by a dance at one instant, around the neutral head.
public struct DanceOffsets: Sendable, Equatable {
    /// x, y, z offsets in meters.
    public var position: Vector3 = .zero
    /// Roll, pitch, yaw offsets in radians.
    public var orientation: EulerAngles = EulerAngles(roll: 0, pitch: 0, yaw: 0)
    /// Antenna offsets `[right, left]` in radians.
    public var antennas: Antennas = .zero
}

/// The rhythmic-motion primitives of the dances library (time in beats).
enum Rhythm {
    /// Python's float `%` (result has the sign of the divisor), computed from `fmod` like CPython.
    static func mod(_ a: Double, _ b: Double) -> Double {
        var m = fmod(a, b)
        if m != 0, (b < 0) != (m < 0) { m += b }
        return m
    }

    /// `amplitude · waveform(2π(subcycles·t + phase))`.
    static func oscillation(
        _ t: Double, amplitude: Double, subcycles: Double, phase: Double = 0, waveform: Waveform = .sin
    ) -> Double {
        let phi = 2 * Double.pi * (subcycles * t + phase)
        switch waveform {
        case .sin: return amplitude * Foundation.sin(phi)
        case .cos: return amplitude * Foundation.cos(phi)
        case .square:
            let s = Foundation.sin(phi)
            return amplitude * (s > 0 ? 1 : s < 0 ? -1 : 0)
        case .triangle: return amplitude * (2 / Double.pi) * asin(Foundation.sin(phi))
        case .sawtooth: return amplitude * (2 * mod(phi / (2 * Double.pi), 1) - 1)
        }
    }

    /// A smoothstep `A·(3u² − 2u³)` over `duration` beats after `delay`, optionally repeating every `repeatEvery`.
    static func transient(
        _ t: Double, amplitude: Double, duration: Double, delay: Double = 0, repeatEvery: Double = 0
    ) -> Double {
        let start = repeatEvery > 0 ? ((t - delay) / repeatEvery).rounded(.down) * repeatEvery + delay : delay
        guard start <= t, t < start + duration else { return 0 }
        let u = (t - start) / duration
        return amplitude * (u * u * (3 - 2 * u))
    }

    /// Antenna offsets for an oscillation value.
    static func antennas(_ style: AntennaStyle, _ v: Double) -> Antennas {
        style == .wiggle ? Antennas(right: v, left: -v) : Antennas(right: v, left: v)
    }

    /// Smoothstep on [0, 1] (input clipped).
    static func ease(_ t: Double) -> Double {
        let c = min(1, max(0, t))
        return c * c * (3 - 2 * c)
    }
}
