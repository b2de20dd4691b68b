import Foundation
import Hummingbird
import NIOCore

/// Reads a request body (at most the configured size: 413 beyond) and decodes it, turning decoding errors into
/// 400/422 messages that name the field.
enum JSONBody {
    /// The body's bytes; 413 with a message when it is larger than `limit`.
    static func collect(_ request: Request, limit: Int) async throws -> Data {
        var request = request
        do {
            let buffer = try await request.collectBody(upTo: limit)
            return Data(buffer.readableBytesView)
        } catch is NIOTooManyBytesError {
            throw ServiceError(
                .contentTooLarge, "The request body is larger than \(limit) bytes; send a smaller body.")
        }
    }

    /// Decodes `T` from the body.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, limit: Int) async throws -> T {
        let data = try await collect(request, limit: limit)
        return try decode(type, from: data)
    }

    /// Decodes `T` from JSON bytes, with a message naming the field on failure.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(ServiceError) -> T {
        guard !data.isEmpty else {
            throw ServiceError(
                .badRequest, "The request body is empty; send a JSON object (Content-Type: application/json).",
                issues: [ValidationIssue(type: "missing", loc: [.key("body")], msg: "Field required")])
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            var answer = message(for: error)
            answer.issues = [issue(for: error, in: data, message: answer.detail)]
            throw answer
        } catch let error as ServiceError {
            throw error
        } catch {
            throw .badRequest("The request body could not be read: \(error).")
        }
    }

    /// `a.b[2]` for a coding path.
    static func fieldName(_ path: [any CodingKey]) -> String {
        var out = ""
        for key in path {
            if let index = key.intValue {
                out += "[\(index)]"
            } else {
                out += out.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return out.isEmpty ? "(the body)" : out
    }

    static func message(for error: DecodingError) -> ServiceError {
        switch error {
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return .badRequest("The request body is not valid JSON; send a JSON object.")
            }
            return .unprocessable(
                "Field \(fieldName(context.codingPath)): \(context.debugDescription)")
        case .keyNotFound(let key, let context):
            return .unprocessable(
                "Field \(fieldName(context.codingPath + [key])) is required but missing.")
        case .typeMismatch(let type, let context):
            return .unprocessable(
                "Field \(fieldName(context.codingPath)) must be \(describe(type)).")
        case .valueNotFound(let type, let context):
            return .unprocessable(
                "Field \(fieldName(context.codingPath)) must be \(describe(type)), not null.")
        @unknown default:
            return .badRequest("The request body could not be decoded: \(error).")
        }
    }

    /// The pydantic-shaped problem behind a decoding error (type names as pydantic gives them).
    static func issue(for error: DecodingError, in data: Data, message: String) -> ValidationIssue {
        func loc(_ path: [any CodingKey]) -> [ValidationIssue.LocationPart] {
            [.key("body")] + path.map { $0.intValue.map(ValidationIssue.LocationPart.index) ?? .key($0.stringValue) }
        }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return ValidationIssue(
                type: "json_invalid", loc: [.key("body"), .index(0)], msg: "JSON decode error", input: .object([:]))
        case .dataCorrupted(let context):
            let uuid = context.codingPath.last?.stringValue == "uuid"
            return ValidationIssue(
                type: uuid ? "uuid_parsing" : "value_error", loc: loc(context.codingPath),
                msg: uuid ? "Input should be a valid UUID" : message,
                input: JSONFragment.at(context.codingPath, in: data))
        case .keyNotFound(let key, let context):
            return ValidationIssue(
                type: "missing", loc: loc(context.codingPath + [key]), msg: "Field required",
                input: JSONFragment.at(context.codingPath, in: data))
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let (kind, what) = pydanticType(type)
            return ValidationIssue(
                type: kind, loc: loc(context.codingPath), msg: "Input should be \(what)",
                input: JSONFragment.at(context.codingPath, in: data))
        @unknown default:
            return ValidationIssue(type: "value_error", loc: [.key("body")], msg: message)
        }
    }

    /// pydantic's error type and wording for a value that is not of `type`.
    static func pydanticType(_ type: Any.Type) -> (String, String) {
        switch type {
        case is Double.Type, is Float.Type: ("float_type", "a valid number")
        case is Int.Type: ("int_type", "a valid integer")
        case is String.Type: ("string_type", "a valid string")
        case is Bool.Type: ("bool_type", "a valid boolean")
        default:
            String(describing: type).hasPrefix("Array")
                ? ("list_type", "a valid list") : ("model_attributes_type", "a valid dictionary or object")
        }
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Float.Type: "a number"
        case is Int.Type: "an integer"
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is [Double].Type, is [Any].Type: "an array of numbers"
        default:
            String(describing: type).hasPrefix("Array") ? "an array" : "an object"
        }
    }
}

/// A field check for decoded values: finite numbers, array lengths, ranges (422 naming the field).
enum FieldCheck {
    static func finite(_ value: Double, _ field: String) throws(ServiceError) {
        guard value.isFinite else { throw .invalid("Field \(field) must be a finite number.", field: field) }
    }

    static func count(_ values: [Double], _ expected: Int, _ field: String) throws(ServiceError) {
        guard values.count == expected else {
            throw .invalid(
                "Field \(field) must have \(expected) numbers (got \(values.count)).", field: field,
                input: .array(values.map(JSONFragment.number)))
        }
        for (i, v) in values.enumerated() { try finite(v, "\(field)[\(i)]") }
    }

    static func range(_ value: Double, _ range: ClosedRange<Double>, _ field: String, unit: String) throws(ServiceError)
    {
        try finite(value, field)
        guard range.contains(value) else {
            throw .invalid(
                "Field \(field) must be between \(format(range.lowerBound)) and \(format(range.upperBound)) \(unit) "
                    + "(got \(format(value))).", field: field, input: .number(value))
        }
    }

    static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e9 ? String(Int(v)) : String(v)
    }
}
