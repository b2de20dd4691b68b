import Testing

@testable import ReachyPictures

/// Placeholder: the target links. Replaced by real tests.
@Test func moduleLoads() {
    #expect(String(describing: ReachyPicturesModule.self) == "ReachyPicturesModule")
}
