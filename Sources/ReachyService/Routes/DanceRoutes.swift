import Hummingbird
import ReachyMotion

/// `GET /api/dances` (ours): the official dance catalogue.
enum DanceRoutes {
    static func register(_ table: RouteTable, _ env: ServiceEnvironment) {
        table.add(
            RouteInfo(
                method: .get, path: "/api/dances",
                summary: "The official dances: [{name, beats, description, parameters}] and the default tempo.",
                origin: .ours)
        ) { _, _ in
            do {
                return JSONResponse.make(
                    Catalogue(default_bpm: DanceCatalog.defaultBPM, dances: try DanceCatalog.all()))
            } catch {
                throw ServiceError(.internalServerError, String(describing: error))
            }
        }
    }

    struct Catalogue: Encodable {
        var default_bpm: Double
        var dances: [DanceInfo]
    }
}
