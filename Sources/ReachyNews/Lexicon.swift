public import Foundation

/// A respelling table: written forms (product names, acronyms) and how to say them, applied before synthesis.
///
/// Matching is whole-word (no ASCII letter or digit on either side), case-sensitive unless an entry says
/// `"ignoreCase": true`, longest written form first. The bundled table is `Data/respellings.json`; add entries
/// there or load an extra file with `Lexicon(contentsOf:)` and `merged(with:)`.
public struct Lexicon: Sendable, Codable, Equatable {
    /// One respelling.
    public struct Entry: Sendable, Codable, Equatable {
        /// The form in the digest, e.g. "OpenAI".
        public var written: String
        /// What the voice should read, e.g. "Open A I".
        public var spoken: String
        /// Match regardless of case.
        public var ignoreCase: Bool?

        /// An entry.
        public init(written: String, spoken: String, ignoreCase: Bool? = nil) {
            self.written = written
            self.spoken = spoken
            self.ignoreCase = ignoreCase
        }
    }

    /// The entries.
    public var respellings: [Entry]

    /// A table.
    public init(respellings: [Entry]) { self.respellings = respellings }

    /// Reads a table file (`{"respellings": [{"written": …, "spoken": …}]}`).
    public init(contentsOf url: URL) throws(NewsDataError) {
        self = try NewsData.decode(Lexicon.self, from: url)
    }

    /// The bundled table.
    public static func bundled() throws(NewsDataError) -> Lexicon {
        try NewsData.decode(Lexicon.self, from: NewsData.url(for: "respellings.json"))
    }

    /// This table plus another; the other's entries win for the same written form.
    public func merged(with other: Lexicon) -> Lexicon {
        let overridden = Set(other.respellings.map(\.written))
        return Lexicon(respellings: respellings.filter { !overridden.contains($0.written) } + other.respellings)
    }

    /// Applies every respelling to `text`.
    public func apply(to text: String) -> String {
        let chars = Array(text)
        // Candidates by lower-cased first character, longest written form first.
        var byFirst: [Character: [(written: [Character], spoken: String, ignoreCase: Bool)]] = [:]
        for e in respellings.sorted(by: { $0.written.count > $1.written.count }) {
            let written = Array(e.written)
            guard let first = written.first else { continue }
            byFirst[Character(first.lowercased()), default: []].append((written, e.spoken, e.ignoreCase ?? false))
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var i = 0
        outer: while i < chars.count {
            let c = chars[i]
            if !isWordChar(i > 0 ? chars[i - 1] : nil), let candidates = byFirst[Character(c.lowercased())] {
                for (written, spoken, ignoreCase) in candidates where i + written.count <= chars.count {
                    let slice = chars[i..<(i + written.count)]
                    let matches =
                        ignoreCase
                        ? slice.elementsEqual(written) { $0.lowercased() == $1.lowercased() }
                        : slice.elementsEqual(written)
                    guard matches else { continue }
                    let after: Character? = i + written.count < chars.count ? chars[i + written.count] : nil
                    guard !isWordChar(after) || !isWordChar(written.last) else { continue }
                    out += spoken
                    i += written.count
                    continue outer
                }
            }
            out.append(c)
            i += 1
        }
        return out
    }

    private func isWordChar(_ c: Character?) -> Bool {
        guard let c else { return false }
        return c.isASCII && (c.isLetter || c.isNumber)
    }
}
