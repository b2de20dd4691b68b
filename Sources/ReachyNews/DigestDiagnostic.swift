/// A problem found while parsing, tied to its file.
public struct DigestDiagnostic: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The file (or label) the problem is in.
    public var source: String
    /// The problem.
    public var error: DigestError

    /// A diagnostic.
    public init(source: String, error: DigestError) {
        self.source = source
        self.error = error
    }

    /// `warning` or `error`.
    public var severity: String { error.isWarning ? "warning" : "error" }

    /// `file:line:column: severity: message`, the format compilers use.
    public var description: String {
        var location = source
        if error.line > 0 { location += ":\(error.line)" }
        if let c = error.column { location += ":\(c)" }
        return "\(location): \(severity): \(error.description)"
    }
}
