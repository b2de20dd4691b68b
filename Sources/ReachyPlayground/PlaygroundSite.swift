import Foundation

/// The Bop playground's web page: the files `reachy serve` answers `GET /` and `GET /playground/…` with.
/// Everything the page needs is here; it loads nothing from the network.
public enum PlaygroundSite {
    /// The file for a request path (`/` is the page itself), or nil when there is no such file.
    public static func file(at path: String) -> PlaygroundFile? {
        let name = path == "/" || path.isEmpty ? "index.html" : String(path.drop { $0 == "/" })
        guard !name.contains(".."), let root = Bundle.module.resourceURL?.appendingPathComponent("Site"),
            let data = try? Data(contentsOf: root.appendingPathComponent(name))
        else { return nil }
        return PlaygroundFile(bytes: [UInt8](data), contentType: PlaygroundFile.contentType(forName: name))
    }
}

/// One file of the playground and its media type.
public struct PlaygroundFile: Sendable, Equatable {
    /// The file's bytes.
    public let bytes: [UInt8]
    /// Its `Content-Type`, e.g. `text/html; charset=utf-8`.
    public let contentType: String

    /// The media type for a file name's extension.
    static func contentType(forName name: String) -> String {
        switch name.split(separator: ".").last.map({ $0.lowercased() }) {
        case "html": "text/html; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "json": "application/json"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "bop": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}
