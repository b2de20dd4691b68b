import Foundation
import ReachyTestSupport

/// Locates and loads the protocol test vectors in `firmware-protocol/vectors/`.
enum VectorFiles {
    static let directory = RepositoryPaths.root.appendingPathComponent("firmware-protocol/vectors")

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    static func bytes(hex: String) -> [UInt8] {
        hex.split(separator: " ").compactMap { UInt8($0, radix: 16) }
    }
}

/// One packet of `packets.json`.
struct PacketVector: Decodable, CustomStringConvertible {
    let source: String
    let name: String
    let hex: String
    var bytes: [UInt8] { VectorFiles.bytes(hex: hex) }
    var description: String { "\(source): \(name)" }

    static func all() throws -> [PacketVector] {
        struct File: Decodable { let packets: [PacketVector] }
        return try JSONDecoder().decode(File.self, from: VectorFiles.data("packets.json")).packets
    }
}
