/// Checking a recording and reading its samples.
extension RecordingDocument {
    /// The checked samples, in time order. Times must run from 0 to an hour and never go back, and every number
    /// must be within ``RecordedMoveFileLimits`` (a head within 1 m, angles within ±2π) and accepted as a target
    /// by ``SafetyLimits``; the head matrix is snapped to the nearest proper rotation.
    /// - Throws: ``RecordedMoveError`` naming the first field or frame that is wrong.
    public func samples() throws(RecordedMoveError) -> [RecordingSample] {
        try RecordedMoveFileLimits.checkCount(time.count)
        try RecordedMoveFileLimits.checkTimes(time)
        var samples: [RecordingSample] = []
        samples.reserveCapacity(frames.count)
        for (i, raw) in frames.enumerated() {
            let frame = try Self.frame(raw, index: i)
            samples.append(RecordingSample(time: i < time.count ? time[i] : 0, frame: frame, joints: nil))
        }
        guard !time.isEmpty else { throw .empty }
        guard time.count == frames.count else { throw .countMismatch(times: time.count, frames: frames.count) }
        if let joints {
            guard joints.count == time.count else {
                throw .jointCountMismatch(times: time.count, joints: joints.count)
            }
            for (i, values) in joints.enumerated() {
                try RecordedMoveFileLimits.checkJoints(index: i, values)
                samples[i].joints = try? JointVector(motorOrder: values)
            }
        }
        return samples
    }

    /// The checked frame of one `set_target_data` entry.
    static func frame(_ raw: RecordingFrame, index i: Int) throws(RecordedMoveError) -> MoveFrame {
        let head: HeadPose
        do {
            head = try HeadPose(rowMajor: raw.head)
        } catch {
            throw .invalidFrame(index: i, reason: error.description)
        }
        try RecordedMoveFileLimits.checkFrame(
            index: i, translation: head.translation, antennas: raw.antennas, bodyYaw: raw.bodyYaw)
        guard let rotation = head.rotation.nearestRotation else {
            throw .invalidFrame(index: i, reason: "the head matrix has no proper rotation (determinant ≤ 0)")
        }
        guard raw.antennas.count == 2, raw.antennas.allSatisfy(\.isFinite) else {
            throw .invalidFrame(index: i, reason: "antennas must be 2 finite numbers [right, left]")
        }
        let body = raw.bodyYaw ?? 0
        guard body.isFinite else { throw .invalidFrame(index: i, reason: "body_yaw is not finite") }
        let frame = MoveFrame(
            head: HeadPose(rotation: rotation, translation: head.translation),
            antennas: Antennas(right: raw.antennas[0], left: raw.antennas[1]), bodyYaw: body)
        // Absurd numbers (a unit or encoding mistake) are refused like the robot refuses them as targets.
        do {
            try SafetyLimits.checkInput(head: frame.head, antennas: frame.antennas, bodyYaw: frame.bodyYaw)
        } catch {
            throw .invalidFrame(index: i, reason: reason(error))
        }
        return frame
    }

    /// Why a frame's numbers are refused, for ``RecordedMoveError/invalidFrame(index:reason:)``.
    static func reason(_ error: SafetyError) -> String {
        switch error {
        case .outOfRange(let what, let value, let allowed, let unit):
            return "the \(what) is \(value) \(unit), outside \(allowed.lowerBound)…\(allowed.upperBound) \(unit) "
                + "(meters and radians expected)"
        case .notFinite(let what): return "the \(what) is not a finite number"
        default: return error.description
        }
    }
}
