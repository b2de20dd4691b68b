import Foundation
import HTTPTypes
import HummingbirdTesting
import HummingbirdWSClient
import Logging
import NIOCore
import ReachyBridge
import Testing

@testable import ReachyService

/// Other web sites cannot drive the robot (issue 13): a page's `text/plain` or form POST, a WebSocket from its
/// origin and DNS rebinding (`Host: evil.example`) are refused with 403, before any route runs; this machine's own
/// pages, the origins given with --allow-origin and clients that are not browsers still work.
@Suite(.serialized) struct SiteGuardTests {
    typealias H = ServiceHarness

    static func headers(_ pairs: [(HTTPField.Name, String)]) -> HTTPFields {
        var fields = HTTPFields()
        for (name, value) in pairs { fields[name] = value }
        return fields
    }

    @Test func aPageFromAnotherSiteCannotRunAProgramOrStopTheDaemon() async throws {
        try await H.withService { client, service in
            let evil = Self.headers([(.origin, "http://evil.example"), (.contentType, "text/plain")])
            let run = try await client.execute(
                uri: "/api/bop/run", method: .post, headers: evil, body: .init(string: "nod twice")
            ) { ($0.status, String(buffer: $0.body)) }
            #expect(run.0 == .forbidden)
            #expect(run.1.contains("--allow-origin http://evil.example"))
            #expect(!service.moves.isBusy, "the program must not start")

            let form = Self.headers([
                (.origin, "http://evil.example"), (.contentType, "application/x-www-form-urlencoded"),
            ])
            let stop = try await client.execute(
                uri: "/api/daemon/stop", method: .post, headers: form, body: .init(string: "a=b")
            ) { $0.status }
            #expect(stop == .forbidden)
            #expect(service.daemonState == "running")

            let goto = try await H.call(
                client, .post, "/api/move/goto", json: #"{"head_pose": {"x": 0, "y": 0, "z": 0.01}, "duration": 1}"#,
                headers: Self.headers([(.origin, "https://evil.example:8443")]))
            #expect(goto.status == .forbidden)
            #expect(try await H.call(client, .get, "/api/move/running").text == "[]")
            // "null" is what sandboxed frames and file: pages send.
            let null = try await H.call(
                client, .get, "/api/daemon/status", headers: Self.headers([(.origin, "null")]))
            #expect(null.status == .forbidden)
        }
    }

    @Test func dnsRebindingIsRefused() async throws {
        try await H.withService { client, _ in
            let port = try #require(client.port)
            let rebound = try RawHTTP.get(port: port, path: "/api/state/full", host: "evil.example:8000")
            #expect(rebound.hasPrefix("HTTP/1.1 403"), "\(rebound.prefix(200))")
            #expect(rebound.contains("only to the names of this machine"))
            for name in ["localhost:\(port)", "127.0.0.1:\(port)", "[::1]:\(port)", "localhost"] {
                let local = try RawHTTP.get(port: port, path: "/api/daemon/status", host: name)
                #expect(local.hasPrefix("HTTP/1.1 200"), "Host: \(name): \(local.prefix(200))")
            }
        }
    }

