import Testing

@testable import ReachyRemote

/// Placeholder: the target links. Replaced by real tests.
@Test func moduleLoads() {
    #expect(String(describing: ReachyRemoteModule.self) == "ReachyRemoteModule")
}
