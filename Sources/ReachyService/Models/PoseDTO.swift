import ReachyMotion

/// A head pose on the wire, like the daemon's `AnyPose`: `{x, y, z, roll, pitch, yaw}` (meters, radians; every
/// field defaults to 0) or `{m: [16 numbers, row-major]}`.
enum PoseDTO: Codable, Sendable, Equatable {
    case xyzrpy(x: Double, y: Double, z: Double, roll: Double, pitch: Double, yaw: Double)
    case matrix([Double])

    enum Keys: String, CodingKey { case x, y, z, roll, pitch, yaw, m }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        if c.contains(.m) {
            self = .matrix(try c.decode([Double].self, forKey: .m))
            return
        }
        func value(_ key: Keys) throws -> Double { try c.decodeIfPresent(Double.self, forKey: key) ?? 0 }
        self = .xyzrpy(
            x: try value(.x), y: try value(.y), z: try value(.z), roll: try value(.roll), pitch: try value(.pitch),
            yaw: try value(.yaw))
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        switch self {
        case .matrix(let m): try c.encode(m, forKey: .m)
        case .xyzrpy(let x, let y, let z, let roll, let pitch, let yaw):
            try c.encode(x, forKey: .x)
            try c.encode(y, forKey: .y)
            try c.encode(z, forKey: .z)
            try c.encode(roll, forKey: .roll)
            try c.encode(pitch, forKey: .pitch)
            try c.encode(yaw, forKey: .yaw)
        }
    }

    /// The wire form of a pose (`matrix` = the `use_pose_matrix` form).
    init(_ pose: HeadPose, matrix: Bool) {
        if matrix {
            self = .matrix(pose.rowMajor)
        } else {
            let e = pose.euler
            self = .xyzrpy(
                x: pose.translation.x, y: pose.translation.y, z: pose.translation.z, roll: e.roll, pitch: e.pitch,
                yaw: e.yaw)
        }
    }

    /// The pose, or 422 naming `field` when it is not a finite rigid transform.
    func headPose(field: String) throws(ServiceError) -> HeadPose {
        switch self {
        case .xyzrpy(let x, let y, let z, let roll, let pitch, let yaw):
            for (name, v) in [("x", x), ("y", y), ("z", z)] {
                try FieldCheck.range(v, SafetyLimits.inputTranslation, "\(field).\(name)", unit: "m")
            }
            for (name, v) in [("roll", roll), ("pitch", pitch), ("yaw", yaw)] {
                try FieldCheck.range(v, SafetyLimits.inputAngles, "\(field).\(name)", unit: "rad")
            }
            return HeadPose(x: x, y: y, z: z, roll: roll, pitch: pitch, yaw: yaw)
        case .matrix(let m):
            return try Self.pose(rowMajor: m, field: "\(field).m")
        }
    }

    /// A pose from 16 row-major numbers (translation within ``SafetyLimits/inputTranslation``), or 422 naming
    /// `field`. Whether the 3×3 block is a rotation is checked with the target (`RobotService.checkTarget`).
    static func pose(rowMajor m: [Double], field: String) throws(ServiceError) -> HeadPose {
        let pose: HeadPose
        do {
            pose = try HeadPose(rowMajor: m)
        } catch {
            throw .invalid(
                "Field \(field): \(error.description)", field: field, input: .array(m.map(JSONFragment.number)))
        }
        for (index, v) in [(3, m[3]), (7, m[7]), (11, m[11])] {
            try FieldCheck.range(v, SafetyLimits.inputTranslation, "\(field)[\(index)]", unit: "m")
        }
        return pose
    }
}
