import Foundation
import Testing

@testable import ReachyNews

@Suite("Daily routine")
struct DailyRoutineTests {
    static let shanghai = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
    static let schedule = DailySchedule(hour: 8, minute: 0, timeZone: shanghai)

    /// An instant given as Beijing wall time.
    static func beijing(_ day: Int, _ hour: Int, _ minute: Int = 0, month: Int = 12) -> Date {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = shanghai
        return c.date(from: DateComponents(year: 2025, month: month, day: day, hour: hour, minute: minute))
            ?? Date(timeIntervalSince1970: 0)
    }

    static func digest(_ name: String, day: Int, hour: Int, urls: [String]) -> DigestFileInfo {
        DigestFileInfo(name: name, date: beijing(day, hour), itemURLs: urls)
    }

    /// One run of the routine at the clock's time: decide, then record.
    static func run(
        _ clock: TestNewsClock, _ state: inout RecitalState, _ available: [DigestFileInfo],
        mode: DailyRoutine.Mode = .scheduled
    ) -> RoutineDecision {
        let d = DailyRoutine.decide(
            now: clock.now(), schedule: schedule, state: state, available: available, mode: mode)
        state = DailyRoutine.record(d, available: available, in: state, at: clock.now())
        return d
    }

    @Test("Slots are computed in the schedule's zone")
    func slots() {
        #expect(Self.schedule.slot(atOrBefore: Self.beijing(21, 9)) == Self.beijing(21, 8))
        #expect(Self.schedule.slot(atOrBefore: Self.beijing(21, 7, 59)) == Self.beijing(20, 8))
        #expect(Self.schedule.slot(after: Self.beijing(21, 8)) == Self.beijing(22, 8))
        // 08:00 in Beijing is 00:00 UTC.
        #expect(Self.beijing(22, 8).timeIntervalSince1970.truncatingRemainder(dividingBy: 86400) == 0)
    }

    @Test("Two digests in a day: one recital, newest first; a later digest waits for tomorrow's slot")
    func twoDigestsADay() {
        let clock = TestNewsClock(Self.beijing(21, 7, 30))
        var state = RecitalState()
        var dir = [
            Self.digest("a.md", day: 21, hour: 0, urls: ["https://x.com/1", "https://x.com/2"]),
            Self.digest("b.md", day: 21, hour: 4, urls: ["https://x.com/2", "https://x.com/3"]),
        ]
        #expect(Self.run(clock, &state, dir).action == .wait)  // before the slot (yesterday's slot is long past)
        clock.set(Self.beijing(21, 8, 0))
        let d = Self.run(clock, &state, dir)
        #expect(d.action == .recite)
        #expect(d.digests == ["b.md", "a.md"])
        #expect(d.newItemCount == 3)
        #expect(state.recitedURLs == ["https://x.com/1", "https://x.com/2", "https://x.com/3"])
        // A third digest at noon: the scheduled routine does not recite twice for one slot…
        dir.append(Self.digest("c.md", day: 21, hour: 12, urls: ["https://x.com/4"]))
        clock.set(Self.beijing(21, 12, 30))
        #expect(Self.run(clock, &state, dir).action == .wait)
        // …but it is not lost: the next slot recites it.
        clock.set(Self.beijing(22, 8, 1))
        let next = Self.run(clock, &state, dir)
        #expect(next.action == .recite && next.digests == ["c.md"])
    }

    @Test("A restart after reciting repeats nothing; the state survives on disk")
    func restart() throws {
        let dir = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = RecitalStateStore(url: dir.appendingPathComponent("state.json"))
        let clock = TestNewsClock(Self.beijing(21, 8, 5))
        let available = [Self.digest("a.md", day: 21, hour: 0, urls: ["https://x.com/1"])]

        var state = try store.load()
        #expect(state == RecitalState())
        #expect(Self.run(clock, &state, available).action == .recite)
        try store.save(state)

        // "Restart": a fresh process loads the file.
        clock.advance(by: 600)
        var reloaded = try store.load()
        #expect(reloaded == state)
        #expect(Self.run(clock, &reloaded, available).action == .wait)
        #expect(Self.run(clock, &reloaded, available, mode: .unread).action == .wait)
        // No temporary files are left behind by the atomic write.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(leftovers == ["state.json"])
    }

