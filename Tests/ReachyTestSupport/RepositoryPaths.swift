public import Foundation

/// Folders of this repository that tests read, found from this file's path (tests run from any directory).
public enum RepositoryPaths {
    /// The repository root (the folder holding `Package.swift`).
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ReachyTestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root

    /// `hardware/`: the robot description, udev rules and systemd units.
    public static let hardware = root.appendingPathComponent("hardware")

    /// Recording files written by earlier versions of `reachy record` and `reachy run --record` (old files must keep
    /// loading).
    public static let recordings = root.appendingPathComponent("Tests/ReachyMotionTests/Data")
}
