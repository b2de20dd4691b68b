/// The SDK's reference postures (`reachy_mini.py`): where `wake_up()` and `goto_sleep()` go.
public enum ReferencePoses {
    /// `INIT_HEAD_POSE`: the neutral head (identity). IK gives all Stewart motors ≈ ±0.6265 rad.
    public static let initHead = HeadPose.identity
    /// `INIT_ANTENNAS_JOINT_POSITIONS`: ±10° ("reduces shaking at vertical").
    public static let initAntennas = Antennas.rest
    /// `SLEEP_HEAD_POSE` (pitched ≈ 24° down, z −44 mm). The SDK stores it rounded to 3 decimals; this is the
    /// nearest proper rotation with the same translation.
    public static let sleepHead: HeadPose = {
        let rotation = Matrix3(
            Vector3(0.911, 0.004, 0.413), Vector3(-0.004, 1.0, -0.001), Vector3(-0.413, -0.001, 0.911))
        return HeadPose(rotation: rotation.nearestRotation ?? .identity, translation: Vector3(-0.021, 0.001, -0.044))
    }()
    /// `SLEEP_ANTENNAS_JOINT_POSITIONS`: ±3.05 rad (folded down).
    public static let sleepAntennas = Antennas.sleep
}
