import Foundation

/// A dance's motion: beats → offsets.
typealias DanceMotion = @Sendable (Double) -> DanceOffsets

/// The 20 dances of `reachy_mini_dances_library` 0.2.1, as functions of time in beats.
///
/// Each builder reads its parameters once (defaults of the function signatures apply when a parameter is absent)
/// and returns a closure. Parameter names and semantics are those of the library.
enum DanceMotions {
    typealias R = Rhythm

    /// Parameters shared by most oscillating dances.
    struct Common {
        var antennaAmplitude: Double
        var subcycles: Double
        var style: AntennaStyle
        var phase: Double
        var waveform: Waveform

        /// The dance's oscillation: `amplitude · waveform(2π(subcycles·t + phase + shift))`.
        func wave(_ t: Double, _ amplitude: Double, subcycles: Double? = nil, shift: Double = 0) -> Double {
            R.oscillation(
                t, amplitude: amplitude, subcycles: subcycles ?? self.subcycles, phase: phase + shift,
                waveform: waveform)
        }

        /// Antennas on the dance's rhythm.
        func antennas(_ t: Double) -> Antennas { R.antennas(style, wave(t, antennaAmplitude)) }
    }

    static func common(
        _ p: inout DanceParameterReader, style: AntennaStyle, waveform: Waveform = .sin, subcycles: Double? = nil,
        hasPhase: Bool = true, hasWaveform: Bool = true
    ) throws(DanceError) -> Common {
        Common(
            antennaAmplitude: try p.number("antenna_amplitude_rad"),
            subcycles: try p.number("subcycles_per_beat", default: subcycles),
            style: try p.antennaStyle(default: style),
            phase: hasPhase ? try p.number("phase_offset", default: 0) : 0,
            waveform: hasWaveform ? try p.waveform(default: waveform) : .sin)
    }

    /// The builder for `name`, or nil if there is no such dance.
    static func build(_ name: String, _ p: inout DanceParameterReader) throws(DanceError) -> DanceMotion? {
        switch name {
        case "simple_nod":
            return try singleAxis(&p, "amplitude_rad", style: .wiggle) { o, v in o.orientation.pitch = v }
        case "head_tilt_roll":
            return try singleAxis(&p, "amplitude_rad", style: .wiggle) { o, v in o.orientation.roll = v }
        case "side_to_side_sway":
            return try singleAxis(&p, "amplitude_m", style: .wiggle) { o, v in o.position.y = v }
        case "pendulum_swing":
            return try singleAxis(&p, "amplitude_rad", style: .wiggle) { o, v in o.orientation.roll = v }
        case "sharp_side_tilt":
            return try singleAxis(&p, "roll_amplitude_rad", style: .wiggle, waveform: .triangle) { o, v in
                o.orientation.roll = v
            }
        case "uh_huh_tilt":
            return try singleAxis(&p, "amplitude_rad", style: .wiggle) { o, v in
                o.orientation.roll = v
                o.orientation.pitch = v
            }
        case "dizzy_spin": return try dizzySpin(&p)
        case "stumble_and_recover": return try stumbleAndRecover(&p)
        case "headbanger_combo": return try headbangerCombo(&p)
        case "interwoven_spirals": return try interwovenSpirals(&p)
        case "side_peekaboo": return try sidePeekaboo(&p)
        case "yeah_nod": return try yeahNod(&p)
        case "neck_recoil": return try neckRecoil(&p)
        case "chin_lead": return try chinLead(&p)
        case "groovy_sway_and_roll": return try groovySwayAndRoll(&p)
        case "chicken_peck": return try chickenPeck(&p)
        case "side_glance_flick": return try sideGlanceFlick(&p)
        case "polyrhythm_combo": return try polyrhythmCombo(&p)
        case "grid_snap": return try gridSnap(&p)
        case "jackson_square": return try jacksonSquare(&p)
        default: return nil
        }
    }

    /// One oscillating axis (written by `apply`) plus antennas on the same rhythm.
    static func singleAxis(
        _ p: inout DanceParameterReader, _ amplitudeKey: String, style: AntennaStyle, waveform: Waveform = .sin,
        apply: @escaping @Sendable (inout DanceOffsets, Double) -> Void
    ) throws(DanceError) -> DanceMotion {
        let amplitude = try p.number(amplitudeKey)
        let c = try common(&p, style: style, waveform: waveform)
        return { t in
            var o = DanceOffsets()
            apply(&o, c.wave(t, amplitude))
            o.antennas = c.antennas(t)
            return o
        }
    }

    static func dizzySpin(_ p: inout DanceParameterReader) throws(DanceError) -> DanceMotion {
        let roll = try p.number("roll_amplitude_rad")
        let pitch = try p.number("pitch_amplitude_rad")
        let c = try common(&p, style: .wiggle)
        return { t in
            var o = DanceOffsets()
            o.orientation.roll = c.wave(t, roll)
            o.orientation.pitch = c.wave(t, pitch, shift: 0.25)
            o.antennas = c.antennas(t)
            return o
        }
    }

