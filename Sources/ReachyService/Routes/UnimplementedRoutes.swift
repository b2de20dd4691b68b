import Hummingbird

/// Official daemon areas this bridge does not implement: 501 with a message (listed in `/openapi.json`).
enum UnimplementedRoutes {
    static let areas: [(String, String)] = [
        ("/api/apps/**", "The app store (Hugging Face Spaces)"),
        ("/api/hf-auth/**", "Hugging Face sign-in"),
        ("/api/camera/**", "The camera"),
        ("/api/media/release", "Releasing media devices"),
        ("/api/media/acquire", "Acquiring media devices"),
        ("/api/media/status", "The media pipeline status"),
        ("/api/media/sounds/**", "Uploaded sounds"),
        ("/api/state/doa", "Sound direction of arrival"),
        ("/api/state/imu", "The IMU"),
        ("/api/audio/**", "Microphone-array configuration"),
        ("/api/kinematics/urdf", "The URDF description"),
        ("/api/kinematics/stl/**", "The STL meshes"),
        ("/api/volume/microphone/**", "The microphone volume"),
        ("/webrtc/**", "WebRTC streaming"),
    ]

    static func register(_ table: RouteTable, _ env: ServiceEnvironment) {
        for (path, what) in areas {
            for method in [HTTPRequest.Method.get, .post] {
                table.add(
                    RouteInfo(
                        method: method, path: path, summary: "\(what): not implemented (501).",
                        origin: .notImplemented)
                ) { _, _ in throw ServiceError.notImplemented(what) }
            }
        }
    }
}