    @Test func thisMachinesPagesAndAllowedOriginsWorkWithCORS() async throws {
        try await H.withService(allowedOrigins: ["https://turbowarp.org"]) { client, _ in
            for origin in ["http://localhost:8601", "http://127.0.0.1:5173", "https://turbowarp.org"] {
                let status = try await client.execute(
                    uri: "/api/daemon/status", method: .get, headers: Self.headers([(.origin, origin)])
                ) { ($0.status, $0.headers[.accessControlAllowOrigin]) }
                #expect(status.0 == .ok, "\(origin)")
                #expect(status.1 == origin, "\(origin)")
                let preflight = try await client.execute(
                    uri: "/api/move/goto", method: .options,
                    headers: Self.headers([
                        (.origin, origin), (.accessControlRequestMethod, "POST"),
                        (.accessControlRequestHeaders, "content-type"),
                    ])
                ) { ($0.status, $0.headers[.accessControlAllowOrigin]) }
                #expect(preflight.0 == .ok || preflight.0 == .noContent, "preflight from \(origin): \(preflight.0)")
                #expect(preflight.1 == origin)
            }
            let other = try await client.execute(
                uri: "/api/move/goto", method: .options,
                headers: Self.headers([(.origin, "https://scratch.mit.edu"), (.accessControlRequestMethod, "POST")])
            ) { $0.status }
            #expect(other == .forbidden)
            // Local apps' web views, as the official daemon lets them in, and TurboWarp Desktop's editor; not an
            // app scheme nobody listed, even one that names localhost.
            for (origin, allowed) in [
                ("tauri://localhost", true), ("https://tauri.localhost", true), ("capacitor://localhost", true),
                ("tw-editor://.", true), ("other-app://localhost", false), ("null", false),
            ] {
                let status = try await client.execute(
                    uri: "/api/move/stop", method: .post,
                    headers: Self.headers([(.origin, origin), (.contentType, "application/json")]),
                    body: ByteBuffer(string: #"{"uuid":"00000000-0000-0000-0000-000000000000"}"#)
                ) { $0.status }
                #expect((status != .forbidden) == allowed, "\(origin): \(status)")
            }
            // No Origin: a script or the official SDK.
            #expect(try await H.call(client, .get, "/api/daemon/status").status == .ok)
        }
    }

    @Test func aWebSocketFromAnotherSiteIsRefused() async throws {
        try await H.withService { client, _ in
            let port = try #require(client.port)
            let refused = WebSocketClient(
                url: "ws://127.0.0.1:\(port)/ws/sdk",
                configuration: .init(additionalHeaders: Self.headers([(.origin, "http://evil.example")])),
                logger: Logger(label: "test.ws")
            ) { _, outbound, _ in
                try await outbound.write(.text(#"{"type": "set_torque", "on": false}"#))
            }
            await #expect(throws: (any Error).self) { try await refused.run() }
            // The same socket from this machine's page opens and streams.
            let messages = try await H.webSocket(port: port, path: "/ws/sdk") { $0.count >= 2 }
            #expect(messages.count >= 2)
        }
    }

    @Test func allowedOriginsAreChecked() {
        #expect(SiteGuard.normalized("https://TurboWarp.org") == "https://turbowarp.org:443")
        #expect(SiteGuard.normalized("http://localhost:8601/") == "http://localhost:8601")
        #expect(SiteGuard.normalized("turbowarp.org") == nil)
        #expect(SiteGuard.normalized("https://turbowarp.org/editor") == nil)
        #expect(SiteGuard.normalized("tw-editor://.") == "tw-editor://.")
        #expect(SiteGuard.normalized("Tauri://localhost") == "tauri://localhost")
        #expect(SiteGuard.normalized("null") == nil)
        #expect(SiteGuard.normalized("app://x/y") == nil)
        #expect(throws: Never.self) { try ServiceConfiguration(allowedOrigins: ["my-app://robot"]).validate() }
        #expect(throws: ServiceConfigurationError.badOrigin("*")) {
            try ServiceConfiguration(allowedOrigins: ["*"]).validate()
        }
        #expect(throws: ServiceConfigurationError.badOrigin("turbowarp.org")) {
            try ServiceConfiguration(allowedOrigins: ["turbowarp.org"]).validate()
        }
        #expect(SiteGuard.isLocal(hostHeader: "127.0.0.1:8000"))
        #expect(SiteGuard.isLocal(hostHeader: "[::1]:8000"))
        #expect(!SiteGuard.isLocal(hostHeader: "127.0.0.1.evil.example"))
        #expect(!SiteGuard.isLocal(hostHeader: "evil.example"))
    }
}
