import Foundation
import ReachyFleet
import ReachyTestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Five simulated robots in one class, each a `reachy serve --sim --fleet` process, and a teacher: presence and the
/// last will, a synchronised start, stop, bad commands, a robot restarted mid-class, a broker restart. The suite's
/// tests share the classroom and each leaves all five robots online and idle.
@Suite(.serialized, .classroom) struct ClassroomTests {
    var classroom: FleetClassroom { get throws { try #require(ClassroomTrait.current) } }

    /// A short silent program (about 3 s of motion).
    static let shortProgram = "level 1\nlook left\nlook right\nnod\n"
    /// A long silent program (more than 30 s).
    static let longProgram =
        "level 1\n" + String(repeating: "look left\nlook right\ntilt left\ntilt right\n", count: 12)

    @Test func everyRobotAnnouncesItselfWithItsGroup() async throws {
        let classroom = try classroom
        let teacher = try await classroom.teacher()
        defer { teacher.disconnect() }
        let names = Set(classroom.names)
        let all = await teacher.wait(timeout: .seconds(10)) { names.isSubset(of: Set($0.online.map(\.name))) }
        #expect(all, "online: \(teacher.snapshot.online.map(\.name))")
        for robot in teacher.snapshot.online {
            #expect(robot.group == FleetClassroom.group(of: robot.name))
            #expect(robot.simulated && robot.model == "Reachy Mini" && !robot.version.isEmpty)
            #expect(robot.motors == "enabled" && robot.supply == "simulated" && robot.program == nil)
        }
    }

    @Test func runAllStartsEveryRobotOnTheSameInstant() async throws {
        let classroom = try classroom
        let teacher = try await classroom.teacher()
        defer { teacher.disconnect() }
        try await Self.waitAllOnline(teacher, classroom)
        let instant = WallClock.now() + 3
        let id = try await teacher.send(.run, program: Self.shortProgram, at: instant, to: .all)
        let names = Set(classroom.names)
        let started = await teacher.wait(timeout: .seconds(15)) { snapshot in
            names.isSubset(of: Set(snapshot.events(of: id).filter { $0.kind == .started }.map(\.robot)))
        }
        let events = teacher.snapshot.events(of: id)
        #expect(started, "events: \(events)")
        let starts = events.filter { $0.kind == .started }.compactMap(\.startedAt)
        try #require(starts.count == names.count)
        let spread = (starts.max() ?? 0) - (starts.min() ?? 0)
        let latest = (starts.max() ?? 0) - instant
        // The target is 10 ms (reachy bench fleet measures it); a shared 2-core CI box gets a looser bound.
        #expect(spread < 0.05, "start spread \(spread * 1000) ms")
        #expect(starts.allSatisfy { $0 >= instant - 0.001 }, "a robot started before the instant")
        #expect(latest < 0.05, "the last robot started \(latest * 1000) ms after the instant")
        print("fleet start spread over \(starts.count) robots: \(String(format: "%.2f", spread * 1000)) ms")
        let finished = await teacher.wait(timeout: .seconds(20)) { snapshot in
            names.isSubset(of: Set(snapshot.events(of: id).filter { $0.kind == .finished }.map(\.robot)))
        }
        #expect(finished, "events: \(teacher.snapshot.events(of: id))")
    }

    @Test func stopAllStopsEveryRobotQuickly() async throws {
        let classroom = try classroom
        let teacher = try await classroom.teacher()
        defer { teacher.disconnect() }
        try await Self.waitAllOnline(teacher, classroom)
        let names = Set(classroom.names)
        let run = try await teacher.send(.run, program: Self.longProgram, at: WallClock.now() + 2, to: .all)
        let started = await teacher.wait(timeout: .seconds(15)) { snapshot in
            names.isSubset(of: Set(snapshot.events(of: run).filter { $0.kind == .started }.map(\.robot)))
        }
        #expect(started, "events: \(teacher.snapshot.events(of: run))")
        // One program at a time, like POST /api/bop/run: a second one is refused while the first plays.
        let second = try await teacher.send(.run, program: Self.shortProgram, to: .robot("r1"))
        let refused = await teacher.wait(timeout: .seconds(5)) {
            $0.events(of: second).contains { $0.kind == .rejected }
        }
        #expect(refused && teacher.snapshot.events(of: second).first?.message?.contains("stop first") == true)
        let sent = WallClock.now()
        let stop = try await teacher.send(.stop, to: .all)
        let stopped = await teacher.wait(timeout: .seconds(5)) { snapshot in
            names.isSubset(of: Set(snapshot.events(of: stop).filter { $0.kind == .done }.map(\.robot)))
        }
        #expect(stopped, "events: \(teacher.snapshot.events(of: stop))")
        let latencies = teacher.snapshot.events(of: stop).filter { $0.kind == .done }.map { $0.time - sent }
        let slowest = latencies.max() ?? .infinity
        // The issue's bound: 100 ms (a few milliseconds measured on a loaded 2-core box).
        #expect(slowest < 0.1, "slowest stop: \(slowest * 1000) ms")
        print("fleet stop latency, slowest of \(latencies.count): \(String(format: "%.1f", slowest * 1000)) ms")
        let ended = await teacher.wait(timeout: .seconds(5)) { snapshot in
            names.isSubset(of: Set(snapshot.events(of: run).filter { $0.kind == .stopped }.map(\.robot)))
        }
        #expect(ended, "the run's own events: \(teacher.snapshot.events(of: run))")
    }

    @Test func badCommandsAreRefusedWithAReasonAndNothingMoves() async throws {
        let classroom = try classroom
        let teacher = try await classroom.teacher(watchStates: true)
        defer { teacher.disconnect() }
        try await Self.waitAllOnline(teacher, classroom)
        let robot = "r1"
        #expect(await teacher.wait(timeout: .seconds(5)) { $0.states[robot]?.joints != nil })
        let before = try #require(teacher.snapshot.states[robot]?.joints)
        let stranger = try await classroom.teacher(token: "not-the-class-token")
        defer { stranger.disconnect() }
        var ids: [String: String] = [:]
        ids["wrong token"] = try await stranger.send(.run, program: Self.shortProgram, to: .robot(robot))
        ids["no token"] = try await Self.sendRaw(
            teacher, #"{"v":1,"id":"no-token","action":"run","program":"level 1\nnod\n"}"#, to: robot)
        ids["bad program"] = try await teacher.send(.run, program: "level 1\nfly to the moon\n", to: .robot(robot))
        // Refused before it is read, so without its id.
        try await teacher.send(
            .run, program: "level 1\n" + String(repeating: "nod\n", count: 80_000), to: .robot(robot))
        ids["unknown action"] = try await Self.sendRaw(
            teacher, #"{"v":1,"id":"dance-id","token":"x","action":"dance"}"#, to: robot)
        ids["start long past"] = try await teacher.send(
            .run, program: Self.shortProgram, at: WallClock.now() - 60, to: .robot(robot))
        try await teacher.send(raw: Array("{ not json".utf8), to: .robot(robot))
        var moved = false
        let deadline = ContinuousClock.now + .seconds(3)
        while ContinuousClock.now < deadline {
            if teacher.snapshot.states[robot]?.moving == true { moved = true }
            let rejected = teacher.snapshot.events.filter { $0.robot == robot && $0.kind == .rejected }
            if Set(ids.values).isSubset(of: Set(rejected.compactMap(\.id))),
                rejected.count(where: { $0.id == nil }) >= 2
            {
                break
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        let events = teacher.snapshot.events.filter { $0.robot == robot }
        for (what, id) in ids.sorted(by: { $0.key < $1.key }) {
            let answer = events.first { $0.id == id }
            #expect(answer?.kind == .rejected, "\(what): \(String(describing: answer))")
            #expect(answer?.message?.isEmpty == false, "\(what) says why")
        }
        #expect(events.contains { $0.kind == .rejected && $0.id == nil && $0.message?.contains("JSON") == true })
        #expect(events.first { $0.id == ids["bad program"] }?.message?.contains("line 2") == true)
        #expect(events.contains { $0.kind == .rejected && $0.id == nil && $0.message?.contains("bytes") == true })
        #expect(events.allSatisfy { $0.kind == .rejected }, "\(events)")
        #expect(!moved, "the robot moved")
        let after = try #require(teacher.snapshot.states[robot]?.joints)
        #expect(zip(before, after).allSatisfy { abs($0 - $1) < 0.01 }, "before \(before), after \(after)")
    }

    @Test func aKilledRobotGoesOfflineAndReappearsWhenRestarted() async throws {
        let classroom = try classroom
        let teacher = try await classroom.teacher()
        defer { teacher.disconnect() }
        try await Self.waitAllOnline(teacher, classroom)
        classroom.signal("r5", SIGKILL)
        let gone = await teacher.wait(timeout: .seconds(10)) { $0.roster["r5"]?.online == false }
        #expect(gone, "the last will did not say r5 is offline")
        classroom.signal("r4", SIGTERM)
        let left = await teacher.wait(timeout: .seconds(10)) { $0.roster["r4"]?.online == false }
        #expect(left, "r4 did not say it left")
        #expect(classroom.process("r4")?.finish(timeout: 10) == 143)
        try classroom.restart("r5")
        try classroom.restart("r4")
        try await Self.waitAllOnline(teacher, classroom)
        let id = try await teacher.send(.run, program: "level 1\nnod\n", at: WallClock.now() + 2, to: .robot("r5"))
        #expect(await teacher.wait(timeout: .seconds(15)) { $0.events(of: id).contains { $0.kind == .finished } })
    }

    @Test func robotsReconnectAfterTheBrokerRestarts() async throws {
        let classroom = try classroom
        let teacher = try await classroom.teacher()
        defer { teacher.disconnect() }
        try await Self.waitAllOnline(teacher, classroom)
        let restarted = WallClock.now()
        try classroom.broker.restart()
        // A broker without persistence forgot every status: robots publish theirs again when they reconnect.
        let back = await teacher.wait(timeout: .seconds(20)) { snapshot in
            let fresh = snapshot.roster.values.filter { $0.online && $0.time > restarted }.map(\.name)
            return Set(classroom.names).isSubset(of: Set(fresh))
        }
        #expect(back)
        let names = Set(classroom.names)
        var answered = false
        for _ in 0..<10 where !answered {
            // The teacher reconnects too; a command sent before its subscriptions are back is retried.
            let id = try? await teacher.send(.stop, to: .all)
            answered = await teacher.wait(timeout: .seconds(2)) { snapshot in
                names.isSubset(of: Set(snapshot.events(of: id ?? "").filter { $0.kind == .done }.map(\.robot)))
            }
        }
        #expect(answered, "not every robot answered after the broker restart")
    }

    @Test func theClassroomPageListsTheRobotsAndSendsThemTheProgram() async throws {
        let classroom = try classroom
        let teacher = try await classroom.teacher()
        defer { teacher.disconnect() }
        try await Self.waitAllOnline(teacher, classroom)
        let page = try Self.teachingServer(classroom)
        defer { page.stop() }
        let (html, htmlStatus) = try await Self.http(page.baseURL + "playground/classroom.html")
        #expect(htmlStatus == 200 && String(decoding: html, as: UTF8.self).contains("classroom.js"))
        var online: [String] = []
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline, Set(online) != Set(classroom.names) {
            let (data, _) = try await Self.http(page.baseURL + "api/class/robots")
            let roster = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            let robots = roster?["robots"] as? [[String: Any]] ?? []
            online = robots.compactMap { robot in
                let status = robot["status"] as? [String: Any]
                let drawn = (robot["state"] as? [String: Any])?["joints"] != nil
                return status?["online"] as? Bool == true && drawn ? status?["name"] as? String : nil
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(Set(online) == Set(classroom.names), "the page's roster: \(online)")
        let body = #"{"program":"level 1\nnod\n","robots":["r2","r3"],"lead":1}"#
        let (answer, status) = try await Self.http(page.baseURL + "api/class/run", post: body)
        #expect(status == 200, "\(String(decoding: answer, as: UTF8.self))")
        let ids = (try JSONSerialization.jsonObject(with: answer) as? [String: Any])?["ids"] as? [String] ?? []
        #expect(ids.count == 2)
        let finished = await teacher.wait(timeout: .seconds(15)) { snapshot in
            Set(ids.flatMap { snapshot.events(of: $0) }.filter { $0.kind == .finished }.map(\.robot)) == ["r2", "r3"]
        }
        #expect(finished, "\(teacher.snapshot.events.filter { ids.contains($0.id ?? "") })")
        let (_, refused) = try await Self.http(page.baseURL + "api/class/run", post: #"{"program":"level 1\nfly\n"}"#)
        #expect(refused == 422)
    }

    @Test(.enabled(if: HeadlessChromium.isAvailable, "needs Chromium (apt-get install chromium)"))
    func theClassroomPageDrawsEveryRobotLiveAndRunsAndStopsThem() async throws {
        let classroom = try classroom
        let teacher = try await classroom.teacher()
        defer { teacher.disconnect() }
        try await Self.waitAllOnline(teacher, classroom)
        let server = try Self.teachingServer(classroom)
        defer { server.stop() }
        let browser = try HeadlessChromium()
        defer { browser.stop() }
        let connection = try await DevToolsConnection.connect(to: browser.devToolsURL)
        do {
            try await Self.driveThePage(try await BrowserPage.open(in: connection), server, teacher, classroom)
        } catch {
            await connection.close()
            throw error
        }
        await connection.close()
    }

    /// The teacher's `reachy serve --sim --teach …` for the class: it serves the classroom page.
    static func teachingServer(_ classroom: FleetClassroom) throws -> ServeProcess {
        try ServeProcess(
            executable: try ReachyExecutable.url(),
            arguments: [
                "serve", "--sim", "--teach", classroom.broker.url, "--class", classroom.classroom, "--class-token",
                classroom.token,
            ])
    }

    /// The classroom page: five robots drawn, Select all, Run on selected, Esc stops them.
    static func driveThePage(
        _ page: BrowserPage, _ server: ServeProcess, _ teacher: FleetTeacher, _ classroom: FleetClassroom
    ) async throws {
        try await page.navigate(to: server.baseURL + "playground/classroom.html")
        try await page.waitUntil(
            "document.querySelectorAll('.robot-card:not(.offline) svg .reachy-robot').length === 5", timeout: 30,
            what: "five robots drawn online")
        let names = try await page.evaluate(
            "[...document.querySelectorAll('.robot-card')].map(c => c.dataset.robot).join(',')")
        #expect(names.string == classroom.names.joined(separator: ","))
        let before = Date().timeIntervalSince1970
        _ = try await page.evaluate(
            "document.getElementById('select-all').click(); document.getElementById('run-selected').click(); true")
        try await page.waitUntil(
            "document.getElementById('class-message').textContent.startsWith('Sent to')", timeout: 10,
            what: "the program sent")
        try await page.waitUntil(
            "document.querySelectorAll('.robot-card.playing').length === 5", timeout: 15, what: "five robots playing")
        let started = await teacher.wait(timeout: .seconds(10)) { snapshot in
            Set(snapshot.events.filter { $0.kind == .started && $0.time > before }.map(\.robot))
                == Set(classroom.names)
        }
        #expect(started)
        try await page.press(.escape)
        try await page.waitUntil(
            "document.querySelectorAll('.robot-card.playing').length === 0", timeout: 10, what: "every robot stopped")
        // A group: choosing it selects its robots, and only them.
        let odd = try await page.evaluate(
            """
            (() => { const s = document.getElementById('select-group');
              const groups = [...s.options].slice(1).map(o => o.value).join(',');
              s.value = 'odd'; s.dispatchEvent(new Event('change'));
              return groups + '|' + [...document.querySelectorAll('.robot-card input:checked')].map(c => c.value).join(','); })()
            """)
        let expected = classroom.names.filter { FleetClassroom.group(of: $0) == "odd" }.joined(separator: ",")
        #expect(odd.string == "even,odd|" + expected)
        // The page in Chinese.
        let chinese = try await page.evaluate(
            """
            (() => { document.getElementById('class-language').click();
              return [document.querySelector('#run-selected [data-i18n=run]').textContent,
                document.getElementById('class-name').textContent,
                document.querySelector('.robot-card .detail').textContent].join('|'); })()
            """)
        #expect(chinese.string?.hasPrefix("在选中的机器人上运行|— 班级 ") == true, "\(chinese)")
        #expect(chinese.string?.contains("组") == true, "\(chinese)")
    }

    /// GET (or POST `post` as JSON) `url`: the body and the status.
    static func http(_ url: String, post: String? = nil) async throws -> (Data, Int) {
        var request = URLRequest(url: try #require(URL(string: url)))
        if let post {
            request.httpMethod = "POST"
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(post.utf8)
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return (data, (response as? HTTPURLResponse)?.statusCode ?? 0)
    }

    /// Waits until every robot of the class is online (at most 20 s).
    static func waitAllOnline(_ teacher: FleetTeacher, _ classroom: FleetClassroom) async throws {
        let names = Set(classroom.names)
        let all = await teacher.wait(timeout: .seconds(20)) { names.isSubset(of: Set($0.online.map(\.name))) }
        try #require(all, "online: \(teacher.snapshot.online.map(\.name))")
    }

    /// Sends a hand-written command to one robot; returns the id it carries.
    static func sendRaw(_ teacher: FleetTeacher, _ json: String, to robot: String) async throws -> String {
        try await teacher.send(raw: Array(json.utf8), to: .robot(robot))
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return object?["id"] as? String ?? ""
    }
}
