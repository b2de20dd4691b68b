import Foundation
import ReachyPlayground
import ReachyTestSupport
import Testing

/// The playground in a real browser: `reachy serve --sim` and headless Chromium driven over DevTools, using the
/// keyboard only. Screenshots go to `.build/test-artifacts/playground/`.
@Suite(
    .serialized,
    .enabled(if: HeadlessChromium.isAvailable, "needs Chromium (apt-get install chromium)"),
    .enabled(if: RepositoryFiles.reachyExecutable() != nil, "needs the built reachy executable"))
struct PlaygroundBrowserTests {
    /// A program that moves every part the picture shows.
    static let program = ["look left 30", "wiggle antennas", "turn right 40"]
    /// Line 2 has a misspelt command.
    static let broken = ["look left", "lok right", "nod"]

    @Test func typeRunWatchTheRobotAndSeeAnError() async throws {
        let reachy = try #require(RepositoryFiles.reachyExecutable())
        let server = try ServeProcess(executable: reachy)
        defer { server.stop() }
        let browser = try HeadlessChromium()
        defer { browser.stop() }
        let connection = try await DevToolsConnection.connect(to: browser.devToolsURL)
        do {
            let page = try await BrowserPage.open(in: connection)
            try await scenario(page, server: server, reachy: reachy)
        } catch {
            try? await saveScreenshotAfterFailure(connection)
            await connection.close()
            Issue.record("server log:\n\(server.log.suffix(3000))")
            throw error
        }
        await connection.close()
    }

