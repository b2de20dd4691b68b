import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import HummingbirdWSClient
import Logging
import NIOCore
import NIOWebSocket
import ReachyAudio
import ReachyBridge
import Testing

@testable import ReachyService

/// An in-process service on the built-in simulator, served on a free port (HummingbirdTesting `.live`: real
/// sockets), with helpers for JSON requests and WebSocket sessions.
enum ServiceHarness {
    /// Runs `body` against a fresh simulator robot and server (announced as a robot with `simulated: false`), its
    /// recorded-move datasets read from `moves` (none by default).
    static func withService(
        token: String? = nil, maxBody: Int = 256 * 1024, audio: (@Sendable () throws -> any AudioSink)? = nil,
        simulated: Bool = true, moves: MoveLibrary = .empty,
        allowedOrigins: [String] = [], configure: @Sendable (inout ServiceConfiguration) -> Void = { _ in },
        _ body: @Sendable (any TestClientProtocol, RobotService) async throws -> Void
    ) async throws {
        let robot = try await ReachyMini.connect(.simulator(VirtualReachyMini(clock: MonotonicClock())))
        // Ready like `reachy serve` answers ready: a complete reading and no fault (slow on a loaded machine).
        _ = await eventually(timeout: 30) { robot.latest?.joints != nil && robot.latest?.headPose != nil }
        // `simulated: false` serves the simulator as if it were a robot (its speaker the robot's).
        let service = RobotService(
            robot: robot, simulated: simulated, makeAudioSink: audio, moveLibrary: moves)
        service.start()
        defer {
            service.stopServing()
            robot.close()
        }
        var configuration = ServiceConfiguration(
            port: 0, token: token, allowedOrigins: allowedOrigins, maxBodyBytes: maxBody)
        configure(&configuration)
        let server = try ReachyServer(configuration: configuration, service: service)
        let app = server.makeApplication()
        try await app.test(.live) { client in try await body(client, service) }
    }

    /// A speaker for the service that records into the WAV file `url` (16 kHz mono), like `reachy serve --sim`.
    static func wavSpeaker(_ url: URL) -> @Sendable () throws -> any AudioSink {
        { WAVFileSink(url: url, sampleRate: 16_000) }
    }

    /// A request; the status and the body as text.
    static func call(
        _ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, json: String? = nil,
        headers: HTTPFields = [:]
    ) async throws -> (status: HTTPResponse.Status, text: String) {
        var headers = headers
        if json != nil, headers[.contentType] == nil { headers[.contentType] = "application/json" }
        return try await client.execute(
            uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) }
        ) { response in (response.status, String(buffer: response.body)) }
    }

    /// The body as a JSON object.
    static func object(_ text: String) throws -> [String: Any] {
        try #require(
            try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not an object: \(text)")
    }

    /// What a `{"detail"}` answer says: the message, or the `msg` of each entry of pydantic's 422 list.
    static func detailMessages(_ text: String) -> [String] {
        let detail = (try? object(text))?["detail"]
        if let message = detail as? String { return [message] }
        return (detail as? [[String: Any]])?.compactMap { $0["msg"] as? String } ?? []
    }

    /// The entries of pydantic's 422 list as `type loc msg` lines (`loc` joined with dots).
    static func issues(_ text: String) -> [String] {
        let list = (try? object(text))?["detail"] as? [[String: Any]] ?? []
        return list.map { issue in
            let loc = (issue["loc"] as? [Any] ?? []).map { "\($0)" }.joined(separator: ".")
            return "\(issue["type"] as? String ?? "?") \(loc) \(issue["msg"] as? String ?? "?")"
        }
    }

    /// The body as any JSON value.
    static func value(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    /// Waits (polling every 20 ms, at most `timeout` seconds) until `condition` holds.
    static func eventually(timeout: Double = 10, _ condition: () async throws -> Bool) async rethrows -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return try await condition()
    }

    /// Opens a WebSocket on `path`, sends `send` (text messages), collects text messages until `until` says
    /// enough (or `timeout` seconds), then closes. Returns the messages received.
    static func webSocket(
        port: Int, path: String, send: [String] = [], timeout: Double = 10,
        until: @escaping @Sendable ([String]) -> Bool
    ) async throws -> [String] {
        let collected = Collected()
        let client = WebSocketClient(
            url: "ws://127.0.0.1:\(port)\(path)", logger: Logger(label: "test.ws")
        ) { inbound, outbound, _ in
            for message in send { try await outbound.write(.text(message)) }
            let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
            for try await message in inbound.messages(maxSize: 1 << 20) {
                if case .text(let text) = message { collected.append(text) }
                if until(collected.all) || ContinuousClock.now > deadline { break }
            }
            try await outbound.close(.normalClosure, reason: nil)
        }
        try await client.run()
        return collected.all
    }

    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func append(_ s: String) {
            lock.lock()
            items.append(s)
            lock.unlock()
        }
        var all: [String] {
            lock.lock()
            defer { lock.unlock() }
            return items
        }
    }
}
