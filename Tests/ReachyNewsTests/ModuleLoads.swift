import Testing
@testable import ReachyNews

@Test func moduleLinks() {
    #expect(Bool(true))
}
