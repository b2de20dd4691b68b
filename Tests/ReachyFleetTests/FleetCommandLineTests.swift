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
}
