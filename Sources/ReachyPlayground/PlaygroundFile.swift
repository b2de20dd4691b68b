/// One file of the playground and its media type.
public struct PlaygroundFile: Sendable, Equatable {
    /// The file's bytes.
    public let bytes: [UInt8]
    /// Its `Content-Type`, e.g. `text/html; charset=utf-8`.
    public let contentType: String

    /// A file with its bytes and media type.
    public init(bytes: [UInt8], contentType: String) {
        self.bytes = bytes
        self.contentType = contentType
    }

    /// A generated text file, with the media type of its name.
    init(text: String, name: String) {
        self.init(bytes: Array(text.utf8), contentType: Self.contentType(forName: name))
    }

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