    @Test("A restart before reciting (crash mid-run) recites the same digests again, nothing lost")
    func crashBeforeSave() {
        let clock = TestNewsClock(Self.beijing(21, 8, 5))
        let available = [Self.digest("a.md", day: 21, hour: 0, urls: ["https://x.com/1"])]
        let state = RecitalState()
        let first = DailyRoutine.decide(now: clock.now(), schedule: Self.schedule, state: state, available: available)
        clock.advance(by: 60)  // crashed: state never saved
        let second = DailyRoutine.decide(now: clock.now(), schedule: Self.schedule, state: state, available: available)
        #expect(first.digests == ["a.md"] && second.digests == ["a.md"])
    }

    @Test("Missed days: the robot was off for two days; the next slot catches up newest first, stale ones recorded")
    func missedDays() {
        let clock = TestNewsClock(Self.beijing(17, 8, 1))
        var state = RecitalState()
        var dir = [Self.digest("d17.md", day: 17, hour: 0, urls: ["https://x.com/17"])]
        #expect(Self.run(clock, &state, dir).action == .recite)
        // Off from the 17th to the 21st; digests kept arriving.
        dir += [
            Self.digest("d18.md", day: 18, hour: 0, urls: ["https://x.com/18"]),
            Self.digest("d19.md", day: 19, hour: 0, urls: ["https://x.com/19"]),
            Self.digest("d20.md", day: 20, hour: 0, urls: ["https://x.com/20"]),
            Self.digest("d21.md", day: 21, hour: 0, urls: ["https://x.com/21"]),
        ]
        // Booted at 09:30 (Persistent=true starts the missed run): within the late limit.
        clock.set(Self.beijing(21, 9, 30))
        let d = Self.run(clock, &state, dir)
        #expect(d.action == .recite)
        #expect(d.digests == ["d21.md", "d20.md", "d19.md"])  // within 3 days of now
        #expect(d.stale == ["d18.md"])
        #expect(d.reason == "3 unread digest(s) with 3 new item(s); 1 older than 3 days skipped")
        #expect(state.digests.first { $0.name == "d18.md" }?.skipped == true)
        #expect(state.handledNames == ["d17.md", "d18.md", "d19.md", "d20.md", "d21.md"])
    }

    @Test("Booting late in the evening does not read the morning news; it waits for the next slot")
    func tooLate() {
        let clock = TestNewsClock(Self.beijing(21, 22, 0))
        var state = RecitalState()
        let dir = [Self.digest("a.md", day: 21, hour: 0, urls: ["https://x.com/1"])]
        let d = Self.run(clock, &state, dir)
        #expect(d.action == .wait)
        #expect(d.nextSlot == Self.beijing(22, 8))
        #expect(state.handledNames.isEmpty)
        clock.set(Self.beijing(22, 8, 0))
        #expect(Self.run(clock, &state, dir).digests == ["a.md"])
    }

    @Test("Items already recited in another digest are not counted (or read) again")
    func repeatedItems() throws {
        let clock = TestNewsClock(Self.beijing(21, 8, 1))
        var state = RecitalState()
        let a = Self.digest("a.md", day: 21, hour: 0, urls: ["https://x.com/1"])
        _ = Self.run(clock, &state, [a])
        let b = Self.digest(
            "b.md", day: 21, hour: 4,
            urls: ["https://twitter.com/1?s=1".replacingOccurrences(of: "twitter.com/1", with: "twitter.com/1")])
        clock.set(Self.beijing(22, 8, 1))
        let d = Self.run(clock, &state, [a, Self.digest("c.md", day: 22, hour: 0, urls: ["https://x.com/1"]), b])
        #expect(d.action == .wait)
        #expect(d.reason == "unread digests hold no new items")
        #expect(state.handledNames.contains("c.md"))
        let digest = Digest(
            source: "c", metadata: nil,
            items: [
                DigestItem(number: 1, headline: "h", url: "https://X.com/1/", body: "b", line: 1),
                DigestItem(number: 2, headline: "n", url: "https://x.com/9", body: "b", line: 3),
            ])
        #expect(DailyRoutine.withoutRecitedItems([digest], state: state).first?.items.map(\.number) == [2])
    }

