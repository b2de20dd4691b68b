import Foundation

/// Merges digests newest first and removes repeated items: same link (after `DigestMerger.canonicalURL`), or, failing
/// that, the same headline once spaces, case and Markdown are ignored.
public enum DigestMerger {
    /// Digests sorted newest first (undated digests last, in the given order), items de-duplicated; the first
    /// occurrence (from the newest digest) wins.
    public static func merge(_ digests: [Digest]) -> [MergedItem] {
        let ordered = digests.enumerated().sorted { a, b in
            switch (a.element.metadata?.date, b.element.metadata?.date) {
            case (let x?, let y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
        var seenURLs: Set<String> = []
        var seenHeadlines: Set<String> = []
        var out: [MergedItem] = []
        for digest in ordered {
            for item in digest.items {
                let url = item.identity
                let headline = canonicalHeadline(item.headline)
                guard !seenURLs.contains(url), !seenHeadlines.contains(headline) else { continue }
                seenURLs.insert(url)
                seenHeadlines.insert(headline)
                out.append(MergedItem(item: item, source: digest.source, categories: digest.metadata?.categories ?? []))
            }
        }
        return out
    }

    /// The link in a comparable form: lower-case scheme and host, no `www.`, twitter.com as x.com, no query or
    /// fragment, no trailing slash.
    public static func canonicalURL(_ url: String) -> String {
        var s = url.trimmingCharacters(in: .whitespaces)
        if let cut = s.firstIndex(where: { $0 == "?" || $0 == "#" }) { s = String(s[..<cut]) }
        while s.hasSuffix("/") { s.removeLast() }
        guard let schemeEnd = s.range(of: "://") else { return s.lowercased() }
        let rest = s[schemeEnd.upperBound...]
        let hostEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        var host = rest[..<hostEnd].lowercased()
        if host.hasPrefix("www.") { host.removeFirst(4) }
        if host.hasPrefix("mobile.") { host.removeFirst(7) }
        if host == "twitter.com" { host = "x.com" }
        return "https://" + host + rest[hostEnd...]
    }

    /// The headline without Markdown emphasis, spaces and case.
    public static func canonicalHeadline(_ headline: String) -> String {
        InlineMarkdown.plainText(headline).lowercased().filter { !$0.isWhitespace }
    }
}
