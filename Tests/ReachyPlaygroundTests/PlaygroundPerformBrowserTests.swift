import Foundation
import ReachyTestSupport
import Testing

/// The playground performs a run (issue 15): in headless Chromium against `reachy serve --sim`, Run plays the
/// program's voice in the page with a speech bubble, highlights each line as the robot plays it (pushed over
/// `/ws/bop/{uuid}`), shows the safety layer's warning at its line, moves a playhead over the timeline, and Stop
/// ends all of it at once; before running, the timeline previews a pose; Share downloads the program and its replay. Screenshots go to `.build/test-artifacts/playground/`.
@Suite(
    .serialized,
    .enabled(if: HeadlessChromium.isAvailable, "needs Chromium (apt-get install chromium)"),
    .enabled(if: RepositoryFiles.reachyExecutable() != nil, "needs the built reachy executable"))
struct PlaygroundPerformBrowserTests {
    /// Speaks on line 1; line 4 checks clean but the robot's safety layer holds a motor at its limit there (a
    /// warning only the run finds).
    static let program = ["say \"hello there\"", "look up 30", "tilt left 30", "look left 60", "nod"]

    @Test func runSpeaksHighlightsWarnsAndMovesThePlayheadThenStopWins() async throws {
        let reachy = try #require(RepositoryFiles.reachyExecutable())
        let server = try ServeProcess(executable: reachy)
        defer { server.stop() }
        let browser = try HeadlessChromium()
        defer { browser.stop() }
        let connection = try await DevToolsConnection.connect(to: browser.devToolsURL)
        do {
            let page = try await BrowserPage.open(in: connection)
            try await scenario(page, server: server)
        } catch {
            await connection.close()
            Issue.record("server log:\n\(server.log.suffix(3000))")
            throw error
        }
        await connection.close()
    }

    private func scenario(_ page: BrowserPage, server: ServeProcess) async throws {
        try await page.navigate(to: server.baseURL + "?fresh&lang=en")
        try await page.waitUntil(
            "window.playground && playground.ready && playground.checks > 0", timeout: 60, what: "the editor")
        try await page.evaluate(
            "(() => { const p = document.getElementById('program'); p.focus(); p.select(); return true; })()")
        try await page.insertText(Self.program.joined(separator: "\n"))
        try await page.waitUntil(
            "playground.checkedText === document.getElementById('program').value", timeout: 30, what: "the check")
        // Before the run the checker sees nothing wrong: the warning of line 4 is one only the robot finds.
        #expect(
            try await page.evaluate("document.getElementById('problems-summary').textContent").string
                == "No problems found. Ready to dance!")

        try await scrubBeforeRunning(page)

