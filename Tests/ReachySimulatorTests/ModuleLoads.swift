import Testing
@testable import ReachySimulator

@Test func moduleLinks() {
    #expect(Bool(true))
}
