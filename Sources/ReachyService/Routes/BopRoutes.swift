import Bop
import Foundation
import Hummingbird
import ReachyBridge

/// `/api/bop/*` (ours): check a Bop program, run it on the robot, stop it.
enum BopRoutes {
    /// A JSON body: `{"program": "…", "seed": 1}` (a text/plain body is the program itself).
    struct ProgramBody: Decodable {
        var program: String
        var seed: UInt64?
    }

    /// Samples per second of the timeline played (like `reachy run`).
    static let frameRate = 50

    static func register(_ table: RouteTable, _ env: ServiceEnvironment) {
        let service = env.service
        let limit = env.limit
        let bodyDoc = "The program as text/plain, or JSON {program, seed?}."

        table.add(
            RouteInfo(
                method: .post, path: "/api/bop/check",
                summary: "Check a Bop program → {\"ok\": no errors, \"diagnostics\": the `reachy check --json` "
                    + "array}.", origin: .ours, body: bodyDoc)
        ) { request, _ in
            let (text, seed) = try await program(request, limit: limit)
            let result = try await compile(text, seed: seed)
            return JSONResponse.bytes(Data(checkJSON(result).utf8))
        }

        table.add(
            RouteInfo(
                method: .post, path: "/api/bop/run",
                summary: "Check then play a Bop program on the robot (motion; wakes the robot first) → {\"uuid\", "
                    + "\"duration\", \"warnings\"}; 422 with the diagnostics when it has errors, 409 while a move "
                    + "runs.", origin: .ours, body: bodyDoc)
        ) { request, _ in
            let (text, seed) = try await program(request, limit: limit)
            try service.requireRunning()
            // Compiling is pure (no file or network access), bounded by the compiler's budgets (steps, segments,
            // time) and done off the event loop.
            let result = try await compile(text, seed: seed)
            guard !result.hasErrors, let timeline = result.timeline else {
                let detail = "The program has problems; nothing moved. Fix them (see diagnostics) and run again."
                return JSONResponse.bytes(
                    Data(
                        "{\"detail\":\(JSONResponse.text(detail)),\"diagnostics\":\(DiagnosticFormatter.json(result.diagnostics))}"
                            .utf8), status: .unprocessableContent)
            }
            let motion: BopMotion
            do {
                motion = try BopMotion(timeline: timeline, rate: frameRate)
            } catch {
                throw ServiceError.unprocessable("The program could not be turned into a move: \(error)")
            }
            let robot = service.robot
            let (uuid, started) = service.moves.start(kind: "bop") {
                if robot.motorMode != .enabled { try await robot.wakeUp() }
                let first = motion.frames.first ?? MoveFrame(head: .identity, antennas: .zero, bodyYaw: 0)
                try await robot.goto(head: first.head, antennas: first.antennas, bodyYaw: first.bodyYaw, duration: 1)
                try await robot.play(motion.move, initialGotoDuration: 0)
            }
            guard started else {
                throw ServiceError.conflict(
                    "A move is running (GET /api/move/running); stop it (POST /api/bop/stop or /api/move/stop) first.")
            }
            return JSONResponse.make(
                RunAnswer(
                    uuid: uuid.uuidString.lowercased(), duration: timeline.duration.doubleValue + 1,
                    warnings: motion.warnings.map(\.description)))
        }

        table.add(
            RouteInfo(
                method: .post, path: "/api/bop/stop",
                summary: "Stop the running Bop program(s) → {\"stopped\": [uuid]}; the robot holds where it is.",
                origin: .ours)
        ) { _, _ in
            let stopped = await service.moves.stopAll(kind: "bop")
            return JSONResponse.make(["stopped": stopped.map { $0.uuidString.lowercased() }])
        }
    }

    struct RunAnswer: Encodable {
        var uuid: String
        /// Seconds, including the 1 s approach to the first pose.
        var duration: Double
        var warnings: [String]
    }

    /// Compiles on ``BopCompileQueue/shared`` (off the event loop, two at a time; cancelled with the request's
    /// task); 503 when too many programs are already waiting.
    static func compile(_ text: String, seed: UInt64) async throws -> BopResult {
        guard let result = await BopCompileQueue.shared.compile(text, seed: seed) else {
            throw ServiceError(
                .serviceUnavailable, "Too many Bop programs are being checked right now; try again in a moment.")
        }
        return result
    }

    /// `{"ok": …, "diagnostics": […]}`.
    static func checkJSON(_ result: BopResult) -> String {
        "{\"ok\":\(!result.hasErrors),\"diagnostics\":\(DiagnosticFormatter.json(result.diagnostics))}"
    }

    /// The program text and seed of a request.
    static func program(_ request: Request, limit: Int) async throws -> (String, UInt64) {
        let data = try await JSONBody.collect(request, limit: limit)
        let type = request.headers[.contentType]?.lowercased() ?? ""
        if type.hasPrefix("application/json") {
            let body = try JSONBody.decode(ProgramBody.self, from: data)
            return (body.program, body.seed ?? 1)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ServiceError.badRequest("The program must be UTF-8 text.")
        }
        return (text, 1)
    }
}
