import ArgumentParser
import Dynamixel
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

    /// What was chosen, for messages.
    enum Target: Equatable {
        case serial(String)
        case simulator
        /// The daemon's base URL (`http://host:port`).
        case daemon(String)
    }

    /// The target, discovering the robot when neither flag was given. Without a robot this falls back to the
    /// simulator (with a notice on standard error) when `fallBackToSimulator`, else it fails with what to do.
    func resolve(fallBackToSimulator: Bool) throws -> Target {
        if sim { return .simulator }
        if let port { return .serial(port) }
        if let daemon {
            do {
                return .daemon(try DaemonEndpoint(daemon).base)
            } catch {
                throw CLIError(error.description)
            }
        }
        let selection: RobotPortSelection
        do {
            selection = try PortDiscovery.findRobotPort()
        } catch {
            if fallBackToSimulator {
                printNotice("Could not list serial ports (\(error)); using the built-in simulator.")
                return .simulator
            }
            throw CLIError(error.description)
        }
        switch selection {
        case .found(let found, _):
            return .serial(found.name)
        case .notFound where fallBackToSimulator:
            printNotice("No robot found; using the built-in simulator. (Pass --port PATH to choose a port.)")
            return .simulator
        case .notFound, .ambiguous:
            throw CLIError(selection.description)
        }
    }

    /// Opens a servo bus on the target.
    func openBus(fallBackToSimulator: Bool) throws -> OpenedBus {
        let target = try resolve(fallBackToSimulator: fallBackToSimulator)
        switch target {
        case .daemon(let url):
            throw CLIError(
                "This command talks to the servo bus itself, which the daemon at \(url) owns. Run it on the robot "
                    + "with the daemon stopped, or use a command that moves the robot (wake, sleep, goto, dance, play, "
                    + "record, run, news recite) with --daemon.")
        case .simulator:
            let robot = VirtualReachyMini(clock: MonotonicClock())
            let transport = robot.makeTransport(name: "the built-in simulator")
            return OpenedBus(
                bus: ServoBus(transport: transport), transport: transport, label: "the built-in simulator",
                simulator: robot)
        case .serial(let path):
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