    private func scenario(_ page: BrowserPage, server: ServeProcess, reachy: URL) async throws {
        try await page.navigate(to: server.baseURL + "?fresh&lang=en")
        try await page.waitUntil(
            "window.playground && playground.ready && playground.framesDrawn > 0 && playground.checks > 0",
            timeout: 60, what: "the editor, the first robot frame and the first check")
        try await save(page, "1-loaded.png")

        // Keyboard only: Tab through the controls to the editor; each shows a focus ring.
        var visited: [String] = []
        for _ in 0..<12 {
            try await page.press(.tab)
            let focused = try await page.evaluate(
                """
                (() => { const e = document.activeElement; const s = getComputedStyle(e);
                  const ring = parseFloat(s.outlineWidth) >= 3 && s.outlineStyle !== 'none';
                  const within = getComputedStyle(document.getElementById('editor')).boxShadow !== 'none';
                  return (e.id || e.tagName) + ':' + (e.id === 'program' ? within : ring); })()
                """)
            visited.append(focused.string ?? "?")
            if focused.string?.hasPrefix("program:") == true { break }
        }
        #expect(visited.contains("examples:true"))
        #expect(visited.contains("open-example:true"))
        #expect(visited.contains("run:true"))
        #expect(visited.contains("stop:true"))
        #expect(visited.contains("language:true"))
        #expect(visited.last == "program:true", "Tab order: \(visited)")

        // Replace the example with a typed program.
        try await clearEditor(page)
        try await type(Self.program, into: page)
        let typed = try await page.evaluate("document.getElementById('program').value")
        #expect(typed.string == Self.program.joined(separator: "\n"))
        try await page.waitUntil(
            "playground.checkedText === document.getElementById('program').value", timeout: 30,
            what: "the check of the typed program")
        let clean = try await page.evaluate(
            """
            [playground.diagnostics.length, document.getElementById('problems-summary').textContent,
             [...document.querySelectorAll('#highlight .tok-keyword')].map(e => e.textContent).join(' '),
             [...document.querySelectorAll('#highlight .tok-direction')].map(e => e.textContent).join(' '),
             [...document.querySelectorAll('#highlight .tok-number')].map(e => e.textContent).join(' '),
             document.querySelectorAll('#gutter .line').length]
            """)
        #expect(clean[0]?.number == 0)
        #expect(clean[1]?.string == "No problems found. Ready to dance!")
        #expect(clean[2]?.string == "look wiggle antennas turn")
        #expect(clean[3]?.string == "left right")
        #expect(clean[4]?.string == "30 40")
        #expect(clean[5]?.number == 3)

        // The picture is still before the run…
        let svg = "document.getElementById('robot').innerHTML"
        let before = try await page.evaluate(svg).string ?? ""
        #expect(before.contains("<"), "the robot picture is empty")
        try await Task.sleep(for: .milliseconds(600))
        #expect(try await page.evaluate(svg).string == before, "the picture changes while nothing runs")

        // …Ctrl+Enter runs the program and the robot in the picture moves.
        try await page.press(.enter, modifiers: .control)
        try await page.waitUntil("playground.running", timeout: 30, what: "the run to start")
        let moved = try await page.waitUntil(
            """
            (() => { const j = playground.frame.head_joints || [0];
              return document.getElementById('robot').innerHTML !== \(JSONValue.string(before).description)
                && Math.abs(j[0]) > 0.2 ? j[0] : null; })()
            """, timeout: 60, what: "the robot picture to show the body turned")
        #expect(abs(moved.number ?? 0) > 0.2)
        #expect(try await page.evaluate("document.getElementById('program').value").string == typed.string)
        try await save(page, "2-running.png")

        // Escape stops it.
        try await page.press(.escape)
        try await page.waitUntil(
            "document.getElementById('run-state').textContent === 'Stopped.'", timeout: 30, what: "the stop")

        // A broken program: the error appears on its line, with the robot's message, while typing.
        try await clearEditor(page)
        try await type(Self.broken, into: page)
        let marker = try await page.waitUntil(
            """
            (() => { const li = document.querySelector('#problems li.error');
              const gutter = document.querySelector('#gutter .line.has-error');
              const underline = document.querySelector('#highlight .diag-error');
              if (!li || !gutter || !underline) return null;
              return [li.dataset.line, gutter.dataset.line, underline.dataset.line, underline.textContent,
                li.querySelector('.title').textContent, li.querySelector('.message').textContent,
                [...li.querySelectorAll('.message code')].map(c => c.textContent).join(' '),
                li.querySelector('.where').textContent,
                document.querySelectorAll('#gutter .line.has-error').length]; })()
            """, timeout: 30, what: "the error marker of the misspelt word")
        let expected = try cliDiagnostics(Self.broken.joined(separator: "\n"), reachy: reachy)
        let first = try #require(expected.first)
        #expect(first["line"] as? Int == 2)
        #expect(marker[0]?.string == "2")
        #expect(marker[1]?.string == "2")
        #expect(marker[2]?.string == "2")
        #expect(marker[3]?.string == "lok")
        #expect(marker[4]?.string == first["title"] as? String)
        // The message as the CLI gives it, its `code` shown as code (no literal backticks on the page).
        let message = try #require(first["message"] as? String)
        #expect(marker[5]?.string == message.replacingOccurrences(of: "`", with: ""))
        #expect(marker[6]?.string == "lok")
        #expect(marker[7]?.string == "Line 2")
        #expect(marker[8]?.number == 1)
        // The timeline still shows the last program that worked, dimmed, and says so.
        let stale = try await page.waitUntil(
            """
            (() => { const note = document.getElementById('timeline-stale');
              const box = document.getElementById('timeline');
              return !note.hidden && box.classList.contains('stale') && box.querySelector('svg')
                ? [note.textContent.trim(), getComputedStyle(box.querySelector('svg')).opacity] : null; })()
            """, timeout: 10, what: "the stale timeline note")
        #expect(stale[0]?.string?.hasPrefix("This is the last version of your program that worked") == true)
        #expect((stale[1]?.string).flatMap(Double.init) ?? 1 < 0.5)
        try await save(page, "3-error.png")

        // Its fix-it, from the keyboard: Tab from the editor reaches the problem's buttons.
        var fixFocused = false
        for _ in 0..<4 where !fixFocused {
            try await page.press(.tab)
            fixFocused = try await page.evaluate("document.activeElement.classList.contains('fix')").bool == true
        }
        #expect(fixFocused, "the Fix it button is not reachable with Tab")
        try await page.press(.enter)
        try await page.waitUntil(
            "playground.checkedText === document.getElementById('program').value && !playground.diagnostics.length",
            timeout: 30, what: "the fixed program to check clean")
        #expect(
            try await page.evaluate("document.getElementById('program').value").string == "look left\nlook right\nnod")

