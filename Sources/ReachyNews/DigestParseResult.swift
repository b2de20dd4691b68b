/// What parsing a digest gives: the digest with every item that parsed, and what was wrong.
public struct DigestParseResult: Sendable, Equatable {
    /// The digest; its items are usable even when there are diagnostics.
    public var digest: Digest
    /// Problems in file order (warnings and errors).
    public var diagnostics: [DigestDiagnostic]

    /// A result.
    public init(digest: Digest, diagnostics: [DigestDiagnostic]) {
        self.digest = digest
        self.diagnostics = diagnostics
    }

    /// Diagnostics that dropped something (front matter, an item).
    public var errors: [DigestDiagnostic] { diagnostics.filter { !$0.error.isWarning } }

    /// The first error, if any.
    public var firstError: DigestError? { errors.first?.error }
}
