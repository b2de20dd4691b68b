import Foundation
import ReachyTestSupport
import Testing

/// `reachy serve --fleet` and `reachy class` refuse what cannot work, saying what to do.
@Suite struct FleetCommandLineTests {
    /// A robot that starts before its class's broker (a Raspberry Pi before the teacher's laptop) says which broker
    /// it cannot reach and how to start one, keeps serving, and joins the class once the broker is up.
    @Test(.enabled(if: MosquittoBroker.executable() != nil, "needs mosquitto"))
    func aRobotWaitsForAnUnreachableBrokerThenJoins() async throws {
        let broker = try MosquittoBroker()
        broker.stop()
        let port = broker.port
        let robot = try WatchedProcess.reachy([
            "serve", "--sim", "--http-port", "0", "--fleet", "mqtt://127.0.0.1:\(port)", "--robot-name", "ada",
            "--class-token", "t",
        ])
        defer { robot.send(SIGKILL) }
        #expect(robot.waitForStderr("Waiting for the broker", timeout: 60), "\(robot.stderr)")
        #expect(robot.stderr.contains("127.0.0.1:\(port)") && robot.stderr.contains("mosquitto"), "\(robot.stderr)")
        #expect(robot.isRunning)
        try broker.restart()
        let deadline = Date().addingTimeInterval(20)
        while !robot.stdout.contains("In class"), Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }
        #expect(robot.stdout.contains("In class default as ada"), "\(robot.stdout)\n\(robot.stderr)")
        robot.send(SIGTERM)
        #expect(await robot.waitForExit(timeout: 20) == 143)
        broker.stop()
    }

    @Test func aRobotInAClassNeedsAToken() throws {
        let output = try ReachyExecutable.run(
            ["serve", "--sim", "--fleet", "mqtt://127.0.0.1:1", "--robot-name", "ada"], timeout: 30)
        #expect(output.status == 64)
        #expect(output.stderr.contains("--class-token"), "\(output.stderr)")
    }

    @Test func namesThatCannotBeTopicsAreRefused() throws {
        let output = try ReachyExecutable.run(
            ["serve", "--sim", "--fleet", "mqtt://127.0.0.1:1", "--robot-name", "a/b", "--class-token", "t"],
            timeout: 30)
        #expect(output.status == 64)
        #expect(output.stderr.contains("a/b"), "\(output.stderr)")
    }

    @Test func theTeacherMustSayWhoACommandIsFor() throws {
        let output = try ReachyExecutable.run(["class", "stop"], timeout: 30)
        #expect(output.status == 64)
        #expect(output.stderr.contains("--all"), "\(output.stderr)")
    }

    @Test func aStartInstantMustBeReadable() throws {
        let program = RepositoryPaths.root.appendingPathComponent("examples/bop/01-hello.bop").path
        let output = try ReachyExecutable.run(["class", "run", program, "--all", "--at", "soon"], timeout: 30)
        #expect(output.status == 64)
        #expect(output.stderr.contains("--at"), "\(output.stderr)")
    }

    @Test func theTeacherIsToldWhereTheBrokerIsMissing() throws {
        let port = try ServeProcess.freePort()
        let output = try ReachyExecutable.run(
            ["class", "list", "--broker", "mqtt://127.0.0.1:\(port)", "--class-token", "t"], timeout: 30)
        #expect(output.status == 1)
        #expect(output.stderr.contains("127.0.0.1:\(port)") && output.stderr.contains("mosquitto"), "\(output.stderr)")
    }

    @Test func aProgramWithProblemsIsNotSent() throws {
        let directory = try TemporaryDirectory("fleet-cli")
        defer { directory.remove() }
        let file = directory.file("bad.bop")
        try "level 1\nfly to the moon\n".write(to: file, atomically: true, encoding: .utf8)
        // The broker is never contacted: the program is checked first.
        let output = try ReachyExecutable.run(
            ["class", "run", file.path, "--all", "--broker", "mqtt://127.0.0.1:1", "--class-token", "t"], timeout: 30)
        #expect(output.status == 1)
        #expect(output.stderr.contains("nothing was sent"), "\(output.stderr)")
    }
}