    @Test("An unset clock (1970 before NTP) never recites")
    func clockNotSet() {
        let d = DailyRoutine.decide(
            now: Date(timeIntervalSince1970: 3600), schedule: Self.schedule, state: RecitalState(),
            available: [Self.digest("a.md", day: 21, hour: 0, urls: ["https://x.com/1"])], mode: .unread)
        #expect(d.action == .wait)
        #expect(d.reason.contains("1970"))
    }

    @Test("A corrupt state file is an error that names the file, and is left untouched")
    func corrupt() throws {
        let dir = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("state.json")
        try Data("{not json".utf8).write(to: url)
        let error = #expect(throws: RecitalStateError.self) { try RecitalStateStore(url: url).load() }
        #expect(try String(contentsOf: url, encoding: .utf8) == "{not json")
        let message = error?.description ?? ""
        #expect(message.contains(url.path) && message.contains("move it aside"))
    }

    @Test("Scanning a directory parses every digest")
    func scan() throws {
        let dir = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: TestFiles.sample, to: dir.appendingPathComponent("2025-12-21.md"))
        try Data("not a digest".utf8).write(to: dir.appendingPathComponent("broken.md"))
        try Data("ignored".utf8).write(to: dir.appendingPathComponent("notes.txt"))
        let scan = DailyRoutine.scan(directory: dir)
        #expect(scan.infos.map(\.name) == ["2025-12-21.md", "broken.md"])
        #expect(scan.infos[0].itemURLs.count == 9)
        // No date in the file: dated by its arrival (the file's time), so it is not "fresh" forever.
        let arrival = try #require(
            (try? FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("broken.md").path))?[
                .modificationDate] as? Date)
        #expect(scan.infos[1].date == arrival)
        #expect(scan.diagnostics.contains { $0.error.code == "missing-front-matter" })
    }

    @Test("A slot with nothing new is a quiet slot once: said, recorded, and not again; never late or with news")
    func quietSlot() throws {
        let clock = TestNewsClock(Self.beijing(21, 8, 1))
        var state = RecitalState()
        let d = DailyRoutine.decide(now: clock.now(), schedule: Self.schedule, state: state, available: [])
        #expect(DailyRoutine.isQuietSlot(d, state: state, schedule: Self.schedule, now: clock.now()))
        state = DailyRoutine.recordQuietSlot(try #require(d.slot), in: state)
        let again = DailyRoutine.decide(now: clock.now(), schedule: Self.schedule, state: state, available: [])
        #expect(!DailyRoutine.isQuietSlot(again, state: state, schedule: Self.schedule, now: clock.now()))
        // Switched on in the evening: the morning slot is too old to announce anything.
        let late = Self.beijing(21, 20)
        let evening = DailyRoutine.decide(now: late, schedule: Self.schedule, state: RecitalState(), available: [])
        #expect(!DailyRoutine.isQuietSlot(evening, state: RecitalState(), schedule: Self.schedule, now: late))
        // With news, it is a recital, not a quiet slot.
        let news = [Self.digest("a.md", day: 21, hour: 0, urls: ["https://x.com/1"])]
        let busy = DailyRoutine.decide(
            now: clock.now(), schedule: Self.schedule, state: RecitalState(), available: news)
        #expect(!DailyRoutine.isQuietSlot(busy, state: RecitalState(), schedule: Self.schedule, now: clock.now()))
    }

    /// Writes `text` as `name` in `dir` and scans the directory.
    static func write(_ text: String, _ name: String, in dir: URL) throws -> [DigestFileInfo] {
        try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return DailyRoutine.scan(directory: dir).infos
    }

    static func digestText(day: Int, items: [(String, String)]) -> String {
        var out = "---\ntitle: t\ndate: 2025-12-\(day)T00:00:00+08:00\n---\n\n"
        for (i, item) in items.enumerated() { out += "\(i + 1).  [\(item.0)](\(item.1))\n\n    正文。\n\n" }
        return out
    }

    @Test("latest.md overwritten with tomorrow's news is a new digest: its new items are read")
    func overwrittenFile() throws {
        let dir = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let clock = TestNewsClock(Self.beijing(21, 8, 1))
        var state = RecitalState()
        let first = try Self.write(Self.digestText(day: 21, items: [("甲", "https://x.com/1")]), "latest.md", in: dir)
        #expect(Self.run(clock, &state, first).action == .recite)
        clock.set(Self.beijing(22, 8, 1))
        let second = try Self.write(
            Self.digestText(day: 22, items: [("乙", "https://x.com/2"), ("甲", "https://x.com/1")]), "latest.md", in: dir)
        let d = Self.run(clock, &state, second)
        #expect(d.action == .recite)
        #expect(d.newItemCount == 1)
        #expect(d.digests == ["latest.md"])
    }

    @Test("A digest with no items is marked read, but its corrected version is read")
    func correctedDigest() throws {
        let dir = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let clock = TestNewsClock(Self.beijing(21, 8, 1))
        var state = RecitalState()
        let broken = try Self.write("---\ntitle: t\ndate: 2025-12-21\n---\n\n1.\n", "today.md", in: dir)
        let d = Self.run(clock, &state, broken)
        #expect(d.action == .wait)
        #expect(state.handledNames.count == 1)
        clock.set(Self.beijing(21, 9, 0))
        let fixed = try Self.write(Self.digestText(day: 21, items: [("甲", "https://x.com/1")]), "today.md", in: dir)
        let again = DailyRoutine.decide(
            now: clock.now(), schedule: Self.schedule, state: state, available: fixed, mode: .unread)
        #expect(again.action == .recite)
        #expect(again.newItemCount == 1)
    }

    @Test("Items without a link are remembered by their headline")
    func linklessItems() throws {
        let item = DigestItem(number: 1, headline: "**阿里** 发布", url: "", body: "b", line: 1)
        #expect(item.identity == "headline:阿里发布")
        let state = RecitalState(recitedURLs: [item.identity])
        let digest = Digest(
            source: "d", metadata: nil,
            items: [item, DigestItem(number: 2, headline: "新", url: "", body: "b", line: 2)])
        #expect(DailyRoutine.withoutRecitedItems([digest], state: state).first?.items.map(\.number) == [2])
    }
}

