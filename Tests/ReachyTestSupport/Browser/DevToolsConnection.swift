import Foundation
import ReachyRemote

/// A Chrome DevTools Protocol connection over one WebSocket: numbered commands, each answered by the reply with
/// the same id (events are ignored). Commands for a page carry its flattened `sessionId`.
public actor DevToolsConnection {
    private var nextID = 0
    private var pending: [Int: CheckedContinuation<JSONValue, any Error>] = [:]
    private var failure: BrowserError?
    private let outgoing: AsyncStream<String>.Continuation
    private let outgoingStream: AsyncStream<String>
    private var runner: Task<Void, Never>?
    private var opened: CheckedContinuation<Void, any Error>?
    private var isOpen = false

    private init() {
        (outgoingStream, outgoing) = AsyncStream<String>.makeStream()
    }

    /// Opens the WebSocket at `url` (Chromium's `ws://127.0.0.1:PORT/devtools/browser/…`).
    public static func connect(to url: String, timeout: Double = 20) async throws -> DevToolsConnection {
        let connection = DevToolsConnection()
        try await connection.open(url, timeout: timeout)
        return connection
    }

    private func open(_ url: String, timeout: Double) async throws {
        let stream = outgoingStream
        runner = Task {
            do {
                let socket = try await PlainWebSocket.connect(to: url, maxMessageSize: 1 << 27)
                self.didOpen()
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await text in stream { try await socket.send(text) }
                        await socket.close()
                    }
                    for try await text in socket.messages { self.received(text) }
                    group.cancelAll()
                }
                await socket.close()
                self.closed(.connectionFailed("the browser closed the connection"))
            } catch {
                self.closed(.connectionFailed(String(describing: error)))
            }
        }
        let deadline = Task { [weak self] in
            try? await Task.sleep(for: .seconds(timeout))
            await self?.openTimedOut(after: timeout)
        }
        defer { deadline.cancel() }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            if isOpen {
                continuation.resume()
            } else if let failure {
                continuation.resume(throwing: failure)
            } else {
                opened = continuation
            }
        }
    }

    private func didOpen() {
        isOpen = true
        opened?.resume()
        opened = nil
    }

    private func openTimedOut(after seconds: Double) {
        guard !isOpen, let waiting = opened else { return }
        opened = nil
        waiting.resume(throwing: BrowserError.timedOut(method: "WebSocket open", seconds: seconds))
    }

    private func closed(_ error: BrowserError) {
        if failure == nil { failure = error }
        opened?.resume(throwing: error)
        opened = nil
        let waiting = pending
        pending = [:]
        for (_, continuation) in waiting { continuation.resume(throwing: error) }
    }

    private func received(_ text: String) {
        guard let message = JSONValue.parse(text), let number = message["id"]?.number,
            let continuation = pending.removeValue(forKey: Int(number))
        else { return }
        if let error = message["error"] {
            continuation.resume(
                throwing: BrowserError.commandFailed(
                    method: "#\(Int(number))", message: error["message"]?.string ?? error.description))
        } else {
            continuation.resume(returning: message["result"] ?? .null)
        }
    }

    private func expire(_ id: Int, method: String, seconds: Double) {
        pending.removeValue(forKey: id)?.resume(throwing: BrowserError.timedOut(method: method, seconds: seconds))
    }

    /// Sends `method` with `params` (to the page `session`, if given) and returns its result, waiting at most
    /// `timeout` seconds.
    @discardableResult
    public func send(
        _ method: String, _ params: [String: JSONValue] = [:], session: String? = nil, timeout: Double = 30
    ) async throws -> JSONValue {
        if let failure { throw failure }
        nextID += 1
        let id = nextID
        var message: [String: JSONValue] = ["id": .number(Double(id)), "method": .string(method)]
        message["params"] = .object(params)
        if let session { message["sessionId"] = .string(session) }
        let text = JSONValue.object(message).description
        let timer = Task { [weak self] in
            try await Task.sleep(for: .seconds(timeout))
            await self?.expire(id, method: method, seconds: timeout)
        }
        defer { timer.cancel() }
        do {
            return try await withCheckedThrowingContinuation { continuation in
                pending[id] = continuation
                outgoing.yield(text)
            }
        } catch BrowserError.commandFailed(_, let message) {
            throw BrowserError.commandFailed(method: method, message: message)
        }
    }

    /// Closes the WebSocket.
    public func close() {
        outgoing.finish()
        closed(.connectionFailed("the connection was closed"))
        runner?.cancel()
    }
}
