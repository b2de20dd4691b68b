import Testing

@testable import ReachyPlayground

/// Placeholder until the playground has its real tests: the page is bundled and typed as HTML.
@Test func pageIsBundled() throws {
    let page = try #require(PlaygroundSite.file(at: "/"))
    #expect(page.contentType == "text/html; charset=utf-8")
    #expect(PlaygroundSite.file(at: "/../Package.swift") == nil)
}
