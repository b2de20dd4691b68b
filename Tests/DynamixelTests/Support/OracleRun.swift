import Dynamixel
import Foundation
import ReachyTestSupport

/// Runs `Oracles/peers.py` with the oracle Python (`REACHY_ORACLE_PYTHON`, set up by `make oracles`) against a
/// fake servo bus that this process plays on a pty, with our decoder and encoder.
struct OracleRun {
    /// The Python interpreter of the oracle venv, when it is set and executable.
    static let python: String? = {
        guard let path = ProcessInfo.processInfo.environment["REACHY_ORACLE_PYTHON"], !path.isEmpty,
            FileManager.default.isExecutableFile(atPath: path)
        else { return nil }
        return path
    }()

    static let script = RepositoryPaths.root.appendingPathComponent("Tests/DynamixelTests/Oracles/peers.py").path

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The servos the peers talk to (see peers.py for what each one holds).
    static func makeServos() -> TestServoBus {
        let servos = TestServoBus(ids: [1, 2, 3, 4, 5] + Array(10...18), strictAddresses: true)
        servos.poke(1, address: 132, Register.presentPosition.bytes(of: 2048))
        servos.poke(2, address: 132, [0x00, 0xFF, 0xFF, 0xFD])
        servos.poke(2, address: 146, [31])
        servos.poke(3, address: 126, [0xFF, 0xFF, 0xFD, 0x00, 0x00, 0x00])
        servos.poke(3, address: 132, Register.presentPosition.bytes(of: 3000))
        servos.poke(3, address: 144, Register.presentInputVoltage.bytes(of: 50))
        servos.poke(4, address: 132, Register.presentPosition.bytes(of: 1234))
        servos.setAlert(4, true)
        for (index, id) in (10...18).enumerated() {
            servos.poke(UInt8(id), address: 132, Register.presentPosition.bytes(of: 1024 + 256 * index))
        }
        return servos
    }

    let servos: TestServoBus
    /// What the library reported, step by step.
    let results: [String: Any]
    /// Everything the library sent, in order.
    var stream: [UInt8] { servos.receivedBytes.flatMap { $0 } }
    /// Every instruction packet our decoder found in it.
    var requests: [(id: UInt8, request: Request)] {
        servos.received.compactMap { packet in (try? packet.request().get()).map { (packet.id, $0) } }
    }

    init(library: String, timeout: Duration = .seconds(60), prepare: (TestServoBus) -> Void = { _ in }) throws {
        guard let python = OracleRun.python else { throw Failure(description: "REACHY_ORACLE_PYTHON is not set") }
        servos = OracleRun.makeServos()
        prepare(servos)
        let pty = try PseudoTerminal()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [OracleRun.script, pty.path, library]
        let output = Pipe()
        // Errors (a Rust panic prints a backtrace) go to a file: a full pipe would block the peer.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("peers-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let errors = try FileHandle(forWritingTo: errorFile)
        defer {
            try? errors.close()
            try? FileManager.default.removeItem(at: errorFile)
        }
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while process.isRunning, clock.now < deadline {
            let bytes = try pty.read(waitingAtMost: 2)
            if bytes.isEmpty { continue }
            let reply = servos.handle(bytes)
            if !reply.isEmpty { try pty.write(reply) }
        }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let log = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Failure(
                description: "\(library) printed no JSON (exit \(process.terminationStatus)): "
                    + String(decoding: data, as: UTF8.self) + log)
        }
        results = object
    }

    /// Whether the library sent exactly these bytes at some point.
    func sent(_ bytes: [UInt8]) -> Bool {
        let all = stream
        guard bytes.count <= all.count, !bytes.isEmpty else { return false }
        return (0...(all.count - bytes.count)).contains { Array(all[$0..<($0 + bytes.count)]) == bytes }
    }

    /// A step's result as JSON text, for comparisons and messages.
    func json(_ step: String) -> String {
        guard let value = results[step] else { return "<missing>" }
        guard JSONSerialization.isValidJSONObject([value]),
            let data = try? JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys])
        else { return "\(value)" }
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }
}
