import Testing
@testable import ReachySpeech

@Test func moduleLinks() {
    #expect(Bool(true))
}
