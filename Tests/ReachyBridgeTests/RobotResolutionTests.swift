import Foundation
import ReachySpeech
import Synchronization
import Testing

@testable import ReachyBridge

/// "Which robot, which speaker, which configuration" is decided once, by `ReachyConnection.resolve`.
@Suite("Robot resolution")
struct RobotResolutionTests {
    @Test func aGivenSimulatorIsKeptNotReplaced() throws {
        let simulator = VirtualReachyMini(clock: MonotonicClock())
        let robot = try ReachyConnection.simulator(simulator).resolve()
        #expect(robot.target == .simulator)
        #expect(robot.isSimulated)
        guard case .simulator(let kept) = robot.connection else {
            Issue.record("resolved to \(robot.connection)")
            return
        }
        #expect(kept === simulator)
        #expect(robot.configuration.motors.map(\.id) == Array(UInt8(10)...18))
        #expect(robot.options().configuration.motors == robot.configuration.motors)
    }

    @Test func aSerialPortKeepsItsSpeedAndUsesTheSpeaker() throws {
        let robot = try ReachyConnection.serial("/dev/ttyTEST0", baud: 57_600).resolve()
        #expect(robot.target == .serial(path: "/dev/ttyTEST0", baud: 57_600))
        #expect(!robot.isSimulated)
        #expect(robot.target.label == "/dev/ttyTEST0")
        #expect(robot.audio() == .speaker(device: nil))
        #expect(robot.audio(device: "plughw:CARD=X,DEV=0") == .speaker(device: "plughw:CARD=X,DEV=0"))
        let wav = URL(fileURLWithPath: "/tmp/voice.wav")
        #expect(robot.audio(wav: wav) == .wavFile(wav), "--wav wins over the speaker")
    }

    @Test func aDaemonSpeaksThroughTheDaemon() throws {
        let robot = try ReachyConnection.daemon(try #require(URL(string: "http://robot.local:8000"))).resolve()
        let endpoint = try DaemonEndpoint("http://robot.local:8000")
        #expect(robot.target == .daemon(endpoint))
        #expect(robot.target.daemon == endpoint)
        #expect(robot.audio() == .daemon(endpoint))
        #expect(!robot.audio().isPaced, "the daemon's speaker paces itself")
    }

    @Test func theSimulatorWritesAPacedTemporaryWAV() throws {
        let robot = try ReachyConnection.simulator(VirtualReachyMini(clock: MonotonicClock())).resolve()
        let destination = robot.audio(temporaryName: "resolution-test.wav")
        #expect(destination.isPaced, "a file takes samples at any speed: playback must be paced on the robot clock")
        let file = try #require(destination.file)
        #expect(file.lastPathComponent == "resolution-test.wav")
        #expect(
            file.deletingLastPathComponent().standardizedFileURL
                == FileManager.default.temporaryDirectory.standardizedFileURL)
        let sink = try destination.open { _ in }
        #expect(sink is WAVFileSink)
        try sink.close()
        try? FileManager.default.removeItem(at: file)
    }

    @Test func autoWithoutARobotFallsBackToTheSimulatorAndSaysSo() throws {
        // This machine has no Reachy Mini plugged in (CI never has).
        let notices = Mutex<[String]>([])
        let robot = try ReachyConnection.auto.resolve { text in notices.withLock { $0.append(text) } }
        #expect(robot.isSimulated)
        let said = notices.withLock { $0 }
        #expect(said.count == 1, "one notice, once: \(said)")
        #expect(said.first?.contains("built-in simulator") == true)
    }

    @Test func autoWithoutFallbackSaysWhatToDo() {
        do {
            _ = try ReachyConnection.auto.resolve(fallBackToSimulator: false) { _ in }
            Issue.record("resolved without a robot")
        } catch {
            guard case .discovery(let message) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(!message.isEmpty)
        }
    }

    @Test func aSpeakerThatCannotOpenFallsBackToAFileOrReportsTheError() throws {
        let destination = AudioDestination.speaker(device: "no-such-alsa-device-\(UUID().uuidString)")
        // (do/catch rather than #expect(throws:): a typed-throws call in that closure miscompiles in debug builds.)
        do {
            _ = try destination.open(fallBackToFile: false) { _ in }
            Issue.record("a missing device opened")
        } catch {
            #expect(error.description.contains("no-such-alsa-device"), "\(error)")
        }
        let notices = Mutex<[String]>([])
        let sink = try destination.open { text in notices.withLock { $0.append(text) } }
        let file = try #require((sink as? WAVFileSink)?.url)
        let said = notices.withLock { $0 }
        #expect(said.count == 1)
        #expect(said.first?.contains(file.path) == true, "the notice says where the sound went: \(said)")
        try sink.close()
        try? FileManager.default.removeItem(at: file)
    }
}
