import Foundation
import ReachyTestSupport
import Testing

/// Issue 17 point 5: the TurboWarp extension itself, in a browser page served from a localhost origin (as a
/// TurboWarp editor on this machine serves it), drives `reachy serve --sim` with no flag: the page loads the
/// extension's own modules (its TypeScript sources turned into JavaScript by Node's `stripTypeScriptTypes`,
/// nothing of ours in between), lists its blocks and runs three of them — connected?, wake up, move head left — and
/// the robot's head turns left. The screenshot goes to `.build/test-artifacts/playground/turbowarp-extension.png`
/// (docs/scratch.md shows it). Needs the extension's source and Node ≥ 23 (`make extension-suite` provides both).
@Suite(
    .serialized,
    .enabled(if: HeadlessChromium.isAvailable, "needs Chromium (apt-get install chromium)"),
    .enabled(if: RepositoryFiles.reachyExecutable() != nil, "needs the built reachy executable"))
struct TurboWarpExtensionPageTests {
    static let source = ProcessInfo.processInfo.environment["REACHY_TURBOWARP_SOURCE"].map {
        URL(fileURLWithPath: $0).appendingPathComponent("src")
    }
    static let node = ProcessInfo.processInfo.environment["REACHY_NODE"]
    static var ready: Bool {
        guard let source, let node else { return false }
        return FileManager.default.fileExists(atPath: source.appendingPathComponent("extension.ts").path)
            && FileManager.default.isExecutableFile(atPath: node)
    }

    /// Node's own TypeScript transform over every `.ts` file of `source`, written as `.js` under `site`.
    static let transform = #"""
        import { stripTypeScriptTypes } from 'node:module';
        import { readdirSync, readFileSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
        import { join } from 'node:path';
        const [from, to] = process.argv.slice(2);
        (function walk(dir, out) {
          mkdirSync(out, { recursive: true });
          for (const name of readdirSync(dir)) {
            const path = join(dir, name);
            if (statSync(path).isDirectory()) { walk(path, join(out, name)); continue; }
            if (!name.endsWith('.ts')) continue;
            const js = stripTypeScriptTypes(readFileSync(path, 'utf8'), { mode: 'transform' });
            writeFileSync(join(out, name.replace(/\.ts$/, '.js')), js);
          }
        })(from, to);
        """#

    static func page(api: String) -> String {
        #"""
        <!doctype html><html lang="en"><meta charset="utf-8"><title>Reachy Mini extension on ReachyBridge</title>
        <style>body{font:15px sans-serif;margin:20px;color:#222}h1{font-size:20px}ol{columns:2;font-size:13px}
        .ok{color:#1a7f37;font-weight:bold}.bad{color:#b00;font-weight:bold}pre{background:#f4f4f4;padding:8px}</style>
        <h1>The TurboWarp extension "Reachy Mini", loaded from its own sources, on <code>reachy serve --sim</code></h1>
        <p id="steps">Loading…</p><h2>Its blocks</h2><ol id="blocks"></ol><pre id="result"></pre>
        <script type="module">
          import { ReachyMiniExtension } from './extension.js';
          import { apiClient } from './api/client.js';
          const steps = document.getElementById('steps');
          const say = (text, cls) => { const s = document.createElement('div'); s.textContent = text;
            if (cls) s.className = cls; steps.appendChild(s); };
          steps.textContent = '';
          try {
            apiClient.updateConfig({ baseUrl: '\#(api)/api' });
            const extension = new ReachyMiniExtension();
            const info = extension.getInfo();
            for (const block of info.blocks) {
              if (typeof block !== 'object' || !block.text) continue;
              const li = document.createElement('li'); li.textContent = block.text;
              document.getElementById('blocks').appendChild(li);
            }
            say('Page origin: ' + location.origin + ' → ' + '\#(api)');
            const connected = await extension.isDaemonConnected();
            say('is daemon connected? ' + connected, connected ? 'ok' : 'bad');
            await extension.wakeUp();
            say('wake up robot: done', 'ok');
            await extension.moveHeadDirection({ DIRECTION: 'LEFT', DURATION: 0.6 });
            const yaw = await extension.getHeadYaw();
            say('move head left: head yaw is now ' + Number(yaw).toFixed(1) + '°', yaw > 5 ? 'ok' : 'bad');
            window.extensionResult = { blocks: info.blocks.filter((b) => typeof b === 'object' && b.text).length,
              name: info.name, connected, yaw };
          } catch (e) {
            say('Failed: ' + e, 'bad');
            window.extensionResult = { error: String(e) };
          }
          document.getElementById('result').textContent = JSON.stringify(window.extensionResult);
        </script>
        """#
    }

    @Test(.enabled(if: ready, "set REACHY_TURBOWARP_SOURCE and REACHY_NODE (make extension-suite)"))
    func theExtensionLoadedInALocalhostPageDrivesTheSimulator() async throws {
        let reachy = try #require(RepositoryFiles.reachyExecutable())
        let site = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reachy-turbowarp-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        let script = site.appendingPathExtension("mjs")
        defer { try? FileManager.default.removeItem(at: script) }
        try Data(Self.transform.utf8).write(to: script)
        let transform = try WatchedProcess(
            URL(fileURLWithPath: try #require(Self.node)), [script.path, try #require(Self.source).path, site.path])
        #expect(transform.finish(timeout: 60) == 0, "\(transform.stderr)")

        let server = try ServeProcess(executable: reachy, arguments: ["serve", "--sim"])
        defer { server.stop() }
        let api = "http://localhost:\(server.port)"
        try Data(Self.page(api: api).utf8).write(to: site.appendingPathComponent("index.html"))
        let pages = try ServeProcess(
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: [
                "-c", "cd \"$0\" && exec python3 -m http.server --bind 127.0.0.1 \"$2\" >/dev/null 2>&1", site.path,
            ])
        defer { pages.stop() }
        let browser = try HeadlessChromium(width: 1100, height: 900)
        defer { browser.stop() }
        let connection = try await DevToolsConnection.connect(to: browser.devToolsURL)
        defer { Task { await connection.close() } }
        let page = try await BrowserPage.open(in: connection)
        try await page.navigate(to: "http://localhost:\(pages.port)/")
        let result = try await page.waitUntil(
            "window.extensionResult || null", timeout: 30, what: "the extension's blocks")
        #expect(result["error"] == nil, "\(result)")
        #expect(result["name"]?.string == "Reachy Mini")
        #expect((result["blocks"]?.number ?? 0) >= 15, "\(result)")
        #expect(result["connected"]?.bool == true)
        // "left" turns the head left: a positive yaw, as the extension's own reporter reads it back.
        #expect((result["yaw"]?.number ?? 0) > 5, "\(result)")
        let png = try await page.screenshot()
        try FileManager.default.createDirectory(at: RepositoryFiles.artifacts, withIntermediateDirectories: true)
        try png.write(to: RepositoryFiles.artifacts.appendingPathComponent("turbowarp-extension.png"))
    }
}