/// `reachy news doctor`'s report: what a parent sees when the news was not read.
@Suite("News doctor")
struct NewsDoctorTests {
    @Test("The report names the sources, each digest's status, what was rejected and why, and the next slot")
    func report() throws {
        let dir = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: TestFiles.sample, to: dir.appendingPathComponent("2025-12-21.md"))
        try Data("---\ntitle: t\n---\n\nno items here\n".utf8).write(to: dir.appendingPathComponent("broken.md"))
        let schedule = DailyRoutineTests.schedule
        let now = DailyRoutineTests.beijing(21, 7)
        let lines = NewsDoctor.report(
            directory: dir, state: dir.appendingPathComponent("state.json"), schedule: schedule, now: now)
        let text = lines.joined(separator: "\n")
        #expect(text.contains("Sources: none fetched"))
        #expect(text.contains("2025-12-21.md: 2025-12-21T00:00:09+08:00, 9 item(s), unread"))
        #expect(text.contains("broken.md") && text.contains("no `date:` field"))
        #expect(text.contains("the digest has no items"))
        #expect(text.contains("Last read: nothing yet"))
        #expect(text.contains("Next slot: 2025-12-21T08:00:00+08:00"))
        let missing = NewsDoctor.report(
            directory: dir.appendingPathComponent("nope"), state: dir, schedule: schedule, now: now)
        #expect(missing.count == 1 && missing[0].contains("does not exist"))
    }
}
