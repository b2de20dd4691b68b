import ArgumentParser
import Dynamixel
import Foundation
import ReachyAudio
import ReachyBridge
import ReachyFleet
import ReachyService
import ReachySimulator
import ServiceLifecycle

/// `reachy serve`: the daemon-compatible HTTP/WebSocket service (official SDK clients connect to it), plus the Bop
/// playground, Bop and news routes.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the robot over HTTP and WebSocket, compatible with the official daemon's API.",
        discussion: """
            The official Python SDK connects to it as to the daemon: \
            ReachyMini(host="127.0.0.1", port=8000, connection_mode="network", media_backend="no_media"). \
            Open http://127.0.0.1:8000/ for the Bop playground; GET /openapi.json lists every route \
            (docs/service.md explains them).

            It listens on 127.0.0.1 unless --host says otherwise; any other address needs --token (clients send \
            "Authorization: Bearer TOKEN", or ?token=TOKEN on a WebSocket; open the playground once as \
            http://HOST:PORT/?token=TOKEN and the browser keeps it in a cookie). When it is ready it prints \
            "Serving on http://HOST:PORT" on standard output (with --http-port 0, PORT is the free port chosen).

            With --fleet mqtt://HOST[:PORT] --robot-name NAME [--group G] --class-token SECRET it also joins a \
            class: the teacher's `reachy class` lists it, sends it Bop programs (started on the same instant on \
            every robot), stops it; every command is checked like a local request (docs/classroom.md). With --teach \
            mqtt://HOST[:PORT] --class-token SECRET it serves the classroom page (/playground/classroom.html): the \
            class's robots drawn live, the playground's program sent to a selection, stop all.

            Hostile clients are bounded: a connection has --header-timeout seconds to send its request head, a \
            keep-alive connection is closed after --idle-timeout silent seconds, and at most --max-connections are \
            open at once.

            The recorded-move dataset routes (/api/move/recorded-move-datasets/list/ORG/NAME, \
            /api/move/play/recorded-move-dataset/ORG/NAME/MOVE) and Bop's `play emotion` read local copies only: \
            each --moves-dir DIR (the dataset in DIR/ORG/NAME/), then the Hugging Face cache (HF_HUB_CACHE, \
            HF_HOME/hub or ~/.cache/huggingface/hub) where \
            `huggingface-cli download --repo-type dataset pollen-robotics/reachy-mini-emotions-library` puts it.

            Ctrl-C or SIGTERM stops it safely: moves stop, WebSocket clients are disconnected, the robot rests as \
            --on-interrupt says (sleep by default), and a robot in a class tells it it is offline. Exit status: 130 after SIGINT, 143 after SIGTERM, 1 when the \
            robot or the address cannot be used, 64 for a bad command line.
            """)

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var robot: RobotRunOptions
    @OptionGroup(title: "Class (fleet over MQTT)") var fleet: FleetJoinOptions

    @Option(help: "Address to listen on (127.0.0.1: this machine only; anything else needs --token).")
    var host = "127.0.0.1"

    @Option(name: .customLong("http-port"), help: "TCP port to listen on (0 picks a free port).")
    var httpPort = 8000

    @Option(help: "Secret clients must send as a bearer token (required beyond 127.0.0.1).")
    var token: String?

    @Option(
        name: [.customLong("allow-origin"), .customLong("cors-origin")],
        help: ArgumentHelp(
            "Allow web pages from this origin (e.g. https://turbowarp.org) to call the API; repeatable. This "
                + "machine's own pages (http://localhost:*, http://127.0.0.1:*) are always allowed, any other site is "
                + "refused.",
            valueName: "origin"))
    var allowOrigin: [String] = []

    @Flag(
        name: .customLong("sim-real-torque"),
        help: ArgumentHelp(
            "On the simulator, do not move while the motors are off, as a real robot would not.",
            discussion:
                "By default the built-in simulator moves while its motors are off, like the official simulators "
                + "(reachy-mini-daemon --sim), so clients tested against them behave the same; the answers and the "
                + "daemon status still say that a real robot would not have moved."))
    var simRealTorque = false

    @Option(name: .customLong("max-body"), help: "Largest request body accepted, in bytes (413 beyond).")
    var maxBody = 256 * 1024

    @OptionGroup var moves: MovesDirectoryOptions

    @Option(name: .customLong("robot-name"), help: "The robot name reported in the daemon status.")
    var robotName = "reachy_mini"

    @Option(
        name: .customLong("header-timeout"),
        help: "Seconds a new connection has to send its request head (then 408 and close).")
    var headerTimeout = 10.0

    @Option(
        name: .customLong("idle-timeout"),
        help: "Seconds a keep-alive connection may stay silent between requests (WebSockets are not affected).")
    var idleTimeout = 60.0

    @Option(
        name: .customLong("max-connections"),
        help: "Most connections open at once (beyond: the oldest that has not sent a request makes room, else 503).")
    var maxConnections = 256

    var serviceConfiguration: ServiceConfiguration {
        ServiceConfiguration(
            host: host, port: httpPort, token: token, allowedOrigins: allowOrigin, maxBodyBytes: maxBody,
            robotName: robotName, headerTimeout: Self.duration(headerTimeout), idleTimeout: Self.duration(idleTimeout),
            maxConnections: maxConnections)
    }

    /// The built-in simulator's hand (``SimulatedHand``): it turns the virtual servos' horns to the given joints, as
    /// the official simulators' joints follow a move with the motors off. Nil on a robot or a daemon.
    static func simulatedHand(_ target: ResolvedRobot) -> SimulatedHand? {
        guard case .simulator(let simulator) = target.connection else { return nil }
        let bus = simulator.bus
        return SimulatedHand { joints in
            for (motor, radians) in zip(ReachyMotor.allCases, joints.motorOrder) {
                bus.setHandPosition(id: motor.id, Int64(DynamixelUnits.position(fromRadians: radians)))
            }
        }
    }

    /// Seconds as a duration; anything not a positive finite number becomes zero (which validation refuses).
    static func duration(_ seconds: Double) -> Duration {
        seconds.isFinite && seconds > 0 ? .milliseconds(Int64((seconds * 1000).rounded(.up))) : .zero
    }

    func validate() throws {
        if robot.virtualTime {
            throw ValidationError(
                "--virtual-time is for runs that end (run, news recite, dance, play…); a server answers clients in real "
                    + "time.")
        }
        do {
            try serviceConfiguration.validate()
        } catch {
            throw ValidationError(error.description)
        }
        try fleet.validate(robotName: robotName)
    }

    func run() async throws {
        let target = try connection.resolve()
        let simulated = target.isSimulated
        let configuration = serviceConfiguration
        let robotName = self.robotName
        let host = self.host
        let hasToken = token != nil
        let sink = Self.audioSinkFactory(target)
        let hand = simRealTorque ? nil : Self.simulatedHand(target)
        let fleet = self.fleet
        let maxBody = self.maxBody
        let library = moves.library
        try await RobotSession.run(target, robot, stopOnHardwareError: false) { mini in
            let service = RobotService(
                robot: mini, simulated: simulated, robotName: robotName, makeAudioSink: sink, hand: hand,
                moveLibrary: library)
            let teacher = try await fleet.teacher()
            defer { teacher?.disconnect() }
            let server: ReachyServer
            do {
                server = try ReachyServer(configuration: configuration, service: service, classroom: teacher)
            } catch {
                throw CLIError(String(describing: error))
            }
            service.start()
            let agent = try await fleet.join(service: service, robotName: robotName, maxBytes: maxBody)
            let robotLabel = if case .serial = target.target { "the robot" } else { target.target.label }
            let app = server.makeApplication { port in
                let shown = host.contains(":") ? "[\(host)]" : host
                FileHandle.standardOutput.write(Data("Serving on http://\(shown):\(port) (\(robotLabel))\n".utf8))
                if let teacher {
                    FileHandle.standardOutput.write(
                        Data(
                            ("Classroom \(teacher.topics.classroom): http://\(shown):\(port)/playground/classroom.html\n")
                                .utf8))
                }
                if hasToken {
                    // Never the token itself: standard output ends up in logs.
                    FileHandle.standardOutput.write(
                        Data(
                            ("Playground: open http://\(shown):\(port)/?token=YOUR_TOKEN once (the --token value); the "
                                + "browser then keeps it in a cookie.\n").utf8))
                }
            }
            do {
                try await withTaskCancellationHandler {
                    do {
                        try await app.run()
                    } catch {
                        if Task.isCancelled { return }
                        throw CLIError(
                            "Could not serve on \(host):\(configuration.port): \(error). Is another program using "
                                + "the port? Choose another with --http-port.")
                    }
                } onCancel: {
                    // Disconnect WebSocket clients so the server can stop; RobotSession then brings the robot to rest.
                    service.stopServing()
                }
            } catch {
                await agent?.leave()
                throw error
            }
            // The class sees the robot leave ("offline"), not its last will.
            await agent?.leave()
        }
    }

    /// Where voice and sounds go (``ResolvedRobot/audio(wav:device:temporaryName:)``): one WAV file in the temporary
    /// directory on the simulator, the daemon's speaker, else the robot's speaker (a speaker that cannot be opened
    /// is reported to the client in `warnings`, not replaced by a file).
    static func audioSinkFactory(_ robot: ResolvedRobot) -> @Sendable () throws -> any AudioSink {
        let destination = robot.audio(temporaryName: "reachy-serve-\(ProcessInfo.processInfo.processIdentifier).wav")
        return { try destination.open(fallBackToFile: false) { printNotice("Notice: \($0)") } }
    }
}
