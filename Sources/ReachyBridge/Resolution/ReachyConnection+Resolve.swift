public import Foundation

extension ReachyConnection {
    /// Decides which robot this connection means, once: `.auto` looks for a robot on the USB ports and, without one,
    /// takes the built-in simulator when `fallBackToSimulator` (telling `notice` so) or fails with what to do; a robot
    /// found that way is driven at `discoveredBaud` bits per second. The motor configuration is read from the robot
    /// description.
    public func resolve(
        fallBackToSimulator: Bool = true, discoveredBaud: Int = BaudRate.reachyMini,
        notice: @Sendable (String) -> Void = { FileHandle.standardError.write(Data("Notice: \($0)\n".utf8)) }
    ) throws(ReachyConnectionError) -> ResolvedRobot {
        let configuration: RobotConfiguration
        do {
            configuration = try RobotConfiguration(RobotDescription.reachyMini())
        } catch let error as RobotDescriptionError {
            throw .description(error.description)
        } catch {
            throw .description(String(describing: error))
        }
        func resolved(_ target: RobotTarget, _ connection: ReachyConnection) -> ResolvedRobot {
            ResolvedRobot(target: target, connection: connection, configuration: configuration)
        }
        func simulator() -> ResolvedRobot {
            resolved(.simulator, .simulator(VirtualReachyMini(clock: MonotonicClock())))
        }
        switch self {
        case .serial(let path, let baud):
            return resolved(.serial(path: path, baud: baud), self)
        case .simulator:
            return resolved(.simulator, self)
        case .daemon(let url):
            do {
                return resolved(.daemon(try DaemonEndpoint(url.absoluteString)), self)
            } catch {
                throw .discovery(error.description)
            }
        case .auto:
            let selection: RobotPortSelection
            do {
                selection = try PortDiscovery.findRobotPort()
            } catch {
                guard fallBackToSimulator else { throw .discovery(String(describing: error)) }
                notice("Could not list serial ports (\(error)); using the built-in simulator.")
                return simulator()
            }
            switch selection {
            case .found(let port, _):
                return resolved(
                    .serial(path: port.name, baud: discoveredBaud), .serial(port.name, baud: discoveredBaud))
            case .notFound where fallBackToSimulator:
                notice("No robot found; using the built-in simulator. (Pass --port PATH to choose a port.)")
                return simulator()
            case .notFound, .ambiguous:
                throw .discovery(selection.description)
            }
        }
    }
}
