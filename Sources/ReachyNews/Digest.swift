import Foundation

/// A parsed digest file: front matter (if it could be read) and the items that parsed.
public struct Digest: Sendable, Codable, Equatable {
    /// Where it came from (a path or a label).
    public var source: String
    /// The front matter; `nil` when it is missing or unreadable (see the parse diagnostics).
    public var metadata: DigestMetadata?
    /// Text between the front matter and the first item (not read aloud).
    public var preamble: String
    /// Items in file order.
    public var items: [DigestItem]

    /// A digest.
    public init(source: String, metadata: DigestMetadata?, preamble: String = "", items: [DigestItem]) {
        self.source = source
        self.metadata = metadata
        self.preamble = preamble
        self.items = items
    }
}
