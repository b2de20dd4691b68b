import Testing
@testable import ReachyCLI

@Test func moduleLinks() {
    #expect(Bool(true))
}
