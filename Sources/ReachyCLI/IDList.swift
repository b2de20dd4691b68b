import Dynamixel
import Foundation

/// A list of motor IDs written as ranges and single IDs: `10-18`, `1,3,5`, `0-252`, `11-16,20`.
struct IDList: Equatable {
    var ids: [UInt8]

    init(_ ids: [UInt8]) { self.ids = ids }

    static func parse(_ text: String) throws(CLIError) -> [UInt8] {
        var ids: [UInt8] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard (1...2).contains(bounds.count), let low = Int(bounds[0]), let high = Int(bounds.last ?? ""),
                low <= high
            else {
                throw CLIError("'\(part)' is not an ID or a range like 10-18.")
            }
            guard low >= 0, high <= Int(PacketFraming.maxDeviceID) else {
                throw CLIError("IDs go from 0 to \(PacketFraming.maxDeviceID); '\(part)' is outside.")
            }
            ids += (low...high).map { UInt8($0) }
        }
        var seen = Set<UInt8>()
        return ids.filter { seen.insert($0).inserted }
    }
}
