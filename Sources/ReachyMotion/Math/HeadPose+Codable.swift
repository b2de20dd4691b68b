/// JSON form of a head pose: 4 rows of 4 numbers (a flat row-major list of 16 is also accepted when decoding).
extension HeadPose: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let values: [Double]
        if let rows = try? c.decode([[Double]].self) {
            guard rows.count == 4, rows.allSatisfy({ $0.count == 4 }) else {
                throw DecodingError.dataCorruptedError(
                    in: c, debugDescription: PoseError.wrongShape(description: "\(rows.count) rows").description)
            }
            values = rows.flatMap { $0 }
        } else {
            values = try c.decode([Double].self)
        }
        do {
            try self.init(rowMajor: values)
        } catch {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rows)
    }
}

/// JSON form: `[body, s1, …, s6]`.
extension HeadJoints: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        do {
            try self.init(try c.decode([Double].self))
        } catch let error as JointError {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(values)
    }
}

/// JSON form: `[right, left]`.
extension Antennas: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        do {
            try self.init(try c.decode([Double].self))
        } catch let error as JointError {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(values)
    }
}