        try await page.press(.enter, modifiers: .control)
        // Watch the page every 40 ms while it performs: the highlighted line, the bubble, the playhead.
        var highlighted: [Int] = []
        var bubbles: [String] = []
        var playheads: [Double] = []
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let seen = try await page.evaluate(
                """
                (() => { const g = document.querySelector('#gutter .line.running');
                  const bar = document.getElementById('running-line');
                  const b = document.getElementById('bubble');
                  return [g ? Number(g.dataset.line) : 0, bar.hidden ? 0 : Number(bar.dataset.line),
                    b.hidden ? '' : b.textContent,
                    playground.run && playground.run.timeline && playground.playhead ? playground.playhead.x : -1,
                    document.getElementById('run-state').textContent]; })()
                """)
            let line = seen[0]?.number.map(Int.init) ?? 0
            #expect(line == (seen[1]?.number.map(Int.init) ?? 0), "the gutter and the bar disagree")
            if line > 0, highlighted.last != line { highlighted.append(line) }
            if let words = seen[2]?.string, !words.isEmpty, bubbles.last != words { bubbles.append(words) }
            if let x = seen[3]?.number, x >= 0, playheads.last != x { playheads.append(x) }
            if seen[4]?.string == "Finished!" { break }
            try await Task.sleep(for: .milliseconds(40))
        }
        #expect(try await page.evaluate("document.getElementById('run-state').textContent").string == "Finished!")
        #expect(try await page.evaluate("playground.previewing").bool == false, "Run leaves the preview")
        // The highlight followed the program, line after line.
        #expect(highlighted.count >= 2, "highlighted: \(highlighted)")
        #expect(highlighted == highlighted.sorted() && Set(highlighted).count == highlighted.count, "\(highlighted)")
        #expect(Set(highlighted).isSubset(of: [1, 2, 3, 4, 5]), "\(highlighted)")
        // The words in the bubble.
        #expect(bubbles == ["hello there"], "bubbles: \(bubbles)")
        // The voice: the page fetched the run's WAV, found sound in it and started it.
        let audio = try await page.evaluate("playground.audio")
        #expect(audio["started"]?.bool == true, "\(audio)")
        #expect((audio["peak"]?.number ?? 0) > 0.1, "\(audio)")
        #expect((audio["seconds"]?.number ?? 0) > 3, "\(audio)")
        // The playhead moved across the timeline, forward only, to the end.
        #expect(playheads.count >= 5, "playhead: \(playheads)")
        #expect(playheads == playheads.sorted(), "playhead: \(playheads)")
        let svg = try await page.evaluate(
            """
            (() => { const s = document.querySelector('#timeline svg');
              return s ? [Number(s.dataset.originX), Number(s.dataset.pixelsPerSecond),
                s.querySelectorAll('rect.segment').length, s.querySelector('line.playhead') !== null] : null; })()
            """)
        let origin = try #require(svg[0]?.number)
        let scale = try #require(svg[1]?.number)
        #expect((svg[2]?.number ?? 0) >= 5)
        #expect(svg[3]?.bool == true)
        #expect(abs((playheads.last ?? 0) - (origin + 3.5 * scale)) < 1, "ends at 3.5 s: \(playheads)")
        // The safety layer's warning sits at line 4, in the list and in the gutter.
        let warning = try await page.waitUntil(
            """
            (() => { const li = document.querySelector('#problems li.runtime.warning[data-line="4"]');
              const g = document.querySelector('#gutter .line.has-warning[data-line="4"]');
              return li && g ? [li.querySelector('.where').textContent, li.querySelector('.message').textContent,
                document.getElementById('problems-summary').textContent] : null; })()
            """, timeout: 10, what: "the runtime warning at line 4")
        #expect(warning[0]?.string == "Line 4")
        #expect(warning[1]?.string?.contains("held at the robot's safe limit") == true, "\(warning)")
        #expect(warning[2]?.string?.contains("warning(s)") == true, "\(warning)")
        let latencies = try await page.evaluate("playground.run.latencies")
        let worst = latencies.array?.compactMap(\.number).max() ?? .infinity
        #expect(worst < 500, "a line reached the page \(worst) ms after the robot started it")
        print("event → highlight latency (ms): \(latencies)")
        try await save(page, "6-performed.png")

        // Run again and press Stop while it speaks: everything stops at once.
        try await page.evaluate("document.getElementById('program').focus()")
        try await page.press(.enter, modifiers: .control)
        try await page.waitUntil(
            "!document.getElementById('bubble').hidden && playground.audio && playground.audio.started",
            timeout: 30, what: "the second run to speak")
        try await save(page, "7-speaking.png")
        try await page.press(.escape)
        let stopped = try await page.waitUntil(
            """
            (() => document.getElementById('run-state').textContent === 'Stopped.' ? [
              document.getElementById('bubble').hidden, document.getElementById('running-line').hidden,
              document.querySelectorAll('#gutter .line.running').length, playground.audio.stopped === true,
              playground.playhead.x] : null)()
            """, timeout: 10, what: "the stop")
        #expect(stopped[0]?.bool == true, "bubble still shown")
        #expect(stopped[1]?.bool == true, "line still highlighted")
        #expect(stopped[2]?.number == 0)
        #expect(stopped[3]?.bool == true, "sound not stopped")
        try await Task.sleep(for: .milliseconds(400))
        #expect(try await page.evaluate("playground.playhead.x") == stopped[4], "the playhead moves after Stop")
        #expect(try await page.evaluate("document.getElementById('bubble').hidden").bool == true)

        // Share: one click downloads the program and its replay page.
        let folder = try TemporaryDirectory("playground-share")
        defer { folder.remove() }
        try await page.connection.send(
            "Browser.setDownloadBehavior", ["behavior": "allow", "downloadPath": .string(folder.url.path)])
        try await page.evaluate("document.getElementById('share').click()")
        try await page.waitUntil(
            "document.getElementById('run-state').textContent === 'Downloaded your program and its replay page.'",
            timeout: 60, what: "the share downloads")
        let program = folder.url.appendingPathComponent("my-program.bop")
        let replay = folder.url.appendingPathComponent("my-program-replay.html")
        let deadline2 = Date().addingTimeInterval(20)
        while Date() < deadline2,
            !FileManager.default.fileExists(atPath: replay.path)
                || !FileManager.default.fileExists(atPath: program.path)
        {
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(try String(contentsOf: program, encoding: .utf8) == Self.program.joined(separator: "\n"))
        let replayText = try String(contentsOf: replay, encoding: .utf8)
        #expect(replayText.contains("reachy-replay-data") && replayText.contains("data:audio/wav;base64,"))
    }

    /// The same performance in Chinese on a tablet held upright (820×1180): the bubble shows the Chinese words, the
    /// highlight follows, the page's words are Chinese. Its screenshot goes to docs/playground.md.
    @Test func aChineseProgramPerformsOnATablet() async throws {
        try await withPlayground(width: 820, height: 1180, language: "zh") { page in try await chineseRun(page) }
    }

    private func chineseRun(_ page: BrowserPage) async throws {
        try await page.insertText(["等级 1", "说 你好！我是 Reachy", "向左看", "点头"].joined(separator: "\n"))
        try await page.waitUntil(
            "playground.checkedText === document.getElementById('program').value", timeout: 30, what: "the check")
        try await page.press(.enter, modifiers: .control)
        let bubble = try await page.waitUntil(
            """
            (() => { const b = document.getElementById('bubble');
              const g = document.querySelector('#gutter .line.running');
              return !b.hidden && g ? [b.textContent, Number(g.dataset.line)] : null; })()
            """, timeout: 30, what: "the Chinese bubble")
        #expect(bubble[0]?.string == "你好！我是 Reachy")
        #expect(bubble[1]?.number == 2)
        #expect(
            try await page.evaluate("document.getElementById('timeline-title').textContent").string == "时间线")
        // Held upright, the robot comes right after the program: all of it on the first screen, with Run, the
        // captions in Chinese, and the problems under it.
        let layout = try await page.evaluate(
            """
            (() => { const r = document.getElementById('robot').getBoundingClientRect();
              const run = document.getElementById('run').getBoundingClientRect();
              const p = document.querySelector('.problems-panel').getBoundingClientRect();
              return [r.top + scrollY, r.bottom + scrollY, innerHeight, run.top + scrollY, p.top + scrollY,
                [...document.querySelectorAll('#robot .caption')].map(c => c.textContent).join('|')]; })()
            """)
        let robotBottom = layout[1]?.number ?? .infinity
        let screen = layout[2]?.number ?? 0
        #expect(robotBottom <= screen, "the robot ends at \(robotBottom) px on a \(screen) px screen")
        #expect((layout[4]?.number ?? 0) > robotBottom, "the problems come after the robot")
        #expect(layout[5]?.string == "正面|侧面（从它的右边看）")
        try await save(page, "8-chinese-tablet.png")
        let lines = try await page.waitUntil(
            "document.getElementById('run-state').textContent === '完成了！' ? playground.run.lines : null",
            timeout: 60, what: "the end of the run")
        #expect(lines.array?.compactMap(\.number) == [2, 3, 4])
    }

    /// Before Run: the checked program's timeline is shown; clicking it at 2 s shows that pose in the picture (the
    /// robot itself does not move), → moves half a second on, and Run goes back to the live robot.
    private func scrubBeforeRunning(_ page: BrowserPage) async throws {
        let geometry = try await page.waitUntil(
            """
            (() => { const s = document.querySelector('#timeline svg');
              if (!s || !playground.preview || playground.preview.text !== document.getElementById('program').value)
                return null;
              const r = s.getBoundingClientRect(); const scale = r.width / parseFloat(s.getAttribute('width'));
              return [r.left + (Number(s.dataset.originX) + 2 * Number(s.dataset.pixelsPerSecond)) * scale,
                r.top + r.height / 2, playground.preview.head_joints.length]; })()
            """, timeout: 30, what: "the preview timeline")
        let x = try #require(geometry[0]?.number)
        let y = try #require(geometry[1]?.number)
        #expect((geometry[2]?.number ?? 0) >= 30, "poses: \(geometry)")
        let picture = "document.getElementById('robot').innerHTML"
        let live = try await page.evaluate(picture)
        let liveJoints = try await page.evaluate("playground.frame.head_joints")
        for type in ["mousePressed", "mouseReleased"] {
            try await page.send(
                "Input.dispatchMouseEvent",
                ["type": .string(type), "x": .number(x), "y": .number(y), "button": "left", "clickCount": 1])
        }
        let scrubbed = try await page.waitUntil(
            "playground.previewing && playground.playhead ? playground.playhead.t : null", timeout: 10,
            what: "the preview at 2 s")
        #expect(abs((scrubbed.number ?? 0) - 2) < 0.05, "\(scrubbed)")
        #expect(
            try await page.evaluate(
                "JSON.stringify(playground.previewFrame.head_joints) === JSON.stringify(playground.preview.head_joints[20])"
            ).bool == true)
        try await page.waitUntil(
            "\(picture) !== \(JSONValue.string(live.string ?? "").description)", timeout: 5,
            what: "the picture to show the previewed pose")
        #expect(
            try await page.evaluate("document.getElementById('robot-state').textContent").string?.hasPrefix(
                "Preview at 2.0 s") == true)
        try await save(page, "5-preview.png")
        // The robot itself stayed where it was.
        let joints = try await page.evaluate("playground.frame.head_joints")
        let drift = zip(joints.array ?? [], liveJoints.array ?? []).map { abs(($0.number ?? 0) - ($1.number ?? 0)) }
        #expect((drift.max() ?? 1) < 0.01, "the robot moved during the preview: \(liveJoints) → \(joints)")
        // The keyboard scrubs too.
        try await page.evaluate("document.getElementById('timeline').focus()")
        try await page.press(.arrowRight)
        #expect(abs((try await page.evaluate("playground.playhead.t").number ?? 0) - 2.5) < 0.05)
        try await page.evaluate("document.getElementById('program').focus()")
    }

    /// The other two layouts of the documentation's screenshots: English on a tablet held upright and Chinese on a
    /// desktop; each page shows its words in its language and the problem list within the window.
    @Test(arguments: [("en", 820, 1180, "9-english-tablet.png"), ("zh", 1280, 900, "10-chinese-desktop.png")])
    func layouts(_ language: String, _ width: Int, _ height: Int, _ name: String) async throws {
        try await withPlayground(width: width, height: height, language: language) { page in
            try await layout(page, language: language, name: name)
        }
    }

    private func layout(_ page: BrowserPage, language: String, name: String) async throws {
        let program =
            language == "zh" ? ["等级 1", "说 你好！", "向左看 200", "点头"] : ["level 1", "say hello!", "look left 200", "nod"]
        try await page.insertText(program.joined(separator: "\n"))
        try await page.waitUntil(
            "playground.checkedText === document.getElementById('program').value", timeout: 30, what: "the check")
        let title = try await page.evaluate("document.getElementById('timeline-title').textContent").string
        #expect(title == (language == "zh" ? "时间线" : "Timeline"))
        try await save(page, name)
    }

    /// A served playground in a fresh headless Chromium page of the given size and language, its editor ready and
    /// selected; `body` runs with the page, then the browser and the server stop.
    private func withPlayground(
        width: Int, height: Int, language: String, _ body: (BrowserPage) async throws -> Void
    ) async throws {
        let reachy = try #require(RepositoryFiles.reachyExecutable())
        let server = try ServeProcess(executable: reachy)
        defer { server.stop() }
        let browser = try HeadlessChromium()
        defer { browser.stop() }
        let connection = try await DevToolsConnection.connect(to: browser.devToolsURL)
        do {
            let page = try await BrowserPage.open(in: connection, width: width, height: height)
            try await page.navigate(to: server.baseURL + "?fresh&lang=\(language)")
            try await page.waitUntil(
                "window.playground && playground.ready && playground.checks > 0", timeout: 60, what: "the editor")
            try await page.evaluate(
                "(() => { const p = document.getElementById('program'); p.focus(); p.select(); return true; })()")
            try await body(page)
        } catch {
            await connection.close()
            throw error
        }
        await connection.close()
    }

    private func save(_ page: BrowserPage, _ name: String) async throws {
        let png = try await page.screenshot()
        try FileManager.default.createDirectory(at: RepositoryFiles.artifacts, withIntermediateDirectories: true)
        try png.write(to: RepositoryFiles.artifacts.appendingPathComponent(name))
    }
}
