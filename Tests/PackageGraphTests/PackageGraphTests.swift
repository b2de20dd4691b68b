import Foundation
import ReachyTestSupport
import Testing

/// The module graph tells the truth: every module imports only what its target declares, declares nothing it does
/// not import, and docs/ARCHITECTURE.md draws exactly the graph Package.swift builds, with every dependency pointing
/// down a layer.
@Suite struct PackageGraphTests {
    static let manifest = PackageManifest(
        text: (try? String(contentsOf: RepositoryPaths.root.appendingPathComponent("Package.swift"), encoding: .utf8))
            ?? "")
    static let table = ArchitectureTable(
        markdown: (try? String(
            contentsOf: RepositoryPaths.root.appendingPathComponent("docs/ARCHITECTURE.md"), encoding: .utf8)) ?? "")

    static var swiftTargets: [PackageManifest.Target] { manifest.targets.filter { $0.kind != .systemLibrary } }

    @Test func theManifestIsRead() {
        // A parser that finds nothing would make every other test here pass.
        #expect(Self.manifest.targets.count >= 30)
        #expect(Self.manifest["ReachyMotion"]?.targets.contains("Dynamixel") == true)
        #expect(Self.manifest["ReachyCLI"]?.products.contains("ArgumentParser") == true)
        #expect(Self.table.rows.count >= 15)
    }

    @Test(arguments: swiftTargets.map(\.name))
    func everyImportIsDeclared(_ name: String) throws {
        let target = try #require(Self.manifest[name])
        let imports = SourceImports.imports(under: RepositoryPaths.root.appendingPathComponent(target.path))
        let declared = target.targets.union(target.products).union(SourceImports.toolchain).union([name])
        for (module, files) in imports.sorted(by: { $0.key < $1.key }) where !declared.contains(module) {
            Issue.record(
                "\(name) imports \(module) (in \(files.sorted().joined(separator: ", "))) without declaring it")
        }
    }

    @Test(arguments: swiftTargets.filter { $0.kind != .testTarget }.map(\.name))
    func everyDeclaredDependencyIsUsed(_ name: String) throws {
        let target = try #require(Self.manifest[name])
        let imported = Set(SourceImports.imports(under: RepositoryPaths.root.appendingPathComponent(target.path)).keys)
        for dependency in target.targets.union(target.products).sorted() where !imported.contains(dependency) {
            Issue.record("\(name) declares \(dependency) but no file of it imports \(dependency)")
        }
    }

    @Test func theArchitectureTableIsThePackageGraph() {
        let drawn = Set(Self.table.rows.map(\.target))
        let built = Set(Self.manifest.targets.filter { $0.kind != .testTarget }.map(\.name))
        #expect(
            drawn == built,
            "drawn but not built: \(drawn.subtracting(built)); built but not drawn: \(built.subtracting(drawn))")
        for row in Self.table.rows {
            guard let target = Self.manifest[row.target] else { continue }
            #expect(
                row.dependencies == target.targets,
                "\(row.target): the table says \(row.dependencies.sorted()), Package.swift says \(target.targets.sorted())"
            )
        }
    }

    @Test func dependenciesOnlyPointDown() {
        for row in Self.table.rows {
            for dependency in row.dependencies {
                guard let below = Self.table[dependency] else { continue }
                #expect(
                    below.layer < row.layer,
                    "\(row.target) (layer \(row.layer)) depends on \(dependency) (layer \(below.layer))")
            }
        }
        // Siblings: the hardware and the simulator never know each other, and motion knows neither.
        for (upper, lower) in [
            ("ReachyHardware", "ReachySimulator"), ("ReachySimulator", "ReachyHardware"),
            ("ReachyMotion", "ReachyHardware"), ("ReachyMotion", "ReachySimulator"), ("ReachyService", "ReachyBridge"),
        ] {
            #expect(Self.manifest[upper]?.targets.contains(lower) == false, "\(upper) must not depend on \(lower)")
        }
    }
}
