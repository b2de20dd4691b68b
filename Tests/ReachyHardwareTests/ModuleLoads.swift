import Testing
@testable import ReachyHardware

@Test func moduleLinks() {
    #expect(Bool(true))
}
