import Foundation
import ReachyBridge
import ReachyRemote
import Testing

/// `ReachyMini` over the official daemon (`reachy-mini-daemon --mockup-sim --no-media`, started by each test),
/// checked against the daemon's own REST state and its own kinematics. Enabled when `REACHY_DAEMON_PYTHON` is the
/// python of a venv with `reachy-mini==1.13.0` (`make test` makes one).
@Suite(
    .serialized,
    .enabled(if: DaemonProcess.python != nil, "set REACHY_DAEMON_PYTHON to a venv with reachy-mini 1.13.0"))
struct DaemonConformanceTests {
    static func connect(_ daemon: DaemonProcess, enableMotors: Bool = true) async throws -> ReachyMini {
        var options = ReachyMiniOptions()
        options.enableMotors = enableMotors
        return try await ReachyMini.connect(.daemon(try #require(URL(string: daemon.base))), options: options)
    }

    /// Polls the daemon's state until `done` says so (at most 2 s: the daemon applies targets at 50 Hz).
    static func waitForState(_ daemon: DaemonProcess, _ done: ([String: Any]) -> Bool) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(2)
        var state = try daemon.state()
        while !done(state), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            state = try daemon.state()
        }
        return state
    }

    static func doubles(_ any: Any?) -> [Double] {
        (any as? [Any])?.compactMap { ($0 as? NSNumber)?.doubleValue } ?? []
    }

    static func maxGap(_ a: [Double], _ b: [Double]) -> Double {
        guard a.count == b.count, !a.isEmpty else { return .infinity }
        return zip(a, b).map { abs($0 - $1) }.max() ?? .infinity
    }

    @Test func gotoLandsWhereTheDaemonsKinematicsPutIt() async throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop() }
        let mini = try await Self.connect(daemon)
        defer { mini.close() }
        #expect(mini.startupReport.torqueOn)
        #expect(mini.startupReport.notes.first?.contains("the daemon at \(daemon.base)") == true)

        // A head pose with every axis used, antennas apart, the body turned.
        let pose = HeadPose.degrees(x: 0.005, y: -0.004, z: 0.012, roll: 8, pitch: -10, yaw: 20)
        let antennas = Antennas(right: 0.4, left: -0.7)
        try await mini.goto(head: pose, antennas: antennas, bodyYaw: 0.3, duration: 0.8)
        let ours = try #require(mini.joints).motorOrder
        let state = try Self.waitForState(daemon) {
            Self.maxGap(Self.doubles($0["head_joints"]), Array(ours[0..<7])) < 1e-6
        }
        // The daemon applied exactly the joints we commanded…
        #expect(Self.maxGap(Self.doubles(state["head_joints"]), Array(ours[0..<7])) < 1e-6)
        #expect(Self.maxGap(Self.doubles(state["antennas_position"]), [0.4, -0.7]) < 1e-6)
        #expect(abs(((state["body_yaw"] as? NSNumber)?.doubleValue ?? .nan) - 0.3) < 1e-6)
        // …and its forward kinematics of them is the pose we asked for (its analytical FK is good to ~1e-3).
        let matrix = Self.doubles((state["head_pose"] as? [String: Any])?["m"])
        let theirs = try HeadPose(rowMajor: matrix)
        #expect((theirs.translation - pose.translation).length < 0.0005, "daemon FK \(matrix)")
        #expect(Self.maxGap(theirs.rowMajor, pose.rowMajor) < 0.005, "daemon FK \(matrix)")

        // The daemon's own IK for the same target gives the same joints as ours.
        let rows = pose.rowMajor.map { String($0) }.joined(separator: ",")
        _ = try DaemonProcess.request(
            "POST", "\(daemon.base)/api/move/goto",
            body: "{\"head_pose\":{\"m\":[\(rows)]},\"antennas\":[0.4,-0.7],\"body_yaw\":0.3,\"duration\":0.3}")
        try await Task.sleep(for: .milliseconds(800))
        let official = Self.doubles(try daemon.state()["head_joints"])
        #expect(Self.maxGap(official, Array(ours[0..<7])) < 2e-3, "official IK \(official), ours \(ours)")

        // Motors off and on show in the daemon's motor status.
        try await mini.disableMotors()
        let off = try Self.waitForState(daemon) { $0["control_mode"] as? String == "disabled" }
        #expect(off["control_mode"] as? String == "disabled")
        #expect(try DaemonProcess.get("\(daemon.base)/api/motors/status")["mode"] as? String == "disabled")
        try await mini.enableMotors()
        _ = try Self.waitForState(daemon) { $0["control_mode"] as? String == "enabled" }
        #expect(try DaemonProcess.get("\(daemon.base)/api/motors/status")["mode"] as? String == "enabled")

        // Streaming targets move it too (the loop follows at the speed cap).
        try mini.setTarget(antennas: Antennas(right: -0.2, left: 0.2))
        let streamed = try Self.waitForState(daemon) {
            Self.maxGap(Self.doubles($0["antennas_position"]), [-0.2, 0.2]) < 1e-6
        }
        #expect(Self.maxGap(Self.doubles(streamed["antennas_position"]), [-0.2, 0.2]) < 1e-6)
    }

    @Test func audioWithoutMediaIsANoticeNotAnError() async throws {
        let daemon = try DaemonProcess()
        defer { daemon.stop() }
        let notices = NoticeBox()
        let sink = DaemonAudioSink(endpoint: try DaemonEndpoint(daemon.base), segmentSeconds: 0.1) {
            notices.append($0)
        }
        try sink.play([Int16](repeating: 0, count: 3200))
        try sink.close()
        #expect(
            notices.all == [
                "The daemon at \(daemon.base) runs without media (--no-media): no sound will play on the robot; "
                    + "the moves go on."
            ])
    }

    @Test func connectingExplainsWhatIsWrong() async throws {
        // Nothing listening.
        let port = try DaemonProcess.freePort()
        await #expect {
            _ = try await DaemonMotorIO.connect(try DaemonEndpoint("127.0.0.1:\(port)"))
        } throws: { error in
            guard case .notListening(let url, _) = error as? DaemonError else { return false }
            return url == "http://127.0.0.1:\(port)"
                && "\(error)".contains("Check the address and that the daemon runs")
        }
        // A daemon whose robot backend is stopped.
        let daemon = try DaemonProcess()
        defer { daemon.stop() }
        _ = try DaemonProcess.request("POST", "\(daemon.base)/api/daemon/stop?goto_sleep=false")
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline,
            try DaemonProcess.get("\(daemon.base)/api/daemon/status")["state"] as? String != "stopped"
        {
            try await Task.sleep(for: .milliseconds(100))
        }
        await #expect(
            throws: DaemonError.notRunning(url: daemon.base, state: "stopped", error: nil)
        ) {
            _ = try await ReachyMini.connect(.daemon(try #require(URL(string: daemon.base))))
        }
        #expect(
            DaemonError.notRunning(url: daemon.base, state: "stopped", error: nil).description
                == "The daemon at \(daemon.base) is stopped. Start its robot backend: `curl -X POST "
                + "'\(daemon.base)/api/daemon/start?wake_up=false'` (or the dashboard at \(daemon.base)), or restart "
                + "`reachy-mini-daemon`.")
    }
}

/// Notices collected from another thread.
final class NoticeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func append(_ text: String) {
        lock.lock()
        items.append(text)
        lock.unlock()
    }
    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}
