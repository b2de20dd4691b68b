public import Foundation
public import ReachyMotion

/// How the replay page (``ReplayPage``) carries a recording's samples: little-endian 32-bit floats,
/// ``floatsPerSample`` per sample — `t`, the first three rows of the head pose (12 numbers, row-major) and the nine
/// joints — then base64. A float keeps about 7 significant digits (0.06 ms at 10 minutes; 1e-7 rad on a joint).
public enum ReplayPacking {
    /// Floats per packed sample.
    public static let floatsPerSample = 22

    /// The samples of `document` the page can draw: checked (``RecordingDocument/samples()``), each with joints.
    /// - Throws: ``PicturesError/badRecording(reason:)`` naming what is wrong or missing,
    ///   ``PicturesError/emptyRecording`` when there is no sample.
    public static func samples(of document: RecordingDocument) throws(PicturesError) -> [RecordingSample] {
        guard !document.isEmpty else { throw .emptyRecording }
        guard document.joints != nil else {
            throw .badRecording(reason: "it has no \"joints\" array (record it with `reachy record --out x.json`)")
        }
        do {
            return try document.samples()
        } catch {
            throw .badRecording(reason: error.description)
        }
    }

    /// The packed samples (joints of a sample without any are packed as zeros).
    public static func pack(_ samples: [RecordingSample]) -> Data {
        var floats: [Float32] = []
        floats.reserveCapacity(samples.count * floatsPerSample)
        for s in samples {
            let r = s.frame.head.rotation
            let p = s.frame.head.translation
            let joints = s.joints?.motorOrder ?? Array(repeating: 0, count: 9)
            floats.append(Float32(s.time))
            floats.append(contentsOf: [r.r0.x, r.r0.y, r.r0.z, p.x, r.r1.x, r.r1.y, r.r1.z, p.y].map { Float32($0) })
            floats.append(contentsOf: [r.r2.x, r.r2.y, r.r2.z, p.z].map { Float32($0) })
            floats.append(contentsOf: joints.map { Float32($0) })
        }
        let words = floats.map { $0.bitPattern.littleEndian }
        return words.withUnsafeBufferPointer { Data(buffer: $0) }
    }

    /// Unpacks samples packed by ``pack(_:)`` (antennas and body yaw of each frame taken from its joints).
    /// - Throws: ``PicturesError/badReplayData(reason:)`` when the bytes are not whole samples.
    public static func unpack(_ data: Data) throws(PicturesError) -> [RecordingSample] {
        let size = floatsPerSample * 4
        guard data.count % size == 0 else {
            throw .badReplayData(reason: "\(data.count) bytes is not a whole number of \(size)-byte samples")
        }
        let bytes = [UInt8](data)
        func float(_ i: Int) -> Double {
            let o = i * 4
            let bits =
                UInt32(bytes[o]) | UInt32(bytes[o + 1]) << 8 | UInt32(bytes[o + 2]) << 16
                | UInt32(bytes[o + 3]) << 24
            return Double(Float32(bitPattern: bits))
        }
        var samples: [RecordingSample] = []
        samples.reserveCapacity(bytes.count / size)
        for k in 0..<(bytes.count / size) {
            let b = k * floatsPerSample
            let f = (0..<floatsPerSample).map { float(b + $0) }
            let head = HeadPose(
                rotation: Matrix3(Vector3(f[1], f[2], f[3]), Vector3(f[5], f[6], f[7]), Vector3(f[9], f[10], f[11])),
                translation: Vector3(f[4], f[8], f[12]))
            let joints = JointVector(
                head: HeadJoints(body: f[13], s1: f[14], s2: f[15], s3: f[16], s4: f[17], s5: f[18], s6: f[19]),
                antennas: Antennas(right: f[20], left: f[21]))
            let frame = MoveFrame(head: head, antennas: joints.antennas, bodyYaw: joints.head.body)
            samples.append(RecordingSample(time: f[0], frame: frame, joints: joints))
        }
        return samples
    }
}
