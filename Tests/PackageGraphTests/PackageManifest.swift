import Foundation

/// The targets of `Package.swift`, read from its text (the manifest is code, but ours is written in one plain
/// style: `.target(name: "X", dependencies: ["Y", .product(name: "Z", package: "p")], path: "…")`).
struct PackageManifest {
    /// One target as declared.
    struct Target: Equatable {
        enum Kind: String { case target, executableTarget, testTarget, systemLibrary }
        var kind: Kind
        var name: String
        /// Targets of this package it depends on.
        var targets: Set<String>
        /// Products of other packages it depends on (module names: ours are named like their modules), including
        /// `"Yams"`-style by-name dependencies on other packages.
        var products: Set<String>
        /// Its folder, relative to the package root.
        var path: String
    }

    var targets: [Target]

    init(text: String) {
        var found: [Target] = []
        let scanner = text as NSString
        let pattern = try! NSRegularExpression(pattern: #"\.(target|executableTarget|testTarget|systemLibrary)\("#)
        for match in pattern.matches(in: text, range: NSRange(location: 0, length: scanner.length)) {
            let kind = Target.Kind(rawValue: scanner.substring(with: match.range(at: 1)))!
            let open = match.range.location + match.range.length - 1
            let body = Self.balanced(scanner, from: open, "(", ")")
            guard let name = Self.first(#"name:\s*"([^"]+)""#, in: body) else { continue }
            var names: [String] = []
            var products: [String] = []
            if let range = body.range(of: #"dependencies:\s*\["#, options: .regularExpression) {
                let start = body.distance(from: body.startIndex, to: range.upperBound) - 1
                let list = Self.balanced(body as NSString, from: start, "[", "]")
                products = Self.all(#"\.product\(\s*name:\s*"([^"]+)""#, in: list)
                let withoutProducts = list.replacingOccurrences(
                    of: #"\.product\([^)]*\)"#, with: "", options: .regularExpression)
                names = Self.all(#""([^"]+)""#, in: withoutProducts)
            }
            let folder = kind == .testTarget ? "Tests" : "Sources"
            let path = Self.first(#"path:\s*"([^"]+)""#, in: body) ?? "\(folder)/\(name)"
            found.append(
                Target(kind: kind, name: name, targets: Set(names), products: Set(products), path: path))
        }
        let ours = Set(found.map(\.name))
        targets = found.map { target in
            var target = target
            let outside = target.targets.subtracting(ours)
            target.targets.subtract(outside)
            target.products.formUnion(outside)
            return target
        }
    }

    /// The target named `name`.
    subscript(_ name: String) -> Target? { targets.first { $0.name == name } }

    private static func balanced(_ text: NSString, from start: Int, _ open: Character, _ close: Character) -> String {
        var depth = 0
        let o = open.utf16.first!
        let c = close.utf16.first!
        for index in start..<text.length {
            let unit = text.character(at: index)
            if unit == o { depth += 1 }
            if unit == c {
                depth -= 1
                if depth == 0 { return text.substring(with: NSRange(location: start, length: index - start + 1)) }
            }
        }
        return text.substring(from: start)
    }

    private static func all(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map {
            ns.substring(with: $0.range(at: 1))
        }
    }

    private static func first(_ pattern: String, in text: String) -> String? { all(pattern, in: text).first }
}
