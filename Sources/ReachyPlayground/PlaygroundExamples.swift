import Bop
import Foundation

/// `examples.json`: the example programs the page offers, each with a title and its text. The programs live in
/// one place, `Sources/ReachyPlayground/Site/examples/` (the repository's `examples/bop` is a link to it).
public enum PlaygroundExamples {
    /// One example program.
    public struct Example: Codable, Equatable, Sendable {
        /// Its file name, e.g. `01-hello.bop`.
        public var file: String
        /// What the menu shows: the number and the program's first comment, e.g. `01 · Level 1: words and moves.`
        public var title: String
        /// The program's language code (`en`, `zh`), as Bop detects it.
        public var language: String
        /// The program text.
        public var text: String
    }

    /// The `.bop` files of `directory`, sorted by name.
    static func load(from directory: URL) -> [Example] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".bop") }.sorted().compactMap { name in
            guard let data = try? Data(contentsOf: directory.appendingPathComponent(name)) else { return nil }
            let text = String(decoding: data, as: UTF8.self)
            return Example(file: name, title: title(of: text, file: name), language: language(of: text), text: text)
        }
    }

    /// `NN · first comment` (the comment's `#` and spaces removed), or the file name without extension.
    static func title(of text: String, file: String) -> String {
        let stem = file.hasSuffix(".bop") ? String(file.dropLast(4)) : file
        let number = stem.prefix { $0.isNumber }
        let comment = text.split(separator: "\n", omittingEmptySubsequences: true).lazy
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.hasPrefix("#") || $0.hasPrefix("＃") }
            .map { String($0.dropFirst()).trimmingCharacters(in: .whitespaces) }
        guard let comment, !comment.isEmpty else { return stem }
        return number.isEmpty ? comment : "\(number) · \(comment)"
    }

    /// The language Bop reads the program in (only the front end's choice matters: a one-second horizon).
    static func language(of text: String) -> String {
        BopCompiler.compile(text, options: BopOptions(horizonSeconds: 1)).language.code
    }

    /// The JSON text of `examples.json`: an array of `{file, title, language, text}`.
    static func json(_ examples: [Example]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(examples) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}
