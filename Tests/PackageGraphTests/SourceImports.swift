import Foundation

/// The modules a folder of Swift files imports (`import X`, `@testable import X`, `public import X`,
/// `@preconcurrency import X`, `@_exported import X`, also inside `#if canImport(X)` blocks).
enum SourceImports {
    /// Modules that come with the toolchain and need no declaration.
    static let toolchain: Set<String> = [
        "Foundation", "FoundationEssentials", "FoundationNetworking", "Dispatch", "Glibc", "Darwin", "Musl",
        "Synchronization", "CDispatch", "FoundationInternationalization", "FoundationXML", "Testing", "XCTest",
        "_Concurrency", "os",
        "CoreFoundation", "PackageDescription",
    ]

    /// Each imported module, with the files importing it (relative paths).
    static func imports(under folder: URL) -> [String: [String]] {
        var result: [String: [String]] = [:]
        let regex = try! NSRegularExpression(
            pattern:
                #"^\s*(?:@[A-Za-z_]+\s+)*(?:public |package |internal |private |fileprivate )?import\s+([A-Za-z_][A-Za-z0-9_]*)"#,
            options: [.anchorsMatchLines])
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            return [:]
        }
        for case let url as URL in files where url.pathExtension == "swift" {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            let ns = text as NSString
            for match in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                let module = ns.substring(with: match.range(at: 1))
                result[module, default: []].append(url.lastPathComponent)
            }
        }
        return result
    }
}
