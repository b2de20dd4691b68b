import Foundation

/// The CSV export of a recording (`reachy record --out x.csv`).
extension RecordingDocument {
    /// A header line and one row per sample: `t, x, y, z, roll, pitch, yaw, body_yaw, right_antenna,
    /// left_antenna`, then the nine joints (`body_rotation` … `left_antenna`, zeros when not recorded); six decimals.
    /// - Throws: what ``samples()`` throws.
    public func csv() throws(RecordedMoveError) -> String {
        var lines = [
            (["t", "x", "y", "z", "roll", "pitch", "yaw", "body_yaw", "right_antenna", "left_antenna"]
                + ReachyMotor.allCases.map(\.name)).joined(separator: ",")
        ]
        for s in try samples() {
            let p = s.frame.head.translation
            let e = s.frame.head.euler
            let joints = s.joints?.motorOrder ?? Array(repeating: 0, count: ReachyMotor.allCases.count)
            let values =
                [s.time, p.x, p.y, p.z, e.roll, e.pitch, e.yaw, s.frame.bodyYaw]
                + s.frame.antennas.values + joints
            lines.append(values.map { String(format: "%.6f", $0) }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
