import Foundation
import ReachyPlayground
import ReachyTestSupport
import Testing

/// The playground in a real browser against `reachy serve --sim --token …` (issue 13): opened once as `/?token=…`, the
/// page loads, checks the program, streams the robot over `/ws/sdk` and runs a program — its scripts and calls carry
/// the token through the HttpOnly cookie the server set, and the token is gone from the address bar.
@Suite(
    .serialized,
    .enabled(if: HeadlessChromium.isAvailable, "needs Chromium (apt-get install chromium)"),
    .enabled(if: RepositoryFiles.reachyExecutable() != nil, "needs the built reachy executable"))
struct PlaygroundTokenBrowserTests {
    @Test func thePlaygroundWorksWithAToken() async throws {
        let reachy = try #require(RepositoryFiles.reachyExecutable())
        let token = "playground-secret-42"
        let server = try ServeProcess(executable: reachy, arguments: ["serve", "--sim", "--token", token])
        defer { server.stop() }
        let browser = try HeadlessChromium()
        defer { browser.stop() }
        let connection = try await DevToolsConnection.connect(to: browser.devToolsURL)
        defer { Task { await connection.close() } }
        let page = try await BrowserPage.open(in: connection)

        // Without the token the address says how to get in.
        try await page.navigate(to: server.baseURL)
        let refused = try await page.evaluate("document.body.innerText")
        #expect(refused.string?.contains("?token=<token> once") == true, "\(refused)")

        try await page.navigate(to: server.baseURL + "?token=\(token)&fresh&lang=en")
        try await page.waitUntil(
            "window.playground && playground.ready && playground.framesDrawn > 0 && playground.checks > 0 "
                + "&& playground.socket.connected",
            timeout: 60, what: "the editor, a robot frame from /ws/sdk and a check, all with the token")
        let address = try await page.evaluate("location.href")
        #expect(address.string == server.baseURL + "?fresh&lang=en", "the token must leave the address bar")
        let cookie = try await page.evaluate("document.cookie")
        #expect(cookie.string == "", "the cookie is HttpOnly: scripts do not see the token")
        let run = try await page.evaluate(
            """
            (async () => {
              const r = await fetch('/api/bop/run', { method: 'POST', headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ program: 'nod' }) });
              return r.status;
            })()
            """)
        #expect(run.number == 200, "\(run)")
        #expect(!server.log.contains(token), "the token must not be printed")
    }
}