    static func stumbleAndRecover(_ p: inout DanceParameterReader) throws(DanceError) -> DanceMotion {
        let yaw = try p.number("yaw_amplitude_rad")
        let pitch = try p.number("pitch_amplitude_rad")
        let y = try p.number("y_amplitude_m")
        let c = try common(&p, style: .both)
        return { t in
            var o = DanceOffsets()
            o.orientation.yaw = c.wave(t, yaw)
            o.orientation.pitch = c.wave(t, pitch, subcycles: c.subcycles * 2)
            o.position.y = c.wave(t, y, shift: 0.5)
            o.antennas = c.antennas(t)
            return o
        }
    }

    static func headbangerCombo(_ p: inout DanceParameterReader) throws(DanceError) -> DanceMotion {
        let pitch = try p.number("pitch_amplitude_rad")
        let z = try p.number("z_amplitude_m")
        let c = try common(&p, style: .both)
        return { t in
            var o = DanceOffsets()
            o.orientation.pitch = c.wave(t, pitch)
            o.position.z = c.wave(t, z, shift: 0.1)
            o.antennas = c.antennas(t)
            return o
        }
    }

    static func interwovenSpirals(_ p: inout DanceParameterReader) throws(DanceError) -> DanceMotion {
        let roll = try p.number("roll_amp")
        let pitch = try p.number("pitch_amp")
        let yaw = try p.number("yaw_amp")
        let c = try common(&p, style: .wiggle)
        return { t in
            var o = DanceOffsets()
            o.orientation.roll = c.wave(t, roll, subcycles: 0.125)
            o.orientation.pitch = c.wave(t, pitch, subcycles: 0.25, shift: 0.25)
            o.orientation.yaw = c.wave(t, yaw, subcycles: 0.5, shift: 0.5)
            o.antennas = c.antennas(t)
            return o
        }
    }

    static func sidePeekaboo(_ p: inout DanceParameterReader) throws(DanceError) -> DanceMotion {
        let zAmp = try p.number("z_amp")
        let yAmp = try p.number("y_amp")
        let pitchAmp = try p.number("pitch_amp")
        let c = try common(&p, style: .both, subcycles: 0.5, hasPhase: false, hasWaveform: false)
        return { t in
            var o = DanceOffsets()
            let tp = R.mod(t, 10)
            func nod(_ u: Double) -> Double { pitchAmp * sin(min(1, max(0, u)) * .pi) }
            if tp < 1 {
                o.position.z = -zAmp * R.ease(tp / 1)
            } else if tp < 3 {
                let u = (tp - 1) / 2
                o.position.z = -zAmp * (1 - R.ease(u))
                o.position.y = yAmp * R.ease(u)
                o.orientation.pitch = nod(u)
            } else if tp < 5 {
                let u = (tp - 3) / 2
                o.position.z = -zAmp * R.ease(u)
                o.position.y = yAmp * (1 - R.ease(u))
            } else if tp < 7 {
                let u = (tp - 5) / 2
                o.position.z = -zAmp * (1 - R.ease(u))
                o.position.y = -yAmp * R.ease(u)
                o.orientation.pitch = -nod(u)
            } else if tp < 9 {
                let u = (tp - 7) / 2
                o.position.z = -zAmp * R.ease(u)
                o.position.y = -yAmp * (1 - R.ease(u))
            } else {
                o.position.z = -zAmp * (1 - R.ease((tp - 9) / 1))
            }
            o.antennas = c.antennas(t)
            return o
        }
    }

    static func yeahNod(_ p: inout DanceParameterReader) throws(DanceError) -> DanceMotion {
        let amp = try p.number("amplitude_rad")
        let c = try common(&p, style: .both, hasPhase: false, hasWaveform: false)
        let every = 1 / c.subcycles
        return { t in
            var o = DanceOffsets()
            let nod1 = R.transient(t, amplitude: amp, duration: every * 0.4, repeatEvery: every)
            let nod2 = R.transient(
                t, amplitude: amp * 0.7, duration: every * 0.3, delay: every * 0.5, repeatEvery: every)
            o.orientation.pitch = nod1 + nod2
            o.antennas = c.antennas(t)
            return o
        }
    }

    static func neckRecoil(_ p: inout DanceParameterReader) throws(DanceError) -> DanceMotion {
        let amp = try p.number("amplitude_m")
        let c = try common(&p, style: .wiggle, hasPhase: false, hasWaveform: false)
        let every = 1 / c.subcycles
        return { t in
            var o = DanceOffsets()
            o.position.x = R.transient(t, amplitude: -amp, duration: every * 0.3, repeatEvery: every)
            o.antennas = c.antennas(t)
            return o
        }
    }

    static func chinLead(_ p: inout DanceParameterReader) throws(DanceError) -> DanceMotion {
        let x = try p.number("x_amplitude_m")
        let pitch = try p.number("pitch_amplitude_rad")
        let c = try common(&p, style: .both)
        return { t in
            var o = DanceOffsets()
            o.position.x = c.wave(t, x)
            o.orientation.pitch = c.wave(t, pitch, shift: -0.25)
            o.antennas = c.antennas(t)
            return o
        }
    }

