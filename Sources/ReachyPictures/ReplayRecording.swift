import Foundation
import ReachyMotion

/// One sample of a recorded run: time, head pose and the nine joints.
public struct ReplaySample: Sendable, Equatable {
    /// Seconds from the start of the recording.
    public var t: Double
    /// Head pose (SDK frame).
    public var head: HeadPose
    /// The nine joints `[body, s1…s6, right, left]`.
    public var joints: JointVector

    /// Creates a sample.
    public init(t: Double, head: HeadPose, joints: JointVector) {
        self.t = t
        self.head = head
        self.joints = joints
    }

    /// The drawing of this sample.
    public var frame: RobotFrame { RobotFrame(head: head, joints: joints.head, antennas: joints.antennas) }
}

/// A recorded run to replay in a browser (the samples of `reachy record` and `reachy run --record`).
///
/// In the page the samples are packed as little-endian 32-bit floats, ``floatsPerSample`` per sample:
/// `t`, the first three rows of the head pose (12 numbers, row-major) and the nine joints; then base64.
/// A float keeps about 7 significant digits (0.06 ms at 10 minutes; 1e-7 rad on a joint).
public struct ReplayRecording: Sendable, Equatable {
    /// The samples in time order.
    public var samples: [ReplaySample]
    /// Samples per second the recording was made at.
    public var rate: Double

    /// Floats per packed sample.
    public static let floatsPerSample = 22

    /// Creates a recording.
    public init(samples: [ReplaySample], rate: Double) {
        self.samples = samples
        self.rate = rate
    }

    /// The packed samples (little-endian float32, ``floatsPerSample`` per sample).
    public var packed: Data {
        var floats: [Float32] = []
        floats.reserveCapacity(samples.count * Self.floatsPerSample)
        for s in samples {
            let r = s.head.rotation
            let p = s.head.translation
            floats.append(Float32(s.t))
            floats.append(contentsOf: [r.r0.x, r.r0.y, r.r0.z, p.x, r.r1.x, r.r1.y, r.r1.z, p.y].map { Float32($0) })
            floats.append(contentsOf: [r.r2.x, r.r2.y, r.r2.z, p.z].map { Float32($0) })
            floats.append(contentsOf: s.joints.motorOrder.map { Float32($0) })
        }
        return floats.withUnsafeBufferPointer { buffer in
            var data = Data(capacity: buffer.count * 4)
            for f in buffer {
                withUnsafeBytes(of: f.bitPattern.littleEndian) { data.append(contentsOf: $0) }
            }
            return data
        }
    }

    /// Unpacks samples packed by ``packed``.
    /// - Throws: ``PicturesError/badReplayData(reason:)`` when the bytes are not whole samples.
    public static func unpack(_ data: Data, rate: Double) throws(PicturesError) -> ReplayRecording {
        let size = floatsPerSample * 4
        guard data.count % size == 0 else {
            throw .badReplayData(reason: "\(data.count) bytes is not a whole number of \(size)-byte samples")
        }
        let bytes = [UInt8](data)
        func float(_ i: Int) -> Double {
            let o = i * 4
            let bits = UInt32(bytes[o]) | UInt32(bytes[o + 1]) << 8 | UInt32(bytes[o + 2]) << 16
                | UInt32(bytes[o + 3]) << 24
            return Double(Float32(bitPattern: bits))
        }
        var samples: [ReplaySample] = []
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
            samples.append(ReplaySample(t: f[0], head: head, joints: joints))
        }
        return ReplayRecording(samples: samples, rate: rate)
    }

    /// Reads the JSON of `reachy record` / `reachy run --record` (`time`, `set_target_data[].head`, `joints`).
    /// - Throws: ``PicturesError/badRecording(reason:)`` naming what is missing or malformed.
    public init(recordingJSON data: Data) throws(PicturesError) {
        struct Frame: Decodable { var head: [[Double]] }
        struct Document: Decodable {
            var rate: Double?
            var time: [Double]
            var set_target_data: [Frame]
            var joints: [[Double]]?
        }
        let doc: Document
        do {
            doc = try JSONDecoder().decode(Document.self, from: data)
        } catch {
            throw .badRecording(reason: "it is not recording JSON with time, set_target_data and joints (\(error))")
        }
        guard let joints = doc.joints else {
            throw .badRecording(reason: "it has no \"joints\" array (record it with `reachy record --out x.json`)")
        }
        guard doc.time.count == doc.set_target_data.count, doc.time.count == joints.count else {
            throw .badRecording(reason: "time, set_target_data and joints have different lengths")
        }
        var samples: [ReplaySample] = []
        for i in doc.time.indices {
            let head: HeadPose
            let vector: JointVector
            do {
                head = try HeadPose(rows: doc.set_target_data[i].head)
                vector = try JointVector(motorOrder: joints[i])
            } catch {
                throw .badRecording(reason: "sample \(i + 1): \(error)")
            }
            samples.append(ReplaySample(t: doc.time[i], head: head, joints: vector))
        }
        self.init(samples: samples, rate: doc.rate ?? 50)
    }
}
