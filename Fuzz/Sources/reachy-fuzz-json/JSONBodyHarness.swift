import Foundation

@testable import ReachyService

/// Decodes the input as every JSON request body the service reads, and validates what decodes the way the routes
/// do (without a robot). Any outcome but a value or a `ServiceError` would be a 500 for the client.
enum JSONBodyHarness {
    static func run(_ bytes: [UInt8]) {
        let data = Data(bytes)
        if let body = try? JSONBody.decode(GotoRequest.self, from: data) {
            _ = try? ValidatedTarget.duration(body.duration)
            _ = try? body.head_pose?.headPose(field: "head_pose")
            _ = try? ValidatedTarget.antennas(body.antennas, field: "antennas")
            _ = try? ValidatedTarget.bodyYaw(body.body_yaw, field: "body_yaw")
            _ = try? ValidatedTarget.method(body.interpolation)
        }
        if let body = try? JSONBody.decode(FullBodyTarget.self, from: data) {
            _ = try? body.target_head_pose?.headPose(field: "target_head_pose")
            _ = try? ValidatedTarget.antennas(body.target_antennas, field: "target_antennas")
            _ = try? ValidatedTarget.bodyYaw(body.target_body_yaw, field: "target_body_yaw")
        }
        _ = try? JSONBody.decode(MoveUUID.self, from: data)
        _ = try? JSONBody.decode(SDKInbound.self, from: data)
        _ = try? JSONBody.decode(BopRoutes.ProgramBody.self, from: data)
        _ = try? JSONBody.decode(MediaRoutes.PlaySoundRequest.self, from: data)
        _ = try? JSONBody.decode(MediaRoutes.VolumeRequest.self, from: data)
    }
}
