// WakeAndDance — wake the robot, look around, dance, and go back to sleep.
//
// Runs on the robot when one is plugged in, else on the built-in simulator (`.auto`). Built as the `WakeAndDance`
// executable (`swift run WakeAndDance`); the tests run it on the simulator. Copy it into your own executable target
// that depends on the `ReachyBridge` library (see README, "Robot API").
import ReachyBridge

@main
struct WakeAndDance {
    static func main() async throws {
        let mini = try await ReachyMini.connect(.auto)  // startup checks, then the 100 Hz control loop
        defer { mini.close() }

        // Print safety clamps and faults as they happen.
        let events = Task { for await event in mini.events() { print("note:", event) } }
        defer { events.cancel() }

        try await mini.wakeUp()
        try await mini.goto(head: .degrees(z: 0.01, roll: 10, yaw: 25), antennas: Antennas(right: -0.6, left: 0.6), duration: 1)
        try await mini.goto(head: .degrees(yaw: -25), duration: 1, method: .cartoon)
        try await mini.play(try TimedMove(DanceMove("head_tilt_roll", bpm: 120), duration: 4))  // 8 beats

        if let pose = mini.headPose { print("head at z = \(pose.translation.z * 1000) mm") }
        try await mini.gotoSleep()  // sleep pose, then motors off
    }
}
