import Foundation

/// Resident memory of a process, from Linux's `/proc/PID/status` (`VmRSS`); nil where there is no `/proc`.
package enum ProcessMemory {
    /// VmRSS of `pid` (this process by default), KiB.
    package static func residentKiB(pid: Int32 = getpid()) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return line.split(separator: " ").compactMap { Int($0) }.first
        }
        return nil
    }
}
