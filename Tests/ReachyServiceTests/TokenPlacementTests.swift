import Foundation
import HTTPTypes
import HummingbirdTesting
import ReachyBridge
import Testing

@testable import ReachyService

/// Where the token may travel (issue 13): the `Authorization` header everywhere; `?token=` only on WebSockets and on
/// the playground's address (which trades it for a cookie); the cookie only from the server's own pages. A WebSocket
/// without the token gets the documented 401, not 400.
@Suite(.serialized) struct TokenPlacementTests {
    typealias H = ServiceHarness
    static let token = "s3cret token/+&"
    static let query = "s3cret%20token%2F%2B%26"

    static func headers(_ pairs: [(HTTPField.Name, String)]) -> HTTPFields {
        var fields = HTTPFields()
        for (name, value) in pairs { fields[name] = value }
        return fields
    }

    @Test func aWebSocketWithoutTheTokenGets401WithADetail() async throws {
        try await H.withService(token: Self.token) { client, _ in
            let port = try #require(client.port)
            for path in ["/ws/sdk", "/ws/sdk?token=wrong", "/api/state/ws/full"] {
                let (socket, response) = try RawWebSocket.open(port: port, path: path)
                socket.close()
                #expect(response.hasPrefix("HTTP/1.1 401"), "\(path): \(response.prefix(200))")
                #expect(response.lowercased().contains("www-authenticate: bearer"), "\(path)")
                #expect(response.contains(#"{"detail":"#), "\(path): \(response)")
            }
            let (query, queryResponse) = try RawWebSocket.open(port: port, path: "/ws/sdk?token=\(Self.query)")
            query.close()
            #expect(queryResponse.hasPrefix("HTTP/1.1 101"), "\(queryResponse.prefix(200))")
            let (header, headerResponse) = try RawWebSocket.open(
                port: port, path: "/ws/sdk", headers: ["Authorization: Bearer \(Self.token)"])
            header.close()
            #expect(headerResponse.hasPrefix("HTTP/1.1 101"), "\(headerResponse.prefix(200))")
        }
    }

    @Test func theQueryTokenIsRefusedOnHTTPRoutes() async throws {
        try await H.withService(token: Self.token) { client, _ in
            let viaQuery = try await H.call(client, .get, "/api/daemon/status?token=\(Self.query)")
            #expect(viaQuery.status == .unauthorized)
            #expect(viaQuery.text.contains("Authorization"), "\(viaQuery.text)")
            let viaHeader = try await H.call(
                client, .get, "/api/daemon/status", headers: Self.headers([(.authorization, "Bearer \(Self.token)")]))
            #expect(viaHeader.status == .ok)
        }
    }

    @Test func thePlaygroundTradesTheQueryTokenForAStrictCookie() async throws {
        try await H.withService(token: Self.token) { client, _ in
            let port = try #require(client.port)
            let page = try await H.call(client, .get, "/")
            #expect(page.status == .unauthorized)
            #expect(page.text.contains("?token="), "\(page.text)")

            let entry = try await client.execute(uri: "/?token=\(Self.query)&lang=en", method: .get) {
                ($0.status, $0.headers[.location], $0.headers[.setCookie])
            }
            #expect(entry.0 == .seeOther)
            #expect(entry.1 == "/?lang=en", "the token leaves the address bar")
            let cookie = try #require(entry.2)
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"))
            let pair = try #require(cookie.split(separator: ";").first.map(String.init))
            let wrong = try await H.call(client, .get, "/?token=nope")
            #expect(wrong.status == .unauthorized)

            // The page, its files and the API work with the cookie, from the page's own origin.
            let withCookie = Self.headers([(.cookie, pair)])
            #expect(try await H.call(client, .get, "/", headers: withCookie).status == .ok)
            #expect(try await H.call(client, .get, "/playground/app.js", headers: withCookie).status == .ok)
            // (A raw request, so the Host header is exactly the address the page was opened at.)
            let body = #"{"program":"nod"}"#
            let check = try HTTPHygieneTests.exchange(
                port: port,
                "POST /api/bop/check HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nCookie: \(pair)\r\n"
                    + "Origin: http://127.0.0.1:\(port)\r\nSec-Fetch-Site: same-origin\r\n"
                    + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n"
                    + body)
            #expect(check.text.hasPrefix("HTTP/1.1 200"), "\(check.text)")
            let (socket, response) = try RawWebSocket.open(
                port: port, path: "/ws/sdk", headers: ["Cookie: \(pair)", "Origin: http://127.0.0.1:\(port)"])
            socket.close()
            #expect(response.hasPrefix("HTTP/1.1 101"), "\(response.prefix(200))")

            // Not from another page of this machine (another port is the same site, so the browser sends the cookie).
            let otherPage = Self.headers([(.cookie, pair), (.origin, "http://localhost:5173")])
            let fromOther = try await H.call(
                client, .post, "/api/bop/check", json: #"{"program":"nod"}"#, headers: otherPage)
            #expect(fromOther.status == .unauthorized)
            let sameSite = Self.headers([(.cookie, pair), (.init("Sec-Fetch-Site")!, "same-site")])
            #expect(try await H.call(client, .get, "/api/daemon/status", headers: sameSite).status == .unauthorized)
            let (other, otherResponse) = try RawWebSocket.open(
                port: port, path: "/ws/sdk", headers: ["Cookie: \(pair)", "Origin: http://localhost:5173"])
            other.close()
            #expect(otherResponse.hasPrefix("HTTP/1.1 401"), "\(otherResponse.prefix(200))")
        }
    }
}
