import Bop
import Foundation
import Hummingbird
import ReachyFleet

/// `/api/class/*` (ours, with `reachy serve --teach`): the classroom page's view of a class — every robot's status
/// and pose, sending the editor's program to a selection, stopping them. The page talks only to these routes; the
/// service talks MQTT to the class as a ``FleetTeacher``.
enum ClassroomRoutes {
    /// `POST /api/class/run`: `{"program", "robots"?: [names] (nil or empty: all), "lead"?: seconds (2)}`.
    struct RunBody: Decodable {
        var program: String
        var robots: [String]?
        var lead: Double?
        var seed: UInt64?
    }

    /// `POST /api/class/stop`: `{"robots"?: [names]}` (nil or empty: all).
    struct StopBody: Decodable {
        var robots: [String]?
    }

    /// One robot as the page draws it.
    struct RobotView: Encodable {
        var status: RobotPresence
        var state: RobotStateSample?
        var lastEvent: FleetEvent?
    }

    static func register(_ table: RouteTable, _ env: ServiceEnvironment) {
        guard let teacher = env.classroom else { return }
        let limit = env.limit
        let emotions = env.service.emotions

        table.add(
            RouteInfo(
                method: .get, path: "/api/class/robots",
                summary: "The class's robots (with `reachy serve --teach`) → {\"class\", \"robots\": [{status, state "
                    + "(joints, head pose, moving; 5 Hz), lastEvent}]}.", origin: .ours)
        ) { _, _ in
            let snapshot = teacher.snapshot
            var last: [String: FleetEvent] = [:]
            for event in snapshot.events { last[event.robot] = event }
            let robots = snapshot.roster.values.sorted { $0.name < $1.name }.map {
                RobotView(status: $0, state: snapshot.states[$0.name], lastEvent: last[$0.name])
            }
            return JSONResponse.make(Roster(class: teacher.topics.classroom, robots: robots))
        }

        table.add(
            RouteInfo(
                method: .post, path: "/api/class/run",
                summary: "Send a Bop program to robots of the class, starting together → {\"ids\", \"at\"}; 422 with "
                    + "the diagnostics when it has errors (nothing is sent).", origin: .ours,
                body: "JSON {program, robots? (names; none: all), lead? (seconds, default 2), seed?}.")
        ) { request, _ in
            let body = try await JSONBody.decode(RunBody.self, from: request, limit: limit)
            let lead = body.lead ?? 2
            guard lead.isFinite, (0...60).contains(lead) else {
                throw ServiceError.unprocessable("lead must be 0 to 60 seconds.")
            }
            let targets = try targets(body.robots)
            let result = try await BopRoutes.compile(body.program, seed: body.seed ?? 1, emotions: emotions)
            guard !result.hasErrors else {
                let detail = "The program has problems; nothing was sent. Fix them (see diagnostics)."
                return BopRoutes.problems(result, detail: detail)
            }
            let at = WallClock.now() + lead
            var ids: [String] = []
            for target in targets {
                do {
                    ids.append(
                        try await teacher.send(.run, program: body.program, seed: body.seed, at: at, to: target))
                } catch {
                    throw ServiceError(.serviceUnavailable, String(describing: error))
                }
            }
            return JSONResponse.make(RunAnswer(ids: ids, at: at))
        }

        table.add(
            RouteInfo(
                method: .post, path: "/api/class/stop",
                summary: "Stop robots of the class (they hold where they are) → {\"ids\"}.", origin: .ours,
                body: "JSON {robots? (names; none: all)}.")
        ) { request, _ in
            let data = try await JSONBody.collect(request, limit: limit)
            let body = data.isEmpty ? StopBody() : try JSONBody.decode(StopBody.self, from: data)
            var ids: [String] = []
            for target in try targets(body.robots) {
                do {
                    ids.append(try await teacher.send(.stop, to: target))
                } catch {
                    throw ServiceError(.serviceUnavailable, String(describing: error))
                }
            }
            return JSONResponse.make(["ids": ids])
        }
    }

    /// The command targets of a selection: every robot for none, else one per name (each checked).
    static func targets(_ names: [String]?) throws -> [FleetTarget] {
        guard let names, !names.isEmpty else { return [.all] }
        guard names.count <= 100 else { throw ServiceError.unprocessable("At most 100 robots at once.") }
        return try names.map { name in
            do {
                try FleetTopics.check(name, kind: "robot name")
            } catch {
                throw ServiceError.unprocessable(String(describing: error))
            }
            return .robot(name)
        }
    }

    struct Roster: Encodable {
        var `class`: String
        var robots: [RobotView]
    }

    struct RunAnswer: Encodable {
        var ids: [String]
        var at: Double
    }
}
