public import Foundation

/// One browser tab driven over DevTools: navigate, run JavaScript, type and press keys like a person at a
/// keyboard, take screenshots.
public struct BrowserPage: Sendable {
    /// The connection the tab's commands go through.
    public let connection: DevToolsConnection
    /// The flattened DevTools session of the tab.
    public let session: String
    /// The tab's target id.
    public let target: String

    /// A tab already attached with a flattened `session`.
    public init(connection: DevToolsConnection, session: String, target: String) {
        self.connection = connection
        self.session = session
        self.target = target
    }

    /// Opens a new blank tab of `width`×`height` CSS pixels.
    public static func open(in connection: DevToolsConnection, width: Int = 1280, height: Int = 900) async throws
        -> BrowserPage
    {
        let created = try await connection.send("Target.createTarget", ["url": "about:blank"])
        guard let target = created["targetId"]?.string else {
            throw BrowserError.commandFailed(method: "Target.createTarget", message: "no targetId in \(created)")
        }
        let attached = try await connection.send(
            "Target.attachToTarget", ["targetId": .string(target), "flatten": true])
        guard let session = attached["sessionId"]?.string else {
            throw BrowserError.commandFailed(method: "Target.attachToTarget", message: "no sessionId in \(attached)")
        }
        let page = BrowserPage(connection: connection, session: session, target: target)
        try await page.send("Page.enable")
        try await page.send(
            "Emulation.setDeviceMetricsOverride",
            [
                "width": .number(Double(width)), "height": .number(Double(height)), "deviceScaleFactor": 1,
                "mobile": false,
            ])
        return page
    }

    /// Sends a command to this tab.
    @discardableResult
    public func send(_ method: String, _ params: [String: JSONValue] = [:], timeout: Double = 30) async throws
        -> JSONValue
    {
        try await connection.send(method, params, session: session, timeout: timeout)
    }

    /// Loads `url` (returns once navigation is committed; wait for the page's own readiness with `waitUntil`).
    public func navigate(to url: String) async throws {
        let result = try await send("Page.navigate", ["url": .string(url)])
        if let error = result["errorText"]?.string, !error.isEmpty {
            throw BrowserError.commandFailed(method: "Page.navigate", message: "\(error) for \(url)")
        }
    }

    /// The value of a JavaScript expression (promises awaited), as JSON.
    @discardableResult
    public func evaluate(_ expression: String) async throws -> JSONValue {
        let result = try await send(
            "Runtime.evaluate", ["expression": .string(expression), "returnByValue": true, "awaitPromise": true])
        if let details = result["exceptionDetails"] {
            let text = details["exception"]?["description"]?.string ?? details["text"]?.string ?? details.description
            throw BrowserError.scriptFailed(text)
        }
        return result["result"]?["value"] ?? .null
    }

    /// Evaluates `expression` every 50 ms until it is truthy (not null/false/0/""), at most `timeout` seconds;
    /// returns its value. `what` names the awaited thing in the error.
    @discardableResult
    public func waitUntil(_ expression: String, timeout: Double, what: String) async throws -> JSONValue {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let value = try await evaluate(expression)
            switch value {
            case .null, .bool(false), .number(0), .string(""): break
            default: return value
            }
            if Date() >= deadline { throw BrowserError.conditionNotMet(what, seconds: timeout) }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Types text at the focused element, as a keyboard's text input would.
    public func insertText(_ text: String) async throws {
        try await send("Input.insertText", ["text": .string(text)])
    }

    /// Presses and releases a key, with modifiers held.
    public func press(_ key: Key, modifiers: KeyModifiers = []) async throws {
        var down: [String: JSONValue] = [
            "type": "keyDown", "key": .string(key.key), "code": .string(key.code),
            "windowsVirtualKeyCode": .number(Double(key.keyCode)), "modifiers": .number(Double(modifiers.rawValue)),
        ]
        if let text = key.text, modifiers.isDisjoint(with: [.control, .meta, .alt]) { down["text"] = .string(text) }
        if !key.commands.isEmpty { down["commands"] = .array(key.commands.map { .string($0) }) }
        try await send("Input.dispatchKeyEvent", down)
        var up = down
        up["type"] = "keyUp"
        up["text"] = nil
        up["commands"] = nil
        try await send("Input.dispatchKeyEvent", up)
    }

    /// A PNG of what the tab shows.
    public func screenshot() async throws -> Data {
        let result = try await send("Page.captureScreenshot", ["format": "png"], timeout: 60)
        guard let base64 = result["data"]?.string, let data = Data(base64Encoded: base64) else {
            throw BrowserError.commandFailed(method: "Page.captureScreenshot", message: "no image data")
        }
        return data
    }

    /// Closes the tab.
    public func close() async {
        _ = try? await connection.send("Target.closeTarget", ["targetId": .string(target)], timeout: 5)
    }

    /// A key on the keyboard, as DevTools describes it.
    public struct Key: Sendable {
        public var key: String
        public var code: String
        public var keyCode: Int
        public var text: String?
        public var commands: [String] = []

        public static let tab = Key(key: "Tab", code: "Tab", keyCode: 9)
        public static let enter = Key(key: "Enter", code: "Enter", keyCode: 13, text: "\r")
        public static let escape = Key(key: "Escape", code: "Escape", keyCode: 27)
        public static let backspace = Key(key: "Backspace", code: "Backspace", keyCode: 8)
        public static let arrowDown = Key(key: "ArrowDown", code: "ArrowDown", keyCode: 40)
        public static let arrowRight = Key(key: "ArrowRight", code: "ArrowRight", keyCode: 39)
        public static let space = Key(key: " ", code: "Space", keyCode: 32, text: " ")
        /// Ctrl+A's "select all" (headless Chromium needs the editing command spelled out).
        public static let selectAll = Key(key: "a", code: "KeyA", keyCode: 65, commands: ["selectAll"])
    }

    /// Modifier keys held during a key press (DevTools bit values).
    public struct KeyModifiers: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let alt = KeyModifiers(rawValue: 1)
        public static let control = KeyModifiers(rawValue: 2)
        public static let meta = KeyModifiers(rawValue: 4)
        public static let shift = KeyModifiers(rawValue: 8)
    }
}
