import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import NIOCore
import ReachyPlayground

/// What the playground shows and plays while a Bop run performs (issue 15): its progress pushed over
/// `/ws/bop/{uuid}`, its timeline picture, and — on the simulator — its voice and sounds for the page to play.
enum BopRunRoutes {
    static func register(_ table: RouteTable, _ env: ServiceEnvironment) {
        let service = env.service

        table.webSocket(
            RouteInfo(
                method: .get, path: "/ws/bop/{uuid}",
                summary: "WebSocket: the progress of a run started by POST /api/bop/run, pushed as it happens: every "
                    + "event of GET /api/bop/events/{uuid} from the start as {\"type\": \"bop_progress\", index, kind, "
                    + "line?, time?, text, at}, then {\"type\": \"bop_finished\", \"outcome\"} and a normal close; for a "
                    + "run this service does not remember, {\"type\": \"bop_error\", \"detail\"} and close code 1008.",
                origin: .ours)
        ) { _, outbound, context in
            let found: BopRunLog.Run
            do {
                found = try run(context.requestContext.parameters.get("uuid"), service)
            } catch let error as ServiceError {
                try await BopRunSocket.refuse(error.detail, on: outbound)
                return
            }
            try await service.hub.untilShutdown {
                try await BopRunSocket.push(found.progress, to: outbound)
            }
        }

        table.add(
            RouteInfo(
                method: .get, path: "/api/bop/timeline/{uuid}",
                summary: "The timeline of a run started by POST /api/bop/run as an SVG picture (lanes per part, a box "
                    + "per move; the root's data-origin-x and data-pixels-per-second place a playhead).", origin: .ours)
        ) { _, context in
            let media = try media(context.parameters.get("uuid"), service)
            var response = Response(
                status: .ok,
                body: ResponseBody(
                    byteBuffer: ByteBuffer(string: PlaygroundTimeline.svg(media.timeline, source: media.source))))
            response.headers[.contentType] = "image/svg+xml; charset=utf-8"
            return response
        }

        table.add(
            RouteInfo(
                method: .get, path: "/api/bop/audio/{uuid}",
                summary: "The voice and sounds of a run started by POST /api/bop/run as a WAV file (16-bit mono, "
                    + "22 050 Hz, starting when the motion starts) for the playground to play, when the robot is the "
                    + "simulator; 409 on a robot (they play on its speaker), 404 for a silent program.", origin: .ours)
        ) { _, context in
            let media = try media(context.parameters.get("uuid"), service)
            guard service.simulated else {
                throw ServiceError.conflict(
                    "The robot plays this program's voice and sounds on its own speaker; the page does not play them "
                        + "a second time.")
            }
            guard media.pagePlaysSound else {
                throw ServiceError.notFound("This program says nothing and plays no sound: there is no audio to play.")
            }
            let bytes: [UInt8]
            do {
                bytes = try await media.soundWAV()
            } catch {
                throw ServiceError(.serviceUnavailable, "The program's voice could not be made: \(error)")
            }
            var response = Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
            response.headers[.contentType] = "audio/wav"
            response.headers[.cacheControl] = "no-store"
            return response
        }
    }

    /// The remembered run a path's `uuid` names; 422 for a malformed one, 404 for one not remembered.
    static func run(_ raw: String?, _ service: RobotService) throws -> BopRunLog.Run {
        let raw = raw ?? ""
        guard let uuid = UUID(uuidString: raw) else {
            throw ServiceError.unprocessable("Path parameter uuid must be a run's UUID (got \"\(raw)\").")
        }
        guard let run = service.bopRuns.run(uuid) else {
            throw ServiceError(
                .notFound, "No Bop run \(raw) here: start one with POST /api/bop/run (the last 16 are kept).")
        }
        return run
    }

    /// The media of the run a path's `uuid` names.
    static func media(_ raw: String?, _ service: RobotService) throws -> BopRunMedia {
        guard let media = try run(raw, service).media else {
            throw ServiceError(.notFound, "Bop run \(raw ?? "") has no timeline to show.")
        }
        return media
    }
}
