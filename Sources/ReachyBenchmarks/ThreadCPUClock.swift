#if canImport(Glibc)
    import Glibc
    import CDispatch  // where Glibc's timespec is declared, as the compiler sees it on Linux
#elseif canImport(Darwin)
    import Darwin
#endif

/// CPU time consumed by the calling thread: unlike wall-clock time, it leaves out the time spent descheduled on a
/// busy machine, so benchmarks taken under load stay comparable.
enum ThreadCPUClock {
    /// Nanoseconds of CPU time of this thread so far.
    static func nanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    /// Seconds of CPU time of this thread so far.
    static func seconds() -> Double { Double(nanoseconds()) / 1e9 }
}
