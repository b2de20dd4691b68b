/// Interpolation between two head poses (the SDK's `linear_pose_interpolation`).
public enum PoseInterpolation {
    /// The pose at `alpha` between `start` (α = 0) and `target` (α = 1); α outside [0, 1] extrapolates.
    ///
    /// Translation is interpolated linearly. Rotation follows the geodesic (rotation-vector SLERP) unless
    /// `yawAsScalar`, in which case the xyz-Euler yaw is interpolated as a signed scalar (so a turn from −150° to
    /// +150° goes through the front, not the back) and only the roll/pitch residual is SLERPed.
    public static func interpolate(from start: HeadPose, to target: HeadPose, alpha: Double, yawAsScalar: Bool = false)
        -> HeadPose
    {
        let rs = start.rotation
        let re = target.rotation
        let rotation: Matrix3
        if yawAsScalar {
            let ys = rs.euler.yaw
            let ye = re.euler.yaw
            let yaw = ys + (ye - ys) * alpha
            let resStart = Matrix3.rotationZ(-ys) * rs
            let resEnd = Matrix3.rotationZ(-ye) * re
            let rel = (resStart.transposed * resEnd).rotationVector
            rotation = Matrix3.rotationZ(yaw) * (resStart * .rotation(vector: rel * alpha))
        } else {
            let rel = (rs.transposed * re).rotationVector
            rotation = rs * .rotation(vector: rel * alpha)
        }
        let translation = start.translation + (target.translation - start.translation) * alpha
        return HeadPose(rotation: rotation, translation: translation)
    }
}
