import Testing
@testable import Dynamixel

@Test func moduleLinks() {
    #expect(Bool(true))
}
