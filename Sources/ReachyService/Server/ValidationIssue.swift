import Foundation

/// One entry of a 422 answer on the official routes, in the shape FastAPI/pydantic gives it:
/// `{"type", "loc": ["body", "antennas", 1], "msg", "input"}` — clients of the daemon read `detail` as this list.
struct ValidationIssue: Encodable, Sendable, Equatable {
    /// pydantic's error type (`missing`, `json_invalid`, `enum`, `float_type`, `value_error`, …).
    var type: String
    /// Where: `body`/`query`/`path`, then field names and list indexes.
    var loc: [LocationPart]
    /// What is wrong.
    var msg: String
    /// The value found there (null when absent).
    var input: JSONFragment = .null

    /// A field name or a list index.
    enum LocationPart: Encodable, Sendable, Equatable {
        case key(String)
        case index(Int)

        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .key(let key): try c.encode(key)
            case .index(let index): try c.encode(index)
            }
        }
    }

    /// `["body"]` followed by the parts of a field path written `a.b[2]` (our messages' spelling).
    static func location(_ root: String, field: String) -> [LocationPart] {
        var parts: [LocationPart] = [.key(root)]
        for piece in field.split(separator: ".") {
            var name = Substring(piece)
            var indexes: [Int] = []
            while let open = name.lastIndex(of: "["), name.hasSuffix("]"),
                let index = Int(name[name.index(after: open)..<name.index(before: name.endIndex)])
            {
                indexes.insert(index, at: 0)
                name = name[..<open]
            }
            if !name.isEmpty { parts.append(.key(String(name))) }
            parts += indexes.map(LocationPart.index)
        }
        return parts
    }
}

/// Any JSON value (a validation issue's `input`).
indirect enum JSONFragment: Encodable, Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONFragment])
    case object([String: JSONFragment])

    /// From what `JSONSerialization` returns.
    init(_ any: Any?) {
        switch any {
        case nil, is NSNull: self = .null
        case let number as NSNumber where String(cString: number.objCType) == "c": self = .bool(number.boolValue)
        case let number as NSNumber: self = .number(number.doubleValue)
        case let string as String: self = .string(string)
        case let array as [Any]: self = .array(array.map { JSONFragment($0) })
        case let object as [String: Any]: self = .object(object.mapValues { JSONFragment($0) })
        default: self = .string(String(describing: any!))
        }
    }

    /// The value at a coding path inside the JSON text `data` (null when absent or unreadable).
    static func at(_ path: [any CodingKey], in data: Data) -> JSONFragment {
        guard var value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            return .null
        }
        for key in path {
            if let index = key.intValue, let array = value as? [Any], array.indices.contains(index) {
                value = array[index]
            } else if let object = value as? [String: Any], let next = object[key.stringValue] {
                value = next
            } else {
                return .null
            }
        }
        return JSONFragment(value)
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let value): try c.encode(value)
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15 { try c.encode(Int64(value)) } else { try c.encode(value) }
        case .string(let value): try c.encode(value)
        case .array(let value): try c.encode(value)
        case .object(let value): try c.encode(value)
        }
    }
}
