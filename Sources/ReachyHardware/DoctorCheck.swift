/// One answer of `reachy doctor`: what was checked, how it went, what was seen, and what to do.
public struct DoctorCheck: Codable, Hashable, Sendable, CustomStringConvertible {
    /// A short question-like title: "Robot serial adapter", "Serial port permission (dialout)".
    public var title: String
    public var status: DoctorStatus
    /// What was found, in plain words.
    public var detail: String
    /// What to do about it; `nil` when nothing needs doing.
    public var fix: String?

    public init(title: String, status: DoctorStatus, detail: String, fix: String? = nil) {
        self.title = title
        self.status = status
        self.detail = detail
        self.fix = fix
    }

    /// `[ok] Title: detail`, plus an indented `fix:` line when there is one.
    public var description: String {
        var text = "[\(status.rawValue)] \(title): \(detail)"
        if let fix { text += "\n    fix: \(fix)" }
        return text
    }
}

/// How a doctor check came out.
public enum DoctorStatus: String, Codable, Hashable, Sendable, CaseIterable {
    case ok
    /// Works, but something is missing or odd.
    case warning
    /// Will stop the robot from working.
    case failed
    /// Does not apply here (another OS, nothing to test).
    case skipped
}

/// The operating system, for checks that only apply to one.
public enum HostPlatform: String, Codable, Hashable, Sendable {
    case linux
    case macOS
    case other

    public static var current: HostPlatform {
        #if os(Linux)
            return .linux
        #elseif os(macOS)
            return .macOS
        #else
            return .other
        #endif
    }
}

/// Who is running the program, for the serial-permission check.
public struct UserFacts: Hashable, Sendable {
    public var name: String
    public var uid: UInt32
    /// Groups this process has now (`getgroups`): what the kernel checks.
    public var sessionGroups: [String]
    /// Groups the account belongs to in the group database (`getgrouplist`): what a new login would get.
    public var configuredGroups: [String]

    public init(name: String, uid: UInt32, sessionGroups: [String], configuredGroups: [String]) {
        self.name = name
        self.uid = uid
        self.sessionGroups = sessionGroups
        self.configuredGroups = configuredGroups
    }
}

/// A udev rules file and its text.
public struct RuleFile: Hashable, Sendable {
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}
