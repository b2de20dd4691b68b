public import Foundation

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
