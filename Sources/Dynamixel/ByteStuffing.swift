/// Protocol 2.0 byte stuffing: inside a packet body (instruction or status byte through the last parameter),
/// every `FF FF FD` run is followed by an extra `FD`, so that the header pattern `FF FF FD 00` never appears in
/// the body. The receiver drops each `FD` that follows `FF FF FD`. `unstuff(stuff(x)) == x` for every `x`.
public enum ByteStuffing {
    /// The body with an `FD` inserted after every `FF FF FD`.
    public static func stuff(_ body: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(body.count + body.count / 8)
        for byte in body {
            out.append(byte)
            if byte == 0xFD, endsWithFFFF(out, before: out.count - 1) {
                out.append(0xFD)
            }
        }
        return out
    }

    /// The body with every `FD` that follows `FF FF FD` removed.
    public static func unstuff(_ body: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var index = 0
        while index < body.count {
            let byte = body[index]
            out.append(byte)
            index += 1
            if byte == 0xFD, endsWithFFFF(out, before: out.count - 1), index < body.count, body[index] == 0xFD {
                index += 1
            }
        }
        return out
    }

    /// Whether `body` needs any stuffing at all (a fast path for the common case).
    public static func needsStuffing(_ body: [UInt8]) -> Bool {
        guard body.count >= 3 else { return false }
        for index in 2..<body.count where body[index] == 0xFD && body[index - 1] == 0xFF && body[index - 2] == 0xFF {
            return true
        }
        return false
    }

    private static func endsWithFFFF(_ bytes: [UInt8], before end: Int) -> Bool {
        end >= 2 && bytes[end - 1] == 0xFF && bytes[end - 2] == 0xFF
    }
}
