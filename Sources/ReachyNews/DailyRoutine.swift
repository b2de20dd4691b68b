import Foundation

/// When the daily recital happens.
public struct DailySchedule: Sendable, Equatable {
    /// Hour of the recital (0–23) in `timeZone`.
    public var hour: Int
    /// Minute of the recital.
    public var minute: Int
    /// Time zone of the recital time (Beijing by default, the digests' zone).
    public var timeZone: TimeZone
    /// A scheduled recital is skipped when more than this many seconds late (nobody wants the morning news at
    /// night); its digests stay unread and are caught up at the next slot.
    public var lateLimit: TimeInterval
    /// Unread digests older than this are skipped (recorded as such) instead of recited.
    public var catchUpWindow: TimeInterval
    /// A clock before this year is taken as "not set yet" (no RTC before NTP): nothing is recited.
    public var minimumYear: Int

    /// A schedule; defaults: 08:00 Asia/Shanghai, 4 h late limit, 3 days of catch-up.
    public init(
        hour: Int = 8, minute: Int = 0, timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt,
        lateLimit: TimeInterval = 4 * 3600, catchUpWindow: TimeInterval = 3 * 86400, minimumYear: Int = 2024
    ) {
        self.hour = max(0, min(23, hour))
        self.minute = max(0, min(59, minute))
        self.timeZone = timeZone
        self.lateLimit = lateLimit
        self.catchUpWindow = catchUpWindow
        self.minimumYear = minimumYear
    }

    private var calendar: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = timeZone
        return c
    }

    /// The latest slot at or before `now`.
    public func slot(atOrBefore now: Date) -> Date {
        let c = calendar
        var parts = c.dateComponents([.year, .month, .day], from: now)
        parts.hour = hour
        parts.minute = minute
        parts.second = 0
        let today = c.date(from: parts) ?? now
        return today <= now ? today : (c.date(byAdding: .day, value: -1, to: today) ?? today.addingTimeInterval(-86400))
    }

    /// The first slot strictly after `now`.
    public func slot(after now: Date) -> Date {
        let previous = slot(atOrBefore: now)
        return calendar.date(byAdding: .day, value: 1, to: previous) ?? previous.addingTimeInterval(86400)
    }

    /// The year of `now` in the schedule's zone.
    func year(of now: Date) -> Int { calendar.component(.year, from: now) }
}

/// What is known about one digest file in the directory.
public struct DigestFileInfo: Sendable, Equatable {
    /// File name (the identity used in the state file).
    public var name: String
    /// Front-matter date (nil if unreadable: such digests sort last and are never stale).
    public var date: Date?
    /// Canonical item links.
    public var itemURLs: [String]

    /// A description.
    public init(name: String, date: Date?, itemURLs: [String]) {
        self.name = name
        self.date = date
        self.itemURLs = itemURLs.map(DigestMerger.canonicalURL)
    }

    /// From a parsed digest.
    public init(name: String, digest: Digest) {
        self.init(name: name, date: digest.metadata?.date, itemURLs: digest.items.map(\.url))
    }
}

/// The routine's verdict for one run.
public struct RoutineDecision: Sendable, Equatable {
    /// Recite now, or wait.
    public enum Action: String, Sendable, Equatable {
        /// Recite `digests`.
        case recite
        /// Nothing to do now.
        case wait
    }

    /// The action.
    public var action: Action
    /// Why, in words.
    public var reason: String
    /// Unread digests to recite, newest first.
    public var digests: [String]
    /// Unread digests too old to recite; recorded as skipped so they are accounted for, not lost.
    public var stale: [String]
    /// Items in `digests` not recited before.
    public var newItemCount: Int
    /// The slot this run serves (nil for on-demand runs).
    public var slot: Date?
    /// The next scheduled slot.
    public var nextSlot: Date
}

/// The daily recital logic, pure: state + directory listing + clock in, decision out. `record` gives the state to
/// save after reciting. Nothing is repeated (digests by name, items by link) and nothing is silently dropped
/// (old unread digests are recorded as skipped).
public enum DailyRoutine {
    /// How the routine was started.
    public enum Mode: Sendable, Equatable {
        /// By the timer: honour the slot, the late limit and "once per slot".
        case scheduled
        /// On demand (`--unread`): recite whatever is unread now.
        case unread
    }

