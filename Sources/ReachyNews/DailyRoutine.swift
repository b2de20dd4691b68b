public import Foundation

/// The daily recital logic, pure: state + directory listing + clock in, decision out. `record` gives the state to
/// save after reciting. Nothing is repeated (digests by name and content, items by link) and nothing is silently dropped
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
            .filter { !handled.contains($0.identity) && ($0.date.map { $0 <= now } ?? true) }
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
        for name in decision.digests.reversed() {
            let identity = byName[name]?.identity ?? name
            guard !s.handledNames.contains(identity) else { continue }
            s.digests.append(.init(name: identity, digestDate: byName[name]?.date, handledAt: now, skipped: false))
            urls.formUnion(byName[name]?.itemURLs ?? [])
        }
        for name in decision.stale {
            let identity = byName[name]?.identity ?? name
            guard !s.handledNames.contains(identity) else { continue }
            s.digests.append(.init(name: identity, digestDate: byName[name]?.date, handledAt: now, skipped: true))
        }
        s.recitedURLs = urls.sorted()
        if decision.action == .recite, let slot = decision.slot { s.lastSlot = slot }
        return s
    }

    /// Whether the slot has come with nothing new to read: scheduled, not yet served, not too late, and the decision
    /// is to wait for want of news. The routine then says "no news today" once and marks the slot served.
    public static func isQuietSlot(
        _ decision: RoutineDecision, state: RecitalState, schedule: DailySchedule, now: Date
    ) -> Bool {
        guard decision.action == .wait, decision.newItemCount == 0, let slot = decision.slot else { return false }
        if let last = state.lastSlot, last >= slot { return false }
        return now >= slot && now.timeIntervalSince(slot) <= schedule.lateLimit
    }

    /// The state after saying "no news today" for `slot`.
    public static func recordQuietSlot(_ slot: Date, in state: RecitalState) -> RecitalState {
        var s = state
        s.lastSlot = slot
        return s
    }

    /// Removes items already recited (by canonical link) from digests.
    public static func withoutRecitedItems(_ digests: [Digest], state: RecitalState) -> [Digest] {
        let done = Set(state.recitedURLs)
        return digests.map { d in
            var d = d
            d.items = d.items.filter { !done.contains($0.identity) }
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
            let file = directory.appendingPathComponent(name)
            let result = DigestParser.parse(contentsOf: file)
            diagnostics += result.diagnostics
            let arrival = (try? FileManager.default.attributesOfItem(atPath: file.path))?[.modificationDate] as? Date
            infos.append(
                DigestFileInfo(
                    name: name, digest: result.digest, content: try? Data(contentsOf: file), arrival: arrival))
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
