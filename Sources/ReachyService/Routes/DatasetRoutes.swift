import Foundation
import Hummingbird
import ReachyMotion

/// The daemon's recorded-move dataset routes, served from local copies (``MoveLibrary``: `--moves-dir` folders and
/// the Hugging Face cache; never the network): list a dataset's moves, play one.
enum DatasetRoutes {
    static func register(_ table: RouteTable, _ env: ServiceEnvironment) {
        let service = env.service

        table.add(
            RouteInfo(
                method: .get, path: "/api/move/recorded-move-datasets/list/{org}/{name}",
                summary: "The moves of a local recorded-move dataset ORG/NAME (a --moves-dir folder or the Hugging "
                    + "Face cache): [\"name\", …], sorted. 404 for a name that is not ORG/NAME, and when the "
                    + "dataset is not on this computer (the message says how to make it local: ReachyBridge never "
                    + "downloads).",
                origin: .official)
        ) { _, context in
            let index = try dataset(context, service)
            return JSONResponse.make(index.names)
        }

        table.add(
            RouteInfo(
                method: .post, path: "/api/move/play/recorded-move-dataset/{org}/{name}/{move}",
                summary: "Play a move of a local recorded-move dataset → {\"uuid\"}: listed in /api/move/running, "
                    + "stopped by /api/move/stop, every frame through the safety limits, its WAV sound with it (a "
                    + "sound in another format is not played; the answer's \"notice\" says so, as it does with the "
                    + "motors off). 404 for an unknown move (with a did-you-mean), 422 for a malformed move file.",
                origin: .official)
        ) { _, context in
            let index = try dataset(context, service)
            let name = context.parameters.get("move") ?? ""
            let move = try load(name, from: index)
            try service.requireRunning()
            let started = await service.startRecordedMove(move)
            return JSONResponse.make(MoveUUID(uuid: started.uuid, notice: started.notice))
        }

        // A dataset name without its organization: the daemon's `{dataset_name:path}` takes any path; here it must
        // be ORG/NAME (deeper paths are 404 too, from the router).
        for (method, path) in [
            (HTTPRequest.Method.get, "/api/move/recorded-move-datasets/list/{org}"),
            (.post, "/api/move/play/recorded-move-dataset/{org}"),
            (.post, "/api/move/play/recorded-move-dataset/{org}/{name}"),
        ] {
            table.add(
                RouteInfo(
                    method: method, path: path, summary: "A dataset without its organization: 404 (write ORG/NAME).",
                    origin: .official)
            ) { request, _ in
                throw ServiceError.notFound(
                    "\(request.uri.path) does not name a dataset as ORG/NAME (e.g. \(MoveDatasetID.emotions)).")
            }
        }
    }

    /// The index of the dataset named by the path.
    static func dataset(_ context: RouteTable.Context, _ service: RobotService) throws(ServiceError) -> MoveDataset {
        let org = context.parameters.get("org") ?? ""
        let name = context.parameters.get("name") ?? ""
        do {
            return try service.moveLibrary.dataset(named: "\(org)/\(name)")
        } catch {
            throw serviceError(error)
        }
    }

    /// The move `name` of `index`.
    static func load(_ name: String, from index: MoveDataset) throws(ServiceError) -> DatasetMove {
        do {
            return try index.move(name)
        } catch {
            throw serviceError(error)
        }
    }

    /// The HTTP answer for a dataset problem: 404 for a name that is not ORG/NAME or an unknown move (the daemon's
    /// answers), and for a dataset not on this computer (the daemon would download it; here the message says how
    /// to make it local), 422 for a bad move file, 500 for a broken cache or an unreadable folder.
    static func serviceError(_ error: MoveDatasetError) -> ServiceError {
        switch error {
        case .invalidDatasetName, .unknownMove, .notInstalled: return .notFound(error.description)
        case .badMove: return .unprocessable(error.description)
        case .brokenCache, .unreadableDirectory: return ServiceError(.internalServerError, error.description)
        }
    }
}
