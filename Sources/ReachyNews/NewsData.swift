public import Foundation

/// Locates and decodes the bundled tables in `Sources/ReachyNews/Data/` (`Bundle.module`).
public enum NewsData {
    /// Environment variable naming a directory that overrides the bundled tables.
    public static let overrideVariable = "REACHY_NEWS_DATA"

    /// The URL of a table: `$REACHY_NEWS_DATA/<name>` if set, else the resource bundle's `Data/<name>`.
    ///
    /// `Bundle.module` traps when its bundle is missing, so it is only touched after checking that the bundle exists
    /// next to the executable (where SwiftPM puts it); otherwise the directory of the invoked binary is tried.
    public static func url(for name: String) throws(NewsDataError) -> URL {
        var searched: [String] = []
        if let dir = ProcessInfo.processInfo.environment[overrideVariable], !dir.isEmpty {
            let url = URL(fileURLWithPath: dir).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.path) { return url }
            searched.append(url.path)
        }
        let bundleName = "ReachyBridge_ReachyNews.resources"
        let besideExecutable = Bundle.main.bundleURL.appendingPathComponent(bundleName)
        let besideBinary = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent(bundleName)
        searched.append(besideExecutable.path)
        if FileManager.default.fileExists(atPath: besideExecutable.path) {
            if let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Data") { return url }
        }
        let direct = besideBinary.appendingPathComponent("Data").appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: direct.path) { return direct }
        if !searched.contains(besideBinary.path) { searched.append(besideBinary.path) }
        throw .tablesNotFound(searched: searched)
    }

    /// Decodes a JSON table.
    public static func decode<T: Decodable>(_ type: T.Type, from url: URL) throws(NewsDataError) -> T {
        do {
            let data = try Data(contentsOf: url)
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw .invalidTable(path: url.path, reason: "\(error)")
        }
    }
}
