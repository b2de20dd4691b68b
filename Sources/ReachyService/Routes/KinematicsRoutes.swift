import Hummingbird

/// `/api/kinematics/info`.
enum KinematicsRoutes {
    static func register(_ table: RouteTable, _ env: ServiceEnvironment) {
        table.add(
            RouteInfo(
                method: .get, path: "/api/kinematics/info",
                summary: "The kinematics engine: {\"info\": {\"engine\", \"collision check\"}}.", origin: .official)
        ) { _, _ in
            JSONResponse.make(KinematicsInfo())
        }
    }

    struct KinematicsInfo: Encodable {
        struct Info: Encodable {
            var engine = "AnalyticalKinematics"
            var collision = false
            var safety = "ReachyBridge SafeKinematics (joint limits, body-yaw coupling, speed cap)"
            enum CodingKeys: String, CodingKey {
                case engine
                case collision = "collision check"
                case safety
            }
        }
        var info = Info()
    }
}
