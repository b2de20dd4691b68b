import ArgumentParser
import Dynamixel
import Foundation
import ReachyBridge
import ReachyHardware
import ReachyRemote
import ReachySimulator

/// Where a command finds its robot: `--port PATH` (a robot's serial port, or any simulator pty), `--sim` (the
/// built-in simulator, in process), `--daemon URL` (the official daemon of a Wireless robot, or of a robot plugged
/// into another computer), or none: the robot if one is plugged in, else the simulator with a notice.
struct ConnectionOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("Serial port of the robot (e.g. /dev/ttyACM0) or of a simulator pty.", valueName: "path"))
    var port: String?

    @Flag(name: .long, help: "Use the built-in simulator instead of a robot.")
    var sim = false

    @Option(name: .long, help: "Bus speed in bits per second (the Reachy Mini uses 1000000).")
    var baud: Int = BaudRate.reachyMini

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Drive the robot through its official daemon at this address (a Wireless robot: "
                + "\(DaemonEndpoint.wireless)).", valueName: "url"))
    var daemon: String?

    func validate() throws {
        if sim && port != nil {
            throw ValidationError("Choose one: --port PATH for a robot, or --sim for the simulator.")
        }
        if let daemon {
            if sim || port != nil {
                throw ValidationError(
                    "Choose one: --daemon URL for a robot behind its daemon, --port PATH for a robot on this computer's "
                        + "USB, or --sim for the simulator.")
            }
            do {
                _ = try DaemonEndpoint(daemon)
            } catch {
                throw ValidationError(error.description)
            }
        }
        if !DynamixelBaudRate.rates.contains(baud) {
            throw ValidationError(
                "--baud \(baud) is not a Dynamixel speed. Use one of: "
                    + DynamixelBaudRate.rates.map(String.init).joined(separator: ", ") + ".")
        }
    }

    /// The connection the flags name: `.auto` when none (the robot if one is plugged in, else the simulator).
    func requested() throws -> ReachyConnection {
        if sim { return .simulator(VirtualReachyMini(clock: MonotonicClock())) }
        if let port { return .serial(port, baud: baud) }
        if let daemon {
            let endpoint: DaemonEndpoint
            do {
                endpoint = try DaemonEndpoint(daemon)
            } catch {
                throw CLIError(error.description)
            }
            guard let url = URL(string: endpoint.base) else {
                throw CLIError(DaemonError.invalidURL(daemon).description)
            }
            return .daemon(url)
        }
        return .auto
    }

    /// Which robot, which configuration and which speaker: decided once, by ``ReachyBridge`` (discovery and its
    /// notice included). Without a robot this falls back to the simulator when `fallBackToSimulator`, else it
    /// fails with what to do.
    func resolve(fallBackToSimulator: Bool = true) throws -> ResolvedRobot {
        let requested = try requested()
        do {
            return try requested.resolve(fallBackToSimulator: fallBackToSimulator, discoveredBaud: baud) {
                printNotice($0)
            }
        } catch {
            throw CLIError(error.description)
        }
    }

    /// Opens a servo bus on the robot the flags name.
    func openBus(fallBackToSimulator: Bool) throws -> OpenedBus {
        try openBus(resolve(fallBackToSimulator: fallBackToSimulator))
    }

    /// Opens a servo bus on `robot`.
    func openBus(_ robot: ResolvedRobot) throws -> OpenedBus {
        switch robot.target {
        case .daemon(let endpoint):
            let url = endpoint.base
            throw CLIError(
                "This command talks to the servo bus itself, which the daemon at \(url) owns. Run it on the robot "
                    + "with the daemon stopped, or use a command that moves the robot (wake, sleep, goto, dance, play, "
                    + "record, run, news recite) with --daemon.")
        case .simulator:
            let simulator: VirtualReachyMini
            if case .simulator(let resolved) = robot.connection {
                simulator = resolved
            } else {
                simulator = VirtualReachyMini(clock: MonotonicClock())
            }
            let transport = simulator.makeTransport(name: robot.target.label)
            return OpenedBus(
                bus: ServoBus(transport: transport), transport: transport, label: robot.target.label,
                simulator: simulator)
        case .serial(let path, let baud):
            let transport = try openTransport(path: path, baud: baud)
            var configuration = ServoBusConfiguration()
            configuration.baudRate = baud
            if transport is TermiosTransport {
                // A pseudo-terminal (a simulator) or a port libserialport does not know: replies pass through the
                // scheduler of a possibly busy machine, not a USB adapter, so allow for more latency.
                configuration.latencyAllowance = .milliseconds(20)
            }
            return OpenedBus(
                bus: ServoBus(transport: transport, configuration: configuration), transport: transport, label: path,
                simulator: nil)
        }
    }
}

/// A servo bus opened by a command, with what it is connected to.
struct OpenedBus {
    let bus: ServoBus
    let transport: any ByteTransport
    /// The port path, or "the built-in simulator".
    let label: String
    /// The in-process simulator, when that is the target.
    let simulator: VirtualReachyMini?

    /// Releases the port.
    func close() { transport.close() }
}
