import ArgumentParser
import Foundation

/// Reads a Bop program from disk for the `check` and `timeline` commands.
enum BopSourceFile {
    /// The file's text (`-` reads standard input) (invalid UTF-8 bytes become U+FFFD, so Bop can point at them).
    static func read(_ path: String) throws -> String {
        if path == "-" { return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError(
                "I can't read the file '\(path)'. Check that the path is right and that the file exists.")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
