import Testing
@testable import Bop

@Test func moduleLinks() {
    #expect(Bool(true))
}
