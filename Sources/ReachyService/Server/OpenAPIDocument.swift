import Foundation
import HTTPTypes

/// The OpenAPI 3.1 document of the routes actually registered (built from the `RouteTable`).
enum OpenAPIDocument {
    static func json(_ routes: [RouteInfo], requiresToken: Bool) -> Data {
        var paths: [String: [String: Any]] = [:]
        for route in routes {
            let openAPIPath = route.path.replacingOccurrences(of: "/**", with: "/{rest}")
            var operation: [String: Any] = [
                "summary": route.summary,
                "tags": [route.origin.rawValue],
                "x-origin": route.origin.rawValue,
                "operationId": operationID(route),
            ]
            var parameters: [[String: Any]] = route.query.map {
                [
                    "name": $0.name, "in": "query", "required": false, "description": $0.description,
                    "schema": ["type": $0.type],
                ]
            }
            for name in pathParameters(openAPIPath) {
                parameters.append(["name": name, "in": "path", "required": true, "schema": ["type": "string"]])
            }
            if !parameters.isEmpty { operation["parameters"] = parameters }
            if let body = route.body {
                operation["requestBody"] = [
                    "description": body, "required": true,
                    "content": [
                        "application/json": ["schema": ["type": "object"]],
                        "text/plain": ["schema": ["type": "string"]],
                    ],
                ]
            }
            var responses: [String: Any] = [:]
            if route.webSocket {
                operation["x-websocket"] = true
                responses["101"] = ["description": "Switching Protocols (WebSocket)."]
            } else if route.origin == .notImplemented {
                responses["501"] = errorResponse("Not implemented by this bridge.")
            } else {
                responses["200"] = ["description": "Success (JSON)."]
                responses["422"] =
                    route.origin == .official
                    ? validationResponse : errorResponse("A field is missing, of the wrong kind or out of range.")
            }
            if requiresToken { responses["401"] = errorResponse("Missing or wrong bearer token.") }
            operation["responses"] = responses
            paths[openAPIPath, default: [:]][route.method.rawValue.lowercased()] = operation
        }
        var document: [String: Any] = [
            "openapi": "3.1.0",
            "info": [
                "title": "ReachyBridge service",
                "version": "1.0.0",
                "description": "Daemon-compatible HTTP/WebSocket API of ReachyBridge (`reachy serve`). Tags: "
                    + "official (same path and shapes as the reachy-mini 1.13.0 daemon), ours (ReachyBridge only), "
                    + "not_implemented (official paths answered with 501).",
            ],
            "paths": paths,
        ]
        if requiresToken {
            document["components"] = ["securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]]]
            document["security"] = [["bearer": [String]()]]
        }
        return (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])) ?? Data("{}".utf8)
    }

    static func errorResponse(_ description: String) -> [String: Any] {
        [
            "description": description,
            "content": [
                "application/json": [
                    "schema": ["type": "object", "properties": ["detail": ["type": "string"]]]
                ]
            ],
        ]
    }

    /// The official routes' 422: pydantic's list, as the daemon (FastAPI) answers it.
    static var validationResponse: [String: Any] {
        let issue: [String: Any] = [
            "type": "object", "required": ["type", "loc", "msg", "input"],
            "properties": [
                "type": ["type": "string"], "msg": ["type": "string"], "input": [String: Any](),
                "loc": ["type": "array", "items": ["anyOf": [["type": "string"], ["type": "integer"]]]],
            ],
        ]
        return [
            "description": "A field is missing, of the wrong kind or out of range (pydantic's list, like the daemon).",
            "content": [
                "application/json": [
                    "schema": [
                        "type": "object", "required": ["detail"],
                        "properties": ["detail": ["type": "array", "items": issue]],
                    ]
                ]
            ],
        ]
    }

    static func pathParameters(_ path: String) -> [String] {
        path.split(separator: "/").compactMap { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? String(part.dropFirst().dropLast()) : nil
        }
    }

    static func operationID(_ route: RouteInfo) -> String {
        let cleaned = route.path.map { $0.isLetter || $0.isNumber ? $0 : "_" }
        return route.method.rawValue.lowercased() + String(cleaned)
    }
}
