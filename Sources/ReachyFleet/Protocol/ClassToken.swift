/// The class's shared secret: every command carries it and a robot refuses a command without it, whoever could
/// publish on the broker. Compared in constant time.
public struct ClassToken: Sendable, Equatable {
    /// The secret.
    public let value: String

    /// A token; it must not be empty.
    public init?(_ value: String) {
        guard !value.isEmpty else { return nil }
        self.value = value
    }

    /// Whether `candidate` is this token, in time that depends only on the lengths.
    public func matches(_ candidate: String?) -> Bool {
        guard let candidate else { return false }
        let a = Array(value.utf8)
        let b = Array(candidate.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0
    }
}