    static func groovySwayAndRoll(_ p: inout DanceParameterReader) throws(DanceError) -> DanceMotion {
        let y = try p.number("y_amplitude_m")
        let roll = try p.number("roll_amplitude_rad")
        let c = try common(&p, style: .wiggle)
        return { t in
            var o = DanceOffsets()
            o.position.y = c.wave(t, y)
            o.orientation.roll = c.wave(t, roll, shift: 0.25)
            o.antennas = c.antennas(t)
            return o
        }
    }

    static func chickenPeck(_ p: inout DanceParameterReader) throws(DanceError) -> DanceMotion {
        let amp = try p.number("amplitude_m")
        let c = try common(&p, style: .both, hasPhase: false, hasWaveform: false)
        let every = 1 / c.subcycles
        return { t in
            var o = DanceOffsets()
            o.position.x = R.transient(t, amplitude: amp, duration: every * 0.8, repeatEvery: every)
            o.orientation.pitch = R.transient(t, amplitude: amp * 5, duration: every * 0.8, repeatEvery: every)
            o.antennas = c.antennas(t)
            return o
        }
    }

    static func sideGlanceFlick(_ p: inout DanceParameterReader) throws(DanceError) -> DanceMotion {
        let amp = try p.number("yaw_amplitude_rad")
        let c = try common(&p, style: .wiggle, hasPhase: false, hasWaveform: false)
        let period = 1 / c.subcycles
        return { t in
            var o = DanceOffsets()
            let tp = R.mod(t, period)
            func ease(_ u: Double) -> Double { u * u * (3 - 2 * u) }
            if tp < 0.125 * period {
                o.orientation.yaw = amp * ease(tp / (0.125 * period))
            } else if tp < 0.375 * period {
                o.orientation.yaw = amp
            } else {
                o.orientation.yaw = amp * (1 - ease((tp - 0.375 * period) / (0.625 * period)))
            }
            o.antennas = c.antennas(t)
            return o
        }
    }

    static func polyrhythmCombo(_ p: inout DanceParameterReader) throws(DanceError) -> DanceMotion {
        let sway = try p.number("sway_amplitude_m")
        let nod = try p.number("nod_amplitude_rad")
        let antenna = try p.number("antenna_amplitude_rad")
        let style = try p.antennaStyle(default: .wiggle)
        return { t in
            var o = DanceOffsets()
            o.position.y = R.oscillation(t, amplitude: sway, subcycles: 1.0 / 3.0)
            o.orientation.pitch = R.oscillation(t, amplitude: nod, subcycles: 1.0 / 2.0)
            o.antennas = R.antennas(style, R.oscillation(t, amplitude: antenna, subcycles: 1))
            return o
        }
    }

    static func gridSnap(_ p: inout DanceParameterReader) throws(DanceError) -> DanceMotion {
        let amp = try p.number("amplitude_rad")
        let c = try common(&p, style: .both, hasWaveform: false)
        let period = 1 / c.subcycles
        return { t in
            var o = DanceOffsets()
            let tp = R.mod(t, period)
            let step = (tp / (period / 5)).rounded(.down)
            switch step {
            case 0: (o.orientation.yaw, o.orientation.pitch) = (amp, amp)
            case 1: (o.orientation.yaw, o.orientation.pitch) = (amp, -amp)
            case 2: (o.orientation.yaw, o.orientation.pitch) = (-amp, -amp)
            case 3: (o.orientation.yaw, o.orientation.pitch) = (-amp, amp)
            default: break
            }
            o.antennas = c.antennas(t)
            return o
        }
    }

    static func jacksonSquare(_ p: inout DanceParameterReader) throws(DanceError) -> DanceMotion {
        let yAmp = try p.number("y_amp_m")
        let zAmp = try p.number("z_amp_m")
        let twitch = try p.number("twitch_amplitude_rad")
        let zOffset = try p.number("z_offset_m", default: -0.01)
        let c = try common(&p, style: .wiggle, hasPhase: false, hasWaveform: false)
        let points = [
            Vector3(0, 0, zOffset), Vector3(0, yAmp, zAmp + zOffset), Vector3(0, -yAmp, zAmp + zOffset),
            Vector3(0, -yAmp, -zAmp + zOffset), Vector3(0, yAmp, -zAmp + zOffset),
        ]
        let leg = 2.0
        return { t in
            var o = DanceOffsets()
            let tp = R.mod(t, 10)
            let value = R.transient(t, amplitude: twitch, duration: 0.3, delay: leg - 0.15, repeatEvery: leg)
            let index = min(4, max(0, Int((tp / leg).rounded(.down))))
            let number = (t / leg).rounded(.down)
            let odd = number.isFinite && Int(exactly: number).map { $0 & 1 == 1 } ?? false
            o.orientation.roll = value * (odd ? -1 : 1)
            let start = points[index]
            let end = points[(index + 1) % points.count]
            let progress = R.mod(tp, leg) / leg
            o.position = start + (end - start) * R.ease(progress)
            o.antennas = c.antennas(t)
            return o
        }
    }
}
