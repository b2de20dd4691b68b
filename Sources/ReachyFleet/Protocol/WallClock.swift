import Foundation

/// The machine's wall clock (`CLOCK_REALTIME`), in seconds since 1970: the one time base robots share (their hosts
/// are assumed NTP-synchronised; docs/classroom.md says how to check). Start instants travel in it.
public enum WallClock {
    /// Now, seconds since 1970 (nanosecond resolution; a `Double` keeps about 0.2 µs today).
    public static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}
