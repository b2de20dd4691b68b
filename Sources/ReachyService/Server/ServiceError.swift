import Foundation
public import HTTPTypes
public import Hummingbird

/// An error answered to an HTTP client: a status and a message saying what is wrong and what to do, as
/// `{"detail": "…"}` like the official daemon (FastAPI).
public struct ServiceError: HTTPResponseError, CustomStringConvertible, Sendable {
    /// The HTTP status.
    public let status: HTTPResponse.Status
    /// The message.
    public let detail: String
    /// For a request that does not validate: each problem, in pydantic's shape (nil: build one from `detail`).
    var issues: [ValidationIssue]?
    /// Answered as the official daemon does (an official route): validation errors become 422 with `detail` the
    /// pydantic list. Our own routes keep `{"detail": "message"}`.
    var officialShape = false

    /// An error with a status and a message.
    public init(_ status: HTTPResponse.Status, _ detail: String) {
        self.status = status
        self.detail = detail
    }

    /// An error with a status, a message and the validation problems behind it.
    init(_ status: HTTPResponse.Status, _ detail: String, issues: [ValidationIssue]) {
        self.init(status, detail)
        self.issues = issues
    }

    public var description: String { "\(status.code) \(detail)" }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        if officialShape, issues != nil || status == .unprocessableContent {
            let list = issues ?? [ValidationIssue(type: "value_error", loc: [.key("body")], msg: detail)]
            return JSONResponse.make(OfficialValidationError(detail: list), status: .unprocessableContent)
        }
        return JSONResponse.make(["detail": detail], status: status)
    }

    /// 422 for `field` (spelled `a.b[2]`) of the body, query or path: `message` for people, pydantic's shape too.
    static func invalid(
        _ message: String, root: String = "body", field: String, type: String = "value_error",
        msg: String? = nil, input: JSONFragment = .null
    ) -> ServiceError {
        ServiceError(
            .unprocessableContent, message,
            issues: [
                ValidationIssue(
                    type: type, loc: ValidationIssue.location(root, field: field), msg: msg ?? message, input: input)
            ])
    }

    /// 400: the body or a parameter is malformed.
    static func badRequest(_ message: String) -> ServiceError { ServiceError(.badRequest, message) }
    /// 422: well-formed but a value is out of range or of the wrong kind.
    static func unprocessable(_ message: String) -> ServiceError { ServiceError(.unprocessableContent, message) }
    /// 404.
    static func notFound(_ message: String) -> ServiceError { ServiceError(.notFound, message) }
    /// 409: the robot is busy or in the wrong state.
    static func conflict(_ message: String) -> ServiceError { ServiceError(.conflict, message) }
    /// 501: a daemon feature this bridge does not implement.
    static func notImplemented(_ what: String) -> ServiceError {
        ServiceError(
            .notImplemented,
            "\(what) is not implemented by ReachyBridge's service (see docs/service.md); use the official daemon "
                + "for it.")
    }
}

/// `{"detail": [issues]}`.
struct OfficialValidationError: Encodable {
    var detail: [ValidationIssue]
}
