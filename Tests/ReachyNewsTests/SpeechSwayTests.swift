import Foundation
import ReachySpeech
import Testing

@testable import ReachyNews

@Suite("Speech sway")
struct SpeechSwayTests {
    static func tone(seconds: Double, amplitude: Double, rate: Int = 16000) -> [Int16] {
        (0..<Int(seconds * Double(rate))).map {
            Int16(amplitude * 32767 * sin(Double($0) * 2 * Double.pi * 200 / Double(rate)))
        }
    }

    @Test("Silence gives no motion; one frame per 50 ms")
    func silence() {
        let frames = SpeechSway.track(for: SpeechAudio(samples: [Int16](repeating: 0, count: 16000), sampleRate: 16000))
        #expect(frames.count == 20)
        #expect(frames.allSatisfy { $0.roll == 0 && $0.pitch == 0 && $0.yaw == 0 })
        #expect(abs((frames.last?.time ?? 0) - 1.0) < 1e-9)
    }

    @Test("Loud speech moves the head gently (within ±3°), and it settles after the speech stops")
    func loudThenSilent() {
        let samples = Self.tone(seconds: 2, amplitude: 0.5) + [Int16](repeating: 0, count: 32000)
        let frames = SpeechSway.track(for: SpeechAudio(samples: samples, sampleRate: 16000))
        let speaking = frames.filter { $0.time > 0.3 && $0.time <= 2.0 }
        let afterwards = frames.filter { $0.time > 3.5 }
        #expect(speaking.contains { abs($0.yaw) > 1 || abs($0.pitch) > 1 })
        #expect(frames.allSatisfy { abs($0.roll) <= 3 && abs($0.pitch) <= 3 && abs($0.yaw) <= 3 })
        #expect(afterwards.allSatisfy { abs($0.yaw) < 0.2 && abs($0.pitch) < 0.2 })
    }

    @Test("A quiet hum below the gate does not move the head")
    func belowGate() {
        // 0.005 full scale ≈ −49 dBFS RMS: under the −35 dBFS gate.
        let frames = SpeechSway.track(
            for: SpeechAudio(samples: Self.tone(seconds: 1, amplitude: 0.005), sampleRate: 16000))
        #expect(frames.allSatisfy { $0.yaw == 0 && $0.pitch == 0 && $0.roll == 0 })
    }

    @Test("Bundled gestures leave room for the sway: planned head angles ≤ 12°, so the sum stays within ±15°")
    func headroom() throws {
        for (name, poses) in try GestureLibrary.bundled().gestures {
            for p in poses {
                #expect(
                    max(abs(p.roll), abs(p.pitch), abs(p.yaw)) + GestureLimits.sway <= GestureLimits.head, "\(name)")
            }
        }
    }
}
