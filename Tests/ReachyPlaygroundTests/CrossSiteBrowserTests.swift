import Foundation
import ReachyPlayground
import ReachyTestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Another web site, in a real browser, against `reachy serve --sim` with default settings (issue 13): Chromium
/// resolves `evil.test` to this machine, so a page of that site can aim requests at the robot's server the way any
/// page on the web can. It must not start a program, stop the daemon or switch the torque off through `/ws/sdk`;
/// a page of this machine (`http://localhost:PORT`) still calls the API and reads the answers (CORS).
@Suite(
    .serialized,
    .enabled(if: HeadlessChromium.isAvailable, "needs Chromium (apt-get install chromium)"),
    .enabled(if: RepositoryFiles.reachyExecutable() != nil, "needs the built reachy executable"))
struct CrossSiteBrowserTests {
    @Test func anotherSiteCannotDriveTheRobotThisMachinesPageCan() async throws {
        let reachy = try #require(RepositoryFiles.reachyExecutable())
        let server = try ServeProcess(executable: reachy)
        defer { server.stop() }
        let browser = try HeadlessChromium(extraArguments: ["--host-resolver-rules=MAP evil.test 127.0.0.1"])
        defer { browser.stop() }
        let connection = try await DevToolsConnection.connect(to: browser.devToolsURL)
        defer { Task { await connection.close() } }
        let page = try await BrowserPage.open(in: connection)
        let api = "http://127.0.0.1:\(server.port)"

        // The attacker's page: its origin is http://evil.test:PORT (the server itself refuses to serve it a page,
        // which is the DNS-rebinding half of the protection; the page still runs scripts).
        try await page.navigate(to: "http://evil.test:\(server.port)/")
        let origin = try await page.evaluate("location.origin")
        #expect(origin.string == "http://evil.test:\(server.port)")
        let body = try await page.evaluate("document.body.innerText")
        #expect(body.string?.contains("only to the names of this machine") == true, "\(body)")
        let attack = try await page.evaluate(
            """
            (async () => {
              const api = '\(api)';
              const out = {};
              try {
                await fetch(api + '/api/bop/run', { method: 'POST', mode: 'no-cors',
                  headers: { 'Content-Type': 'text/plain' }, body: 'repeat 20 times\\n  nod\\nend' });
                out.run = 'sent';
              } catch (e) { out.run = 'blocked'; }
              try {
                await fetch(api + '/api/move/goto', { method: 'POST', mode: 'no-cors',
                  headers: { 'Content-Type': 'text/plain' },
                  body: JSON.stringify({ head_pose: { x: 0, y: 0, z: 0.02, roll: 0, pitch: 0.3, yaw: 0 }, duration: 1 }) });
              } catch (e) {}
              try {
                await fetch(api + '/api/daemon/stop', { method: 'POST', mode: 'no-cors', body: new URLSearchParams('x=1') });
              } catch (e) {}
              try { const r = await fetch(api + '/api/daemon/status'); out.read = r.status; } catch (e) { out.read = 'blocked'; }
              out.socket = await new Promise(resolve => {
                const socket = new WebSocket('ws://127.0.0.1:\(server.port)/ws/sdk');
                socket.onopen = () => { socket.send(JSON.stringify({ type: 'set_torque', on: false })); resolve('open'); };
                socket.onerror = () => resolve('refused');
                setTimeout(() => resolve('timeout'), 5000);
              });
              return JSON.stringify(out);
            })()
            """)
        let outcome = try #require(attack.string.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) })
        let result = try #require(outcome as? [String: Any])
        #expect(result["socket"] as? String == "refused", "\(result)")
        #expect(result["read"] as? String == "blocked", "the page must not read the status: \(result)")

        // Nothing happened on the robot.
        try await Task.sleep(for: .milliseconds(500))
        #expect(try await Self.get(api + "/api/move/running") == "[]")
        let status = try await Self.get(api + "/api/daemon/status")
        #expect(status.contains(#""state":"running""#), "\(status)")
        let motors = try await Self.get(api + "/api/motors/status")
        #expect(motors.contains("enabled"), "\(motors)")

        // This machine's page (another origin than 127.0.0.1:PORT, but this machine's) calls the API and reads it.
        try await page.navigate(to: "http://localhost:\(server.port)/?fresh")
        let local = try await page.evaluate(
            """
            (async () => {
              const r = await fetch('\(api)/api/bop/check', { method: 'POST',
                headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ program: 'nod' }) });
              const socket = await new Promise(resolve => {
                const s = new WebSocket('ws://127.0.0.1:\(server.port)/ws/sdk');
                s.onmessage = () => { s.close(); resolve('streaming'); };
                s.onerror = () => resolve('refused');
                setTimeout(() => resolve('timeout'), 5000);
              });
              return JSON.stringify({ status: r.status, body: await r.json(), socket });
            })()
            """)
        let allowed = try #require(
            local.string.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) } as? [String: Any])
        #expect(allowed["status"] as? Int == 200, "\(allowed)")
        #expect((allowed["body"] as? [String: Any])?["ok"] as? Bool == true, "\(allowed)")
        #expect(allowed["socket"] as? String == "streaming", "\(allowed)")
    }

    static func get(_ url: String) async throws -> String {
        let (data, _) = try await URLSession.shared.data(from: try #require(URL(string: url)))
        return String(decoding: data, as: UTF8.self)
    }
}
