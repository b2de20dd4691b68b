import ArgumentParser
import Foundation
import ReachyFleet

/// `reachy class list`: who is in the class, online or not, and what each robot runs.
struct ClassListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the class's robots: online or not, what they run.")

    @OptionGroup var connection: ClassConnectionOptions

    @Flag(name: .customLong("json"), help: "Print the robots' statuses as JSON.")
    var json = false

    @Flag(name: .customLong("online"), help: "Only the robots online now.")
    var onlineOnly = false

    func run() async throws {
        let teacher = try await connection.connect()
        defer { teacher.disconnect() }
        let robots = await Self.settledRoster(teacher).filter { !onlineOnly || $0.online }
        if json {
            try JSONOutput.print(robots)
            return
        }
        guard !robots.isEmpty else {
            print("No robot in class \(teacher.topics.classroom) yet (robots join with `reachy serve --fleet …`).")
            return
        }
        let rows = robots.map { robot in
            [
                robot.name, robot.group ?? "-", robot.online ? "online" : "offline",
                robot.simulated ? "simulator" : "robot", robot.motors, robot.supply,
                robot.program.map { $0.startedAt == nil ? "starting: \($0.title)" : $0.title } ?? "-",
            ]
        }
        print(
            TextTable.render(
                header: ["NAME", "GROUP", "STATUS", "KIND", "MOTORS", "SUPPLY", "PROGRAM"], rows: rows))
        print("\(robots.filter(\.online).count) online of \(robots.count).")
    }

    /// The roster once the broker has replayed the retained statuses (quiet for 300 ms, at most 2 s).
    static func settledRoster(_ teacher: FleetTeacher) async -> [RobotPresence] {
        var count = -1
        var quietSince = ContinuousClock.now
        let deadline = ContinuousClock.now + .seconds(2)
        while ContinuousClock.now < deadline {
            let now = teacher.snapshot.messages
            if now != count {
                count = now
                quietSince = ContinuousClock.now
            } else if ContinuousClock.now - quietSince > .milliseconds(300) {
                break
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return teacher.snapshot.roster.values.sorted { $0.name < $1.name }
    }
}
