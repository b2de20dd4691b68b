public import Foundation
import Yams

/// Parses digest files: YAML front matter, then the items, found in the body's Markdown structure by
/// ``DigestItemExtractor`` (numbered `1.  [headline](url)` items with an indented paragraph, and the other common
/// digest styles it lists).
///
/// Never traps on any input. Problems are reported as `DigestDiagnostic`s naming the line (and column); everything
/// that still parses is returned, so one bad item does not lose the others.
public enum DigestParser {
    /// Parses a file. Unreadable files give an empty digest and an `.unreadable` error.
    public static func parse(contentsOf url: URL) -> DigestParseResult {
        let source = url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            return DigestParseResult(
                digest: Digest(source: source, metadata: nil, items: []),
                diagnostics: [
                    DigestDiagnostic(
                        source: source, error: .unreadable(path: source, reason: error.localizedDescription))
                ])
        }
        return parse(data: data, source: source)
    }

    /// Parses raw bytes: UTF-8, or UTF-16 (converted); a few invalid UTF-8 bytes are replaced and reported (as a
    /// warning) at their line; another encoding (GBK, Big5, Shift_JIS…) is refused with its likely name.
    public static func parse(data: Data, source: String) -> DigestParseResult {
        switch DigestEncoding.decode(data) {
        case .text(let text, _): return parse(text, source: source)
        case .refused(let likely):
            return DigestParseResult(
                digest: Digest(source: source, metadata: nil, items: []),
                diagnostics: [DigestDiagnostic(source: source, error: .notUTF8(likely: likely))])
        case .damagedUTF8: break
        }
        let bytes = [UInt8](data)
        let lossy = String(decoding: bytes, as: UTF8.self)
        var result = parse(lossy, source: source)
        let position = firstInvalidUTF8(in: bytes)
        result.diagnostics.insert(
            DigestDiagnostic(source: source, error: .invalidEncoding(line: position.line, column: position.column)),
            at: 0)
        return result
    }

    /// Parses text and throws the first error (warnings are ignored).
    public static func parseStrict(_ text: String, source: String = "digest") throws(DigestError) -> Digest {
        let result = parse(text, source: source)
        if let error = result.firstError { throw error }
        return result.digest
    }

    /// Parses digest text.
    public static func parse(_ text: String, source: String = "digest") -> DigestParseResult {
        var normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        if normalized.hasPrefix("\u{FEFF}") { normalized.removeFirst() }
        let lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var diagnostics: [DigestError] = []

        // Front matter.
        var metadata: DigestMetadata?
        var bodyStart = 0  // index into `lines`
        if let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" {
            if let close = lines.indices.dropFirst().first(where: { isFrontMatterEnd(lines[$0]) }) {
                let yaml = lines[1..<close].joined(separator: "\n")
                switch FrontMatterReader.read(yaml: yaml, firstLine: 2, closingLine: close + 1) {
                case .success(let m): metadata = m
                case .failure(let e): diagnostics.append(e)
                }
                bodyStart = close + 1
            } else {
                diagnostics.append(.unterminatedFrontMatter(line: 1))
                bodyStart = 1
            }
        } else {
            diagnostics.append(.missingFrontMatter(line: 1))
        }

        // Items: from the Markdown structure of the body (cmark-gfm), in any common digest style.
        // CommonMark numbers lists with `.` and `)` only: `1、` `1．` `1）` (Chinese digests) are read as `1.`.
        let body = lines.dropFirst(bodyStart).map(DigestItemExtractor.asciiListMarker).joined(separator: "\n")
        var extractor = DigestItemExtractor(lines: lines, lineOffset: bodyStart)
        extractor.run(MarkdownNode.parse(body))
        let items = extractor.items
        let preamble = extractor.preamble
        diagnostics += extractor.diagnostics
        var inFence = false
        for (offset, line) in lines.dropFirst(bodyStart).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            if !inFence { checkBold(line, lineNumber: bodyStart + offset + 1, into: &diagnostics) }
        }
        if items.isEmpty { diagnostics.append(.noItems(line: min(bodyStart + 1, max(lines.count, 1)))) }

        let digest = Digest(source: source, metadata: metadata, preamble: joinLines(preamble), items: items)
        let sorted = diagnostics.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
        return DigestParseResult(
            digest: digest, diagnostics: sorted.map { DigestDiagnostic(source: source, error: $0.element) })
    }

    private static func isFrontMatterEnd(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        return t == "---" || t == "..."
    }

    /// Joins paragraph lines: no separator between Chinese characters, a space between Latin words.
    static func joinLines(_ lines: [String]) -> String {
        var out = ""
        for raw in lines {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            if let last = out.unicodeScalars.last, let first = line.unicodeScalars.first,
                last.isASCII
                    && (last.properties.isAlphabetic || last.properties.numericType != nil
                        || ",.;:!?".unicodeScalars.contains(last)),
                first.isASCII && (first.properties.isAlphabetic || first.properties.numericType != nil)
            {
                out += " "
            }
            out += line
        }
        return out
    }

    /// Reports a `**` that is never closed on this line.
    private static func checkBold(
        _ text: String, lineNumber: Int, columnOffset: Int = 0, into diagnostics: inout [DigestError]
    ) {
        let chars = Array(text)
        var column = 0
        var open: Int?
        var i = 0
        while i < chars.count {
            if chars[i] == "*", i + 1 < chars.count, chars[i + 1] == "*" {
                open = open == nil ? column : nil
                i += 2
                column += 2
            } else {
                i += 1
                column += 1
            }
        }
        if let open { diagnostics.append(.unbalancedBold(line: lineNumber, column: columnOffset + open + 1)) }
    }

    /// Line and column (1-based) of the first invalid UTF-8 sequence.
    private static func firstInvalidUTF8(in bytes: [UInt8]) -> (line: Int, column: Int) {
        guard let offset = DigestEncoding.invalidUTF8Offsets(bytes, stopAfterFirst: true).first else {
            return (bytes.filter { $0 == 0x0A }.count + 1, 1)
        }
        let before = bytes[..<offset]
        let line = before.filter { $0 == 0x0A }.count + 1
        let lineStart = (before.lastIndex(of: 0x0A)).map { $0 + 1 } ?? 0
        return (line, String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1)
    }
}
