import Testing
@testable import ReachyMotion

@Test func moduleLinks() {
    #expect(Bool(true))
}
