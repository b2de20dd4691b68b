public import Foundation

/// Where a ``ReachyMotion/ReachyMini`` lives: a serial port, whatever is found (the robot, else the simulator),
/// a given in-process simulator, or the official daemon of a (Wireless) robot.
public enum ReachyConnection: Sendable {
    /// The robot's serial port (e.g. `/dev/ttyACM0`) or a simulator pty, at `baud` bits per second.
    case serial(String, baud: Int = BaudRate.reachyMini)
    /// The robot when one is plugged in, else a new in-process simulator (with a notice).
    case auto
    /// This in-process simulator. Its clock must be the loop's: a `MonotonicClock` when the loop runs in real time
    /// (the default), or the tick source's clock on virtual time (``VirtualTimeSimulator`` pairs them).
    case simulator(VirtualReachyMini)
    /// The official daemon at this address (`http://reachy-mini.local:8000` for a Wireless robot), over its
    /// `/ws/sdk` WebSocket (see docs/daemon-backend.md).
    case daemon(URL)

    /// A connection to a serial port at the Reachy Mini's speed.
    public static func serial(_ path: String) -> ReachyConnection { .serial(path, baud: BaudRate.reachyMini) }
}

/// Why a connection could not be resolved.
public enum ReachyConnectionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Port discovery failed, found no robot (and no fallback was allowed) or found several robots; or the daemon
    /// address is not one.
    case discovery(String)
    /// The serial port could not be opened.
    case transport(TransportError)
    /// The robot description (`hardware/reachy-mini.json`) could not be read.
    case description(String)

    public var description: String {
        switch self {
        case .discovery(let message): message
        case .transport(let error): error.description
        case .description(let message): message
        }
    }
}

extension ReachyMini {
    /// Connects to a Reachy Mini through `connection` and starts it (see `connect(transport:options:reopen:)`).
    /// `.auto` falls back to the simulator when no robot is plugged in and tells `notice` so.
    ///
    /// The in-process simulator is driven through its loopback transport (`makeTransport()`): every request is
    /// answered synchronously on the control-loop thread from the simulator's own clock, so no extra thread
    /// competes for the CPU and the wire exchange is exactly the robot's. Serial ports are reopened when the
    /// adapter comes back after an unplug.
    public static func connect(
        _ connection: ReachyConnection, options: ReachyMiniOptions = ReachyMiniOptions(),
        notice: @Sendable (String) -> Void = { FileHandle.standardError.write(Data("Notice: \($0)\n".utf8)) }
    ) async throws -> ReachyMini {
        switch connection {
        case .simulator(let robot):
            return try await connectSimulator(robot, options: options)
        case .serial(let path, let baud):
            return try await connectSerial(path: path, baud: baud, options: options)
        case .daemon(let url):
            return try await connectDaemon(url: url, options: options, notice: notice)
        case .auto:
            return try await connect(connection.resolve(notice: notice).connection, options: options, notice: notice)
        }
    }

    static func connectSimulator(_ robot: VirtualReachyMini, options: ReachyMiniOptions) async throws -> ReachyMini {
        var options = options
        if options.bus == nil { options.bus = .inProcess }
        return try await connect(transport: robot.makeTransport(name: "the built-in simulator"), options: options)
    }

    static func connectSerial(path: String, baud: Int, options: ReachyMiniOptions) async throws -> ReachyMini {
        let transport: any ByteTransport
        do {
            transport = try openTransport(path: path, baud: baud)
        } catch {
            throw ReachyConnectionError.transport(error)
        }
        var options = options
        if options.bus == nil {
            var configuration = ServoBusConfiguration()
            configuration.baudRate = baud
            if transport is TermiosTransport { configuration.latencyAllowance = .milliseconds(20) }
            options.bus = configuration
        }
        return try await connect(transport: transport, options: options) { try openTransport(path: path, baud: baud) }
    }
}

extension ReachyMini {
    /// The control-loop rate used with a daemon: the daemon applies targets and streams positions at 50 Hz, so a
    /// faster loop would only send goals it never applies.
    public static let daemonLoopRate = 50.0

    /// Connects through the daemon at `url`: checks its status, opens `/ws/sdk`, then runs the control loop over a
    /// ``ReachyRemote/DaemonMotorIO`` (at most ``daemonLoopRate`` ticks a second).
    static func connectDaemon(
        url: URL, options: ReachyMiniOptions, notice: @Sendable (String) -> Void
    ) async throws -> ReachyMini {
        let endpoint = try DaemonEndpoint(url.absoluteString)
        // A lost link shows as the loop's no-reply fault, and its end as a `recovered` event.
        let motors = try await DaemonMotorIO.connect(endpoint)
        var options = options
        if options.rate > daemonLoopRate { options.rate = daemonLoopRate }
        // The daemon ignores targets while one of its own moves runs: say so rather than look stuck.
        if let running = try? await DaemonHTTP(endpoint: endpoint).send("GET", "/api/move/running"),
            let moves = try? JSONSerialization.jsonObject(with: running.body) as? [Any], !moves.isEmpty
        {
            notice(
                "The daemon at \(endpoint.base) is playing one of its own moves; it ignores our goals until that move "
                    + "ends.")
        }
        do {
            return try await connect(motors: motors, options: options, link: "the daemon at \(endpoint.base)")
        } catch {
            motors.close()
            throw error
        }
    }
}
