import Foundation
import ReachyPlayground
import Testing

/// What `PlaygroundSite` serves: the page's files, generated JSON that agrees with Bop, and nothing else.
@Suite struct PlaygroundSiteTests {
    static func served(_ path: String) throws -> String {
        let file = try #require(PlaygroundSite.file(at: path), "\(path) is not served")
        return String(decoding: file.bytes, as: UTF8.self)
    }

    /// `src="…"` and `href="…"` values of an HTML text, leaving out in-page anchors and data: URIs.
    static func references(in html: String) -> [String] {
        let pattern = /(?:src|href)="([^"]*)"/
        return html.matches(of: pattern).map { String($0.output.1) }
            .filter { !$0.hasPrefix("#") && !$0.hasPrefix("data:") }
    }

    @Test func thePageIsIndexHTMLFromTheSiteFolder() throws {
        let page = try #require(PlaygroundSite.file(at: "/"))
        let onDisk = try Data(contentsOf: RepositoryFiles.site.appendingPathComponent("index.html"))
        #expect(page.bytes == [UInt8](onDisk))
        #expect(page.contentType == "text/html; charset=utf-8")
        #expect(PlaygroundSite.file(at: "/playground/index.html") == page)
    }

    @Test func everyFileTheIndexReferencesIsServedWithItsType() throws {
        let html = try Self.served("/")
        let references = Self.references(in: html)
        #expect(Set(references) == ["/playground/style.css", "/playground/robot.js", "/playground/app.js"])
        let expectedTypes = [
            "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        ]
        for reference in references {
            let file = try #require(PlaygroundSite.file(at: reference), "index.html refers to \(reference)")
            #expect(!file.bytes.isEmpty, "\(reference) is empty")
            let ext = String(reference.split(separator: ".").last ?? "")
            #expect(file.contentType == expectedTypes[ext], "\(reference): \(file.contentType)")
        }
    }

    @Test func everyFileTheScriptFetchesIsServed() throws {
        let script = try Self.served("/playground/app.js")
        let fetched = Set(script.matches(of: /'(\/playground\/[^']+)'/).map { String($0.output.1) })
        #expect(fetched == ["/playground/keywords.json", "/playground/examples.json"])
        for path in fetched {
            let file = try #require(PlaygroundSite.file(at: path))
            #expect(file.contentType == "application/json")
            #expect((try? JSONSerialization.jsonObject(with: Data(file.bytes))) != nil, "\(path) is not JSON")
        }
    }

    @Test func theRobotDrawingIsReachyPicturesScript() throws {
        let file = try #require(PlaygroundSite.file(at: "/playground/robot.js"))
        let text = String(decoding: file.bytes, as: UTF8.self)
        #expect(file.contentType == "text/javascript; charset=utf-8")
        // ReachyPictures' generated script, API version 1 (`ReachyRobot.create(svg, options).update(frame)`).
        #expect(text.hasPrefix("// ReachyRobot: the Reachy Mini drawn from its kinematics"))
        #expect(text.contains("root.ReachyRobot = {version: 1"))
    }

    @Test func onePathPerFileWhateverTheSpelling() throws {
        let script = try #require(PlaygroundSite.file(at: "/playground/app.js"))
        #expect(PlaygroundSite.file(at: "/app.js") == script)
        #expect(PlaygroundSite.file(at: "app.js") == script)
        #expect(PlaygroundSite.file(at: "/playground/app.js?v=2") == script)
        let onDisk = try Data(contentsOf: RepositoryFiles.site.appendingPathComponent("app.js"))
        #expect(script.bytes == [UInt8](onDisk))
    }

    @Test(arguments: [
        ("style.css", "text/css; charset=utf-8"), ("app.js", "text/javascript; charset=utf-8"),
        ("keywords.json", "application/json"), ("examples.json", "application/json"),
        ("examples/01-hello.bop", "text/plain; charset=utf-8"), ("index.html", "text/html; charset=utf-8"),
    ])
    func contentTypes(name: String, type: String) throws {
        let file = try #require(PlaygroundSite.file(at: "/playground/" + name))
        #expect(file.contentType == type)
    }

    @Test(arguments: [
        "/../Package.swift", "../../Package.swift", "/playground/../../../Package.swift",
        "/playground/examples/../../../../Package.swift", "/playground/../Bop/Languages/en.json",
        "/etc/passwd", "//etc/passwd", "/playground/%2e%2e/Package.swift", "/playground/.hidden",
        "/playground/examples/./01-hello.bop", "/playground/examples//01-hello.bop", "/playground/examples",
        "/playground/examples/", "/playground/nope.js", "/playground/app.js/..", "/playground\\..\\Package.swift",
        "/playground/app.js\0.png",
    ])
    func pathsOutsideTheSiteAreRefused(path: String) {
        #expect(PlaygroundSite.file(at: path) == nil, "\(path) was served")
    }

    /// Every served text: no address on the network (http, https, or protocol-relative `//host`). The SVG/XHTML
    /// namespace names are identifiers, never fetched, and are allowed.
    @Test func noServedFileLoadsAnythingFromTheNetwork() throws {
        let namespaces = ["http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink", "http://www.w3.org/1999/xhtml"]
        #expect(PlaygroundSite.names.count >= 8)
        for name in PlaygroundSite.names {
            var text = try Self.served(name)
            for namespace in namespaces { text = text.replacingOccurrences(of: namespace, with: "") }
            #expect(text.firstMatch(of: /(?i)https?:\/\//) == nil, "\(name) has an http(s) URL")
            #expect(text.firstMatch(of: /(?i)(?:wss?|ftp):\/\//) == nil, "\(name) has a network URL")
            #expect(
                text.firstMatch(of: /(?:["'(=]|url\()\s*\/\/[A-Za-z0-9]/) == nil, "\(name) has a protocol-relative URL")
            #expect(text.firstMatch(of: /@import/) == nil, "\(name) imports a stylesheet")
        }
    }

    @Test func servedNamesAreTheSiteFolderPlusTheGeneratedFiles() throws {
        let root = RepositoryFiles.site.resolvingSymlinksInPath()
        var onDisk: Set<String> = []
        let walker = try #require(FileManager.default.enumerator(atPath: root.path))
        for case let relative as String in walker {
            var isDirectory: ObjCBool = false
            let full = root.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") })
            {
                onDisk.insert(relative)
            }
        }
        let generated: Set<String> = ["keywords.json", "examples.json", "robot.js"]
        #expect(Set(PlaygroundSite.names) == onDisk.union(generated))
    }
}
