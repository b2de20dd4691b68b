import Foundation

/// Where the repository's `hardware/` folder is, found from this file's path.
func hardwareDirectory() -> URL {
    URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ReachyMiniDescriptionTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root
        .appendingPathComponent("hardware")
}
