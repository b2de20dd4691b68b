import Foundation
import ReachyTestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Two web sites in a real browser (issue 17): the test serves a page under two origins (Chromium resolves
/// `allowed.test` and `other.test` to this machine) and starts `reachy serve --sim --allow-origin
/// http://allowed.test:PORT`. The allowed page drives the robot the way the TurboWarp extension does (`fetch` with
/// JSON — a CORS preflight — and reads the answers; a WebSocket); the other page cannot: not with a JSON fetch, not
/// with a "simple" `text/plain` POST that needs no preflight, not with a WebSocket.
@Suite(
    .serialized,
    .enabled(if: HeadlessChromium.isAvailable, "needs Chromium (apt-get install chromium)"),
    .enabled(if: RepositoryFiles.reachyExecutable() != nil, "needs the built reachy executable"))
struct AllowedOriginBrowserTests {
    @Test func anAllowedOriginDrivesTheRobotAnUnlistedOneCannot() async throws {
        let reachy = try #require(RepositoryFiles.reachyExecutable())
        // The pages: one directory, served by python's http.server (the port comes as "--http-port PORT").
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("reachy-origins-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: site) }
        try Data("<!doctype html><title>a page</title><p>a page".utf8).write(
            to: site.appendingPathComponent("index.html"))
        let pages = try ServeProcess(
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: [
                "-c", "cd \"$0\" && exec python3 -m http.server --bind 127.0.0.1 \"$2\" >/dev/null 2>&1", site.path,
            ])
        defer { pages.stop() }
        let allowedOrigin = "http://allowed.test:\(pages.port)"
        let server = try ServeProcess(
            executable: reachy, arguments: ["serve", "--sim", "--allow-origin", allowedOrigin])
        defer { server.stop() }
        let browser = try HeadlessChromium(
            extraArguments: ["--host-resolver-rules=MAP allowed.test 127.0.0.1, MAP other.test 127.0.0.1"])
        defer { browser.stop() }
        let connection = try await DevToolsConnection.connect(to: browser.devToolsURL)
        defer { Task { await connection.close() } }
        let page = try await BrowserPage.open(in: connection)
        let api = "http://127.0.0.1:\(server.port)"

        // The unlisted site first: nothing it sends may move the robot.
        try await page.navigate(to: "http://other.test:\(pages.port)/")
        #expect(try await page.evaluate("location.origin").string == "http://other.test:\(pages.port)")
        let attack = try await Self.object(
            page.evaluate(
                """
                (async () => {
                  const api = '\(api)';
                  const out = {};
                  const goto = JSON.stringify({ antennas: [0.9, -0.9], duration: 3 });
                  try {
                    const r = await fetch(api + '/api/move/goto', { method: 'POST',
                      headers: { 'Content-Type': 'application/json' }, body: goto });
                    out.json = r.status;
                  } catch (e) { out.json = 'blocked'; }
                  try {
                    await fetch(api + '/api/move/goto', { method: 'POST', mode: 'no-cors',
                      headers: { 'Content-Type': 'text/plain' }, body: goto });
                    out.simple = 'sent';
                  } catch (e) { out.simple = 'blocked'; }
                  out.socket = await new Promise(resolve => {
                    const socket = new WebSocket('ws://127.0.0.1:\(server.port)/ws/sdk');
                    socket.onopen = () => {
                      socket.send(JSON.stringify({ type: 'goto_target', antennas: [0.9, -0.9], duration: 3 }));
                      resolve('open');
                    };
                    socket.onerror = () => resolve('refused');
                    setTimeout(() => resolve('timeout'), 5000);
                  });
                  return JSON.stringify(out);
                })()
                """))
        #expect(attack["json"] as? String == "blocked", "\(attack)")
        #expect(attack["socket"] as? String == "refused", "\(attack)")
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await Self.get(api + "/api/move/running") == "[]", "a move from the unlisted page runs")
        // What the server says to such a request (the browser hides it from the page): 403 and what to do.
        let refused = try await Self.post(
            api + "/api/move/goto", body: #"{"antennas":[0.9,-0.9],"duration":3}"#, contentType: "text/plain",
            origin: "http://other.test:\(pages.port)")
        #expect(refused.status == 403, "\(refused)")
        #expect(refused.body.contains("--allow-origin http://other.test:\(pages.port)"), "\(refused.body)")

        // The allowed site: a preflighted JSON goto, its answer read, the move listed; the WebSocket streams.
        try await page.navigate(to: "http://allowed.test:\(pages.port)/")
        let friend = try await Self.object(
            page.evaluate(
                """
                (async () => {
                  const api = '\(api)';
                  const r = await fetch(api + '/api/move/goto', { method: 'POST',
                    headers: { 'Content-Type': 'application/json' },
                    body: JSON.stringify({ antennas: [0.5, -0.5], duration: 2 }) });
                  const body = await r.json();
                  const running = await (await fetch(api + '/api/move/running')).json();
                  const socket = await new Promise(resolve => {
                    const s = new WebSocket('ws://127.0.0.1:\(server.port)/ws/sdk');
                    s.onmessage = () => { s.close(); resolve('streaming'); };
                    s.onerror = () => resolve('refused');
                    setTimeout(() => resolve('timeout'), 5000);
                  });
                  return JSON.stringify({ status: r.status, uuid: body.uuid, running, socket });
                })()
                """))
        #expect(friend["status"] as? Int == 200, "\(friend)")
        let uuid = try #require(friend["uuid"] as? String, "\(friend)")
        let running = try #require(friend["running"] as? [[String: Any]], "\(friend)")
        #expect(running.compactMap { $0["uuid"] as? String } == [uuid])
        #expect(friend["socket"] as? String == "streaming", "\(friend)")
    }

    static func object(_ value: JSONValue) throws -> [String: Any] {
        try #require(
            value.string.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) } as? [String: Any],
            "\(value)")
    }

    static func get(_ url: String) async throws -> String {
        let (data, _) = try await URLSession.shared.data(from: try #require(URL(string: url)))
        return String(decoding: data, as: UTF8.self)
    }

    static func post(_ url: String, body: String, contentType: String, origin: String) async throws
        -> (status: Int, body: String)
    {
        var request = URLRequest(url: try #require(URL(string: url)))
        request.httpMethod = "POST"
        request.httpBody = Data(body.utf8)
        request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        request.setValue(origin, forHTTPHeaderField: "Origin")
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }
}
