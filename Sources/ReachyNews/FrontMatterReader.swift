import Foundation
import Yams

/// Reads the YAML front matter (`title`, `date`, optional `categories`) with line numbers for every problem.
enum FrontMatterReader {
    /// - Parameters:
    ///   - firstLine: file line of the first YAML line (2: just after the opening `---`).
    ///   - closingLine: file line of the closing `---` (where missing fields are reported).
    static func read(yaml: String, firstLine: Int, closingLine: Int) -> Result<DigestMetadata, DigestError> {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            return .failure(yamlError(error, firstLine: firstLine))
        } catch {
            return .failure(.invalidYAML(line: firstLine, column: 1, problem: "\(error)"))
        }
        guard let node else { return .failure(.missingField(name: "title", line: closingLine)) }
        guard let mapping = node.mapping else {
            return .failure(.frontMatterNotMapping(line: fileLine(node.mark, firstLine)))
        }

        func location(_ n: Node) -> (Int, Int) { (fileLine(n.mark, firstLine), n.mark?.column ?? 1) }

        guard let titleNode = mapping["title"] else { return .failure(.missingField(name: "title", line: closingLine)) }
        guard let title = titleNode.scalar?.string else {
            let (l, c) = location(titleNode)
            return .failure(.invalidField(name: "title", line: l, column: c, expected: "a line of text"))
        }

        guard let dateNode = mapping["date"] else { return .failure(.missingField(name: "date", line: closingLine)) }
        let (dl, dc) = location(dateNode)
        guard let dateText = dateNode.scalar?.string else {
            return .failure(
                .invalidField(name: "date", line: dl, column: dc, expected: "a date such as 2025-12-21T00:00:09+08:00"))
        }
        guard let (date, offset) = DigestDateParser.parse(dateText) else {
            return .failure(.invalidDate(value: dateText, line: dl, column: dc))
        }

        var categories: [String] = []
        if let catNode = mapping["categories"] {
            if let seq = catNode.sequence {
                for element in seq {
                    guard let s = element.scalar?.string else {
                        let (l, c) = location(element)
                        return .failure(
                            .invalidField(name: "categories", line: l, column: c, expected: "a list of words"))
                    }
                    categories.append(s)
                }
            } else if let s = catNode.scalar?.string {
                categories = s.isEmpty ? [] : [s]
            } else {
                let (l, c) = location(catNode)
                return .failure(.invalidField(name: "categories", line: l, column: c, expected: "a list of words"))
            }
        }
        return .success(
            DigestMetadata(
                title: title, date: date, dateText: dateText, utcOffsetSeconds: offset, categories: categories))
    }

    private static func fileLine(_ mark: Mark?, _ firstLine: Int) -> Int {
        (mark?.line ?? 1) + firstLine - 1
    }

    private static func yamlError(_ error: YamlError, firstLine: Int) -> DigestError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // "while scanning a quoted scalar" points at where the broken construct starts: more useful than the
            // end of the stream where libyaml noticed it.
            let at = context?.mark ?? mark
            let text = context.map { "\($0.text): \(problem)" } ?? problem
            return .invalidYAML(line: at.line + firstLine - 1, column: at.column, problem: text)
        case .duplicatedKeysInMapping(let duplicates, _):
            return .invalidYAML(
                line: firstLine, column: 1, problem: "duplicated keys: \(duplicates.joined(separator: ", "))")
        default:
            return .invalidYAML(line: firstLine, column: 1, problem: "\(error)")
        }
    }
}
