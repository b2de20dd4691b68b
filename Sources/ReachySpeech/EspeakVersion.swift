/// A parsed espeak-ng version such as "1.51" or "1.52.0-dev".
public struct EspeakVersion: Sendable, Equatable, Comparable, CustomStringConvertible {
    /// Major version number.
    public let major: Int
    /// Minor version number.
    public let minor: Int
    /// Patch number (0 when absent).
    public let patch: Int

    /// A version from its parts.
    public init(major: Int, minor: Int, patch: Int = 0) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// Parses the leading `major.minor[.patch]` of a version string; `nil` if there is none.
    public init?(parsing text: String) {
        let numeric = text.prefix { $0.isNumber || $0 == "." }
        let parts = numeric.split(separator: ".").compactMap { Int($0) }
        guard parts.count >= 2 else { return nil }
        self.init(major: parts[0], minor: parts[1], patch: parts.count > 2 ? parts[2] : 0)
    }

    /// True when the plain `cmn` voice reads Mandarin with English names correctly (1.52 and later).
    public var hasWorkingMandarinVoice: Bool { self >= EspeakVersion(major: 1, minor: 52) }

    public var description: String { "\(major).\(minor).\(patch)" }

    public static func < (lhs: EspeakVersion, rhs: EspeakVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }
}
