import Foundation

/// Writes text to standard error (diagnostics next to data on standard output).
func printToStandardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}
