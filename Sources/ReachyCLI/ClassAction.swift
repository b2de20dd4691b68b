import ArgumentParser
import Foundation
import ReachyFleet

/// Sends one command without a program (stop, wake, sleep, say) and reports every addressed robot's answer.
enum ClassAction {
    /// Sends `action` to `target` and waits (at most `timeout` seconds) until every online robot addressed has
    /// answered; prints one line per robot. Throws exit status 1 when one refused or did not answer.
    static func send(
        _ action: FleetCommand.Action, text: String? = nil, connection: ClassConnectionOptions, target: FleetTarget,
        until kinds: Set<FleetEvent.Kind>, timeout: Double
    ) async throws {
        let teacher = try await connection.connect()
        defer { teacher.disconnect() }
        let robots = Set(
            await ClassListCommand.settledRoster(teacher).filter { $0.online && target.includes($0) }.map(\.name))
        guard !robots.isEmpty else { throw CLIError("No robot of \(target) is online (see `reachy class list`).") }
        let sent = WallClock.now()
        let id: String
        do {
            id = try await teacher.send(action, text: text, to: target)
        } catch {
            throw CLIError(error.description)
        }
        let answered = kinds.union([.rejected, .failed])
        _ = await teacher.wait(timeout: .milliseconds(Int64(timeout * 1000))) { snapshot in
            robots.isSubset(of: Set(snapshot.events(of: id).filter { answered.contains($0.kind) }.map(\.robot)))
        }
        let events = teacher.snapshot.events(of: id)
        var failed = false
        for robot in robots.sorted() {
            let mine = events.filter { $0.robot == robot && answered.contains($0.kind) }
            if let event = mine.first {
                let after = String(format: "%.0f ms", (event.time - sent) * 1000)
                let ok = event.kind != .rejected && event.kind != .failed
                failed = failed || !ok
                print("\(robot): \(ok ? "done" : "refused") after \(after)\(event.message.map { " — \($0)" } ?? "")")
            } else {
                failed = true
                print("\(robot): no answer within \(Int(timeout)) s")
            }
        }
        if failed { throw ExitCode(1) }
    }
}
