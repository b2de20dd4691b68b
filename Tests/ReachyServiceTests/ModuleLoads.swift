import Testing

@testable import ReachyService

/// Placeholder: the target links. Replaced by real tests.
@Test func moduleLoads() {
    #expect(String(describing: ReachyServiceModule.self) == "ReachyServiceModule")
}
