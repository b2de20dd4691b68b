import Bop
import Foundation
import Hummingbird

/// `/api/bop/*` (ours): check a Bop program, run it on the robot, stop it.
enum BopRoutes {
    /// A JSON body: `{"program": "…", "seed": 1}` (a text/plain body is the program itself).
    struct ProgramBody: Decodable {
        var program: String
        var seed: UInt64?
    }

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
            let result = try await compile(text, seed: seed, emotions: service.emotions)
            return JSONResponse.bytes(Data(checkJSON(result).utf8))
        }

        table.add(
            RouteInfo(
                method: .post, path: "/api/bop/run",
                summary:
                    "Check then play a Bop program on the robot (moves, voice and sounds; wakes the robot first) → {\"uuid\", "
                    + "\"duration\", \"warnings\", \"events\" (its WebSocket), \"timeline\" (SVG), \"audio\" (WAV for "
                    + "the page, simulator only), \"speech\" ([{line, start, duration, text}])}; 422 with the diagnostics "
                    + "when it has errors, 409 while a move runs. Its progress: /ws/bop/{uuid} (pushed) or GET "
                    + "/api/bop/events/{uuid}.", origin: .ours, body: bodyDoc)
        ) { request, _ in
            let (text, seed) = try await program(request, limit: limit)
            try service.requireRunning()
            // Compiling is pure (no file or network access), bounded by the compiler's budgets (steps, segments,
            // time) and done off the event loop.
            let result = try await compile(text, seed: seed, emotions: service.emotions)
            guard !result.hasErrors, result.timeline != nil else {
                let detail = "The program has problems; nothing moved. Fix them (see diagnostics) and run again."
                return problems(result, detail: detail)
            }
            let launch = try BopRunLauncher.start(result, on: service)
            let media = launch.media
            let id = launch.uuid.uuidString.lowercased()
            return JSONResponse.make(
                RunAnswer(
                    uuid: id, duration: launch.performer.duration + 1, warnings: launch.warnings,
                    events: "/ws/bop/\(id)",
                    timeline: "/api/bop/timeline/\(id)", audio: media.pagePlaysSound ? "/api/bop/audio/\(id)" : nil,
                    speech: media.speech))
        }

        table.add(
            RouteInfo(
                method: .get, path: "/api/bop/events/{uuid}",
                summary: "The progress of a run started by POST /api/bop/run, as `reachy run` prints it → {\"events\": "
                    + "[{index, kind (waking_up, playing, line, notice, warning, done), line?, time?, text, at}], "
                    + "\"finished\", "
                    + "\"outcome\"}; 404 for a run this service does not remember (it keeps the last 16).",
                origin: .ours,
                query: [
                    .init(
                        name: "after", type: "integer",
                        description: "Only the events numbered above this (the last index seen); default: all.")
                ])
        ) { request, context in
            let raw = context.parameters.get("uuid") ?? ""
            guard let uuid = UUID(uuidString: raw) else {
                throw ServiceError.unprocessable("Path parameter uuid must be a run's UUID (got \"\(raw)\").")
            }
            guard let progress = service.bopRuns.progress(uuid) else {
                throw ServiceError(
                    .notFound, "No Bop run \(raw) here: start one with POST /api/bop/run (the last 16 are kept).")
            }
            let after = try request.number("after", default: -1)
            guard after >= -1, after <= Double(Int.max / 2), after == after.rounded() else {
                throw ServiceError.unprocessable("Query parameter after must be a whole number, -1 or more.")
            }
            return JSONResponse.make(progress.snapshot(after: after < 0 ? nil : Int(after)))
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
        /// The WebSocket that pushes the run's progress (`BopRunSocket`).
        var events: String
        /// The run's timeline picture (SVG).
        var timeline: String
        /// The run's voice and sounds as WAV for the page to play; nil when they play on the robot's speaker (or
        /// the program is silent).
        var audio: String?
        /// Every `say`: when, for how long, on which line, the words (the page's speech bubble).
        var speech: [BopRunMedia.Speech]
    }

    /// Compiles on ``BopCompileQueue/shared`` (off the event loop, two at a time; cancelled with the request's
    /// task), its `play emotion` read from `emotions`; 503 when too many programs are already waiting.
    static func compile(_ text: String, seed: UInt64, emotions: BopEmotions) async throws -> BopResult {
        guard let result = await BopCompileQueue.shared.compile(text, seed: seed, emotions: emotions) else {
            throw ServiceError(
                .serviceUnavailable, "Too many Bop programs are being checked right now; try again in a moment.")
        }
        return result
    }

    /// 422 `{"detail", "diagnostics": […]}`: a program with errors, refused with what the checker found.
    static func problems(_ result: BopResult, detail: String) -> Response {
        JSONResponse.bytes(
            Data(
                "{\"detail\":\(JSONResponse.text(detail)),\"diagnostics\":\(DiagnosticFormatter.json(result.diagnostics))}"
                    .utf8), status: .unprocessableContent)
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
