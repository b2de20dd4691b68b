import Foundation

/// Prints values as stable JSON: sorted keys, pretty-printed, slashes unescaped, one document per call.
enum JSONOutput {
    static func print<Value: Encodable>(_ value: Value) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        Swift.print(String(decoding: data, as: UTF8.self))
    }
}

/// Writes a line to standard error (progress and notices, never data).
func printNotice(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
