public import ArgumentParser
import Dispatch
import Foundation
import ReachySimulator

/// `reachy sim serve`: serve a virtual Reachy Mini on a pty until SIGINT/SIGTERM.
public struct SimServeCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a simulated Reachy Mini (motors 10–18, 1 Mbps) on a pseudo-terminal until Ctrl-C.",
        discussion: """
            Prints the device path; any Dynamixel client can open it at 1,000,000 bps (e.g. \
            `reachy scan --port <path>`, rustypot, the ROBOTIS SDK, the official motor controller).
            Faults (repeat --fault): byte-loss=P, crc=P (P = 0…1 or a percentage), latency=5ms, missing=ID[,ID…], \
            overload=ID, overheat=ID, voltage-error=ID, supply=VOLTS, unplug-after=10s. See docs/simulator.md.
            """
    )

    @Option(name: .long, help: "Also make a symlink at this path pointing to the pty (removed on exit).")
    var link: String?

    @Option(name: .long, help: "Seed for the fault generator; the same seed and traffic give the same faults.")
    var seed: UInt64 = 0

    @Option(
        name: .long, help: "Inject a fault, NAME=VALUE (repeatable), e.g. --fault byte-loss=0.05 --fault missing=14.")
    var fault: [String] = []

    @Flag(name: .long, help: "Log every received and sent byte (hex) to standard error.")
    var trace = false

    public init() {}

    public func validate() throws {
        do {
            _ = try SimulatorFaults.parse(fault)
        } catch {
            throw ValidationError(error.description)
        }
    }

    public func run() async throws {
        let faults: SimulatorFaults
        do {
            faults = try SimulatorFaults.parse(fault)
        } catch {
            throw ValidationError(error.description)
        }
        let robot = VirtualReachyMini(
            clock: MonotonicClock(), seed: seed, faults: faults, interByteTimeout: PtySimulatorServer.interByteTimeout)
        let server: PtySimulatorServer
        do {
            server = try PtySimulatorServer(bus: robot.bus, linkPath: link)
        } catch {
            FileHandle.standardError.write(Data("Error: \(error.description)\n".utf8))
            throw ExitCode.failure
        }
        if trace {
            robot.bus.setTrace { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
        }
        let stop = StopSignal()
        let sources = [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stop.fire() }
            source.resume()
            return source
        }
        server.start()
        var lines = ["Reachy Mini simulator serving on \(server.devicePath)"]
        if let link { lines.append("Link: \(link) -> \(server.devicePath)") }
        lines.append("Motors 10–18 at 1000000 bps; faults: \(faults.summary); seed \(seed)")
        lines.append("Press Ctrl-C to stop.")
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        while !stop.fired && !robot.bus.isUnplugged {
            try? await Task.sleep(for: .milliseconds(50))
        }
        let unplugged = robot.bus.isUnplugged && !stop.fired
        server.stop()
        for source in sources { source.cancel() }
        FileHandle.standardOutput.write(
            Data((unplugged ? "Simulated unplug: the pty is closed.\n" : "Stopped.\n").utf8))
    }
}

/// A flag set from a signal handler's dispatch queue.
final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var fired: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
    func fire() {
        lock.lock()
        value = true
        lock.unlock()
    }
}