        // Chinese: completion offers the program's words; ↓ Enter picks one.
        try await page.evaluate("document.getElementById('program').focus()")
        try await clearEditor(page)
        try await page.insertText("重")
        let offered = try await page.waitUntil(
            """
            (() => { const list = document.getElementById('completions');
              return list.hidden ? null : [...list.querySelectorAll('li')].map(li => li.firstChild.textContent); })()
            """, timeout: 10, what: "the completion list")
        #expect(offered.array?.contains(.string("重复")) == true)
        try await page.press(.arrowDown)
        try await page.press(.enter)
        let completed = try await page.evaluate("document.getElementById('program').value").string ?? ""
        #expect(completed.hasPrefix("重") && offered.array?.contains(.string(completed)) == true)
        // `向` offers whole commands (向上看, 向左看…) before the direction words they are made of (向上).
        try await clearEditor(page)
        try await page.insertText("向")
        let commands = try await page.waitUntil(
            """
            (() => { const list = document.getElementById('completions');
              return list.hidden ? null : [...list.querySelectorAll('li')].map(li => li.firstChild.textContent); })()
            """, timeout: 10, what: "the completion list for 向")
        let words = commands.array?.compactMap(\.string) ?? []
        #expect(words.first?.hasSuffix("看") == true || words.first?.hasSuffix("歪头") == true, "\(words)")
        if let firstFragment = words.firstIndex(of: "向上"), let firstCommand = words.firstIndex(of: "向上看") {
            #expect(firstCommand < firstFragment, "\(words)")
        }
        try await page.press(.escape)

        // The language button switches the page's words.
        try await page.evaluate("document.getElementById('language').click()")
        #expect(
            try await page.evaluate("document.querySelector('h1 [data-i18n=title]').textContent").string == "Bop 编程乐园")
        // …and the robot picture's captions with them (from Bop's language files, via the drawing script).
        let captions = "[...document.querySelectorAll('#robot .caption')].map(c => c.textContent).join('|')"
        #expect(try await page.evaluate(captions).string == "正面|侧面（从它的右边看）")
        // …and the run status ("Stopped." before the switch).
        #expect(try await page.evaluate("document.getElementById('run-state').textContent").string == "停下了。")
        try await save(page, "4-chinese.png")
    }

    private func clearEditor(_ page: BrowserPage) async throws {
        try await page.press(.selectAll, modifiers: .control)
        try await page.press(.backspace)
        #expect(try await page.evaluate("document.getElementById('program').value").string == "")
    }

    private func type(_ lines: [String], into page: BrowserPage) async throws {
        for (index, line) in lines.enumerated() {
            try await page.insertText(line)
            if index < lines.count - 1 { try await page.press(.enter) }
        }
    }

    /// What `reachy check --json -` says about a program (the page must show the same).
    private func cliDiagnostics(_ program: String, reachy: URL) throws -> [[String: Any]] {
        let process = Process()
        process.executableURL = reachy
        process.arguments = ["check", "--json", "-"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(program.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }

    private func save(_ page: BrowserPage, _ name: String) async throws {
        let png = try await page.screenshot()
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(name) is not a PNG")
        try FileManager.default.createDirectory(at: RepositoryFiles.artifacts, withIntermediateDirectories: true)
        try png.write(to: RepositoryFiles.artifacts.appendingPathComponent(name))
    }

    private func saveScreenshotAfterFailure(_ connection: DevToolsConnection) async throws {
        let targets = try await connection.send("Target.getTargets")
        for target in targets["targetInfos"]?.array ?? [] where target["type"]?.string == "page" {
            guard let id = target["targetId"]?.string, target["url"]?.string?.hasPrefix("http") == true else {
                continue
            }
            let attached = try await connection.send(
                "Target.attachToTarget", ["targetId": .string(id), "flatten": true])
            guard let session = attached["sessionId"]?.string else { continue }
            try await save(BrowserPage(connection: connection, session: session, target: id), "failure.png")
        }
    }
}
