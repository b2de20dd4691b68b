import Foundation
import ReachyPictures

/// The Bop playground's web page: the files `reachy serve` answers `GET /` and `GET /playground/…` with.
/// Everything the page needs is here; it loads nothing from the network.
///
/// Static files come from the `Site` folder (`index.html`, `app.js`, `style.css`, `examples/*.bop`); three
/// more are generated: `keywords.json` (Bop's words in every language, from Bop's language files),
/// `examples.json` (the example programs with their titles) and `robot.js` (the robot drawing from
/// ReachyPictures). Only these names are served: any other path, `..` included, is `nil`.
public enum PlaygroundSite {
    /// The file for a request path (`/` is the page itself; `/playground/app.js`, `/app.js` and `app.js` name
    /// the same file), or nil when there is no such file.
    public static func file(at path: String) -> PlaygroundFile? {
        guard let name = name(for: path) else { return nil }
        return files[name]
    }

    /// Every name served, sorted (`app.js`, `examples.json`, `examples/01-hello.bop`, `index.html`, …).
    public static var names: [String] { files.keys.sorted() }

    /// The URL path prefix under which the page's files are served.
    public static let prefix = "/playground/"

    /// The site-relative name a request path asks for, or nil for a path that can name no file.
    static func name(for path: String) -> String? {
        var name = Substring(path)
        if let query = name.firstIndex(where: { $0 == "?" || $0 == "#" }) { name = name[..<query] }
        while name.first == "/" { name = name.dropFirst() }
        if name.hasPrefix("playground/") { name = name.dropFirst("playground/".count) }
        if name.isEmpty || name == "playground" { return "index.html" }
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.hasPrefix(".") }),
            !name.contains("\\"), !name.contains("\0")
        else { return nil }
        return String(name)
    }

    /// All files, read and generated once.
    private static let files: [String: PlaygroundFile] = {
        var result: [String: PlaygroundFile] = [:]
        let root = siteDirectory
        for name in staticNames(under: root) {
            if let data = try? Data(contentsOf: root.appendingPathComponent(name)) {
                result[name] = PlaygroundFile(
                    bytes: [UInt8](data), contentType: PlaygroundFile.contentType(forName: name))
            }
        }
        result["keywords.json"] = PlaygroundFile(text: PlaygroundKeywords.json(), name: "keywords.json")
        result["robot.js"] = PlaygroundFile(text: RobotPictureScript.source, name: "robot.js")
        result["examples.json"] = PlaygroundFile(
            text: PlaygroundExamples.json(PlaygroundExamples.load(from: root.appendingPathComponent("examples"))),
            name: "examples.json")
        return result
    }()

    /// The bundled `Site` folder.
    static var siteDirectory: URL {
        (Bundle.module.resourceURL ?? Bundle.module.bundleURL).appendingPathComponent("Site")
    }

    /// The regular files under `root`, as `/`-separated relative names, hidden files left out.
    private static func staticNames(under root: URL) -> [String] {
        guard
            let walker = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        let base = root.standardizedFileURL.resolvingSymlinksInPath().path
        var names: [String] = []
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let full = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard full.hasPrefix(base + "/") else { continue }
            names.append(String(full.dropFirst(base.count + 1)))
        }
        return names
    }
}