    /// Decides what to recite.
    public static func decide(
        now: Date, schedule: DailySchedule, state: RecitalState, available: [DigestFileInfo],
        mode: Mode = .scheduled
    ) -> RoutineDecision {
        let next = schedule.slot(after: now)
        func wait(_ reason: String, slot: Date? = nil) -> RoutineDecision {
            RoutineDecision(
                action: .wait, reason: reason, digests: [], stale: [], newItemCount: 0, slot: slot, nextSlot: next)
        }
        guard schedule.year(of: now) >= schedule.minimumYear else {
            return wait("the clock says \(schedule.year(of: now)); waiting until the time is set (NTP)")
        }
        var slot: Date? = nil
        if mode == .scheduled {
            let s = schedule.slot(atOrBefore: now)
            slot = s
            if let last = state.lastSlot, last >= s {
                return wait("already recited for the slot of \(iso(s))", slot: s)
            }
            if now.timeIntervalSince(s) > schedule.lateLimit {
                return wait(
                    "more than \(Int(schedule.lateLimit / 3600)) h after the slot of \(iso(s)); unread digests wait for the next slot",
                    slot: s)
            }
        }
        let handled = state.handledNames
        let unread =
            available
            .filter { !handled.contains($0.name) && ($0.date.map { $0 <= now } ?? true) }
            .sorted { a, b in
                switch (a.date, b.date) {
                case (let x?, let y?) where x != y: return x > y
                case (.some, nil): return true
                case (nil, .some): return false
                default: return a.name > b.name
                }
            }
        let oldest = now.addingTimeInterval(-schedule.catchUpWindow)
        let fresh = unread.filter { ($0.date ?? now) >= oldest }
        let stale = unread.filter { ($0.date ?? now) < oldest }
        var seen = Set(state.recitedURLs)
        var newItems = 0
        for d in fresh {
            for u in d.itemURLs where !seen.contains(u) {
                seen.insert(u)
                newItems += 1
            }
        }
        let action: RoutineDecision.Action = newItems > 0 ? .recite : .wait
        let reason: String
        if newItems > 0 {
            reason =
                "\(fresh.count) unread digest(s) with \(newItems) new item(s)"
                + (stale.isEmpty
                    ? "" : "; \(stale.count) older than \(Int(schedule.catchUpWindow / 86400)) days skipped")
        } else {
            if !fresh.isEmpty {
                reason = "unread digests hold no new items"
            } else if !stale.isEmpty {
                reason =
                    "\(stale.count) unread digest(s) older than \(Int(schedule.catchUpWindow / 86400)) days skipped"
            } else {
                reason = "no unread digests"
            }
        }
        return RoutineDecision(
            action: action, reason: reason, digests: fresh.map(\.name), stale: stale.map(\.name),
            newItemCount: newItems, slot: slot, nextSlot: next)
    }

    /// The state after carrying out `decision` at `now` (recited digests and their links, skipped stale digests,
    /// the slot served). Call it even for `.wait` decisions that list digests: they are then marked as read.
    public static func record(
        _ decision: RoutineDecision, available: [DigestFileInfo], in state: RecitalState, at now: Date
    ) -> RecitalState {
        var s = state
        let byName = Dictionary(available.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var urls = Set(s.recitedURLs)
        for name in decision.digests.reversed() where !s.handledNames.contains(name) {
            s.digests.append(.init(name: name, digestDate: byName[name]?.date, handledAt: now, skipped: false))
            urls.formUnion(byName[name]?.itemURLs ?? [])
        }
        for name in decision.stale where !s.handledNames.contains(name) {
            s.digests.append(.init(name: name, digestDate: byName[name]?.date, handledAt: now, skipped: true))
        }
        s.recitedURLs = urls.sorted()
        if decision.action == .recite, let slot = decision.slot { s.lastSlot = slot }
        return s
    }

    /// Removes items already recited (by canonical link) from digests.
    public static func withoutRecitedItems(_ digests: [Digest], state: RecitalState) -> [Digest] {
        let done = Set(state.recitedURLs)
        return digests.map { d in
            var d = d
            d.items = d.items.filter { !done.contains(DigestMerger.canonicalURL($0.url)) }
            return d
        }
    }

    /// Parses every `*.md` digest in a directory (sorted by name).
    public static func scan(directory: URL) -> (
        infos: [DigestFileInfo], digests: [String: Digest], diagnostics: [DigestDiagnostic]
    ) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
        var infos: [DigestFileInfo] = []
        var digests: [String: Digest] = [:]
        var diagnostics: [DigestDiagnostic] = []
        for name in names {
            let result = DigestParser.parse(contentsOf: directory.appendingPathComponent(name))
            diagnostics += result.diagnostics
            infos.append(DigestFileInfo(name: name, digest: result.digest))
            digests[name] = result.digest
        }
        return (infos, digests, diagnostics)
    }

    private static func iso(_ d: Date) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = .gmt
        return f.string(from: d)
    }
}
