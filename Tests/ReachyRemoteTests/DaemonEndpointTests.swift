import Foundation
import Testing

@testable import ReachyRemote

@Suite struct DaemonEndpointTests {
    @Test func addressesDeriveFromTheBase() throws {
        let wireless = try DaemonEndpoint("http://reachy-mini.local:8000/")
        #expect(wireless.base == "http://reachy-mini.local:8000")
        #expect(wireless.webSocket == "ws://reachy-mini.local:8000/ws/sdk")
        #expect(wireless.url("/api/daemon/status") == "http://reachy-mini.local:8000/api/daemon/status")
        let bare = try DaemonEndpoint("127.0.0.1:8123")
        #expect(bare.base == "http://127.0.0.1:8123")
        let secure = try DaemonEndpoint("https://robot.example")
        #expect(secure.webSocket == "wss://robot.example/ws/sdk")
    }

    @Test(arguments: ["ftp://robot:21", "http://", "http://robot:8000/api/state", "  "])
    func otherAddressesAreRefusedWithAnExample(_ text: String) {
        #expect(throws: DaemonError.invalidURL(text)) { try DaemonEndpoint(text) }
        #expect(
            DaemonError.invalidURL(text).description
                == "\"\(text)\" is not a daemon address. Give its http URL, e.g. --daemon http://reachy-mini.local:8000 "
                + "(a Wireless robot) or --daemon http://127.0.0.1:8000 (a daemon on this computer).")
    }

    @Test func multipartBodyCarriesTheFile() {
        let (body, type) = DaemonHTTP.multipart(
            field: "file", filename: "a.wav", contentType: "audio/wav", data: Data("XYZ".utf8))
        let boundary = String(type.dropFirst("multipart/form-data; boundary=".count))
        #expect(type.hasPrefix("multipart/form-data; boundary=reachy-"))
        #expect(
            String(decoding: body, as: UTF8.self)
                == "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n"
                + "Content-Type: audio/wav\r\n\r\nXYZ\r\n--\(boundary)--\r\n")
    }

    @Test func aStatusAnswerIsCheckedForADaemonThatRuns() throws {
        let endpoint = try DaemonEndpoint("http://127.0.0.1:8000")
        func answer(_ status: Int, _ body: String) -> DaemonHTTP.Response {
            DaemonHTTP.Response(status: status, body: Data(body.utf8))
        }
        #expect(throws: DaemonError.notADaemon(url: "http://127.0.0.1:8000", detail: "HTTP 404")) {
            try DaemonStatus.check(answer(404, "{\"detail\":\"Not Found\"}"), endpoint: endpoint)
        }
        #expect(throws: DaemonError.notADaemon(url: "http://127.0.0.1:8000", detail: "unexpected answer <html>")) {
            try DaemonStatus.check(answer(200, "<html>"), endpoint: endpoint)
        }
        #expect(
            throws: DaemonError.notRunning(
                url: "http://127.0.0.1:8000", state: "error", error: "No Reachy Mini serial port found.")
        ) {
            try DaemonStatus.check(
                answer(
                    200,
                    "{\"type\":\"daemon_status\",\"robot_name\":\"reachy_mini\",\"state\":\"error\","
                        + "\"error\":\"No Reachy Mini serial port found.\",\"no_media\":true}"), endpoint: endpoint)
        }
        let running = try DaemonStatus.check(
            answer(
                200,
                "{\"type\":\"daemon_status\",\"robot_name\":\"reachy_mini\",\"state\":\"running\",\"version\":\"1.13.0\","
                    + "\"no_media\":true,\"mockup_sim_enabled\":true,\"backend_status\":{\"motor_control_mode\":\"disabled\"}}"
            ),
            endpoint: endpoint)
        #expect(running.motorMode == "disabled" && running.noMedia && running.mockupSim && running.version == "1.13.0")
        #expect(
            DaemonError.notADaemon(url: "http://127.0.0.1:8000", detail: "HTTP 404").description
                == "http://127.0.0.1:8000 answers, but not as a Reachy Mini daemon (GET /api/daemon/status: HTTP 404). "
                + "Check the address and port (the daemon listens on 8000 by default).")
    }
}
