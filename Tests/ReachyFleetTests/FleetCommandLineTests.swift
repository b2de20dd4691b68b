import Foundation
import ReachyTestSupport
import Testing

/// `reachy serve --fleet` and `reachy class` refuse what cannot work, saying what to do.
@Suite struct FleetCommandLineTests {
    @Test func anUnreachableBrokerIsNamedWithHowToStartOne() throws {
        let port = try ServeProcess.freePort()
        let output = try ReachyExecutable.run(
            [
                "serve", "--sim", "--http-port", "0", "--fleet", "mqtt://127.0.0.1:\(port)", "--robot-name", "ada",
                "--class-token", "t",
            ], timeout: 60)
        #expect(output.status == 1)
        #expect(output.stderr.contains("127.0.0.1:\(port)"), "\(output.stderr)")
        #expect(output.stderr.contains("mosquitto"), "\(output.stderr)")
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
