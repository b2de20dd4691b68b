/// The version of `reachy`, as robots report it to their class.
enum ReachyVersion {
    /// This build's version.
    static let current = "0.18.0"
}
