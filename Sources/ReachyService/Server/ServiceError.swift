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

    /// An error with a status and a message.
    public init(_ status: HTTPResponse.Status, _ detail: String) {
        self.status = status
        self.detail = detail
    }

    public var description: String { "\(status.code) \(detail)" }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONResponse.make(["detail": detail], status: status)
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
