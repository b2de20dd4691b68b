/// One leg of the Stewart platform: a motor with its arm, a rod, and the rod's anchor on the head platform.
public struct StewartBranch: Sendable, Equatable {
    /// The motor this leg belongs to.
    public var motor: ReachyMotor
    /// Rod attachment point on the platform, in the platform frame (meters).
    public var anchor: Vector3
    /// Transform from the (body-rotated) world frame to the motor frame (`T_motor_world`).
    public var motorFromWorld: HeadPose
    /// Transform from the motor frame to the world frame (inverse of ``motorFromWorld``).
    public var worldFromMotor: HeadPose
    /// Which of the two closed-form solutions this leg uses (−1 or +1).
    public var solutionSign: Double

    /// Creates a branch; `motorFromWorld` rows are the first three rows of `T_motor_world`.
    public init(motor: ReachyMotor, anchor: Vector3, motorFromWorld: HeadPose, solutionSign: Double) {
        self.motor = motor
        self.anchor = anchor
        self.motorFromWorld = motorFromWorld
        self.worldFromMotor = motorFromWorld.generalInverse
        self.solutionSign = solutionSign
    }
}

/// The Stewart-platform geometry of the head (official `kinematics_data.json` of reachy-mini 1.13.0).
public struct StewartGeometry: Sendable, Equatable {
    /// Motor arm (horn) length `rs`, meters.
    public var motorArmLength: Double
    /// Rod length `rp`, meters.
    public var rodLength: Double
    /// Height of the platform origin above the base frame for the neutral head, meters (added to the SDK z).
    public var headZOffset: Double
    /// The six legs, s1…s6.
    public var branches: [StewartBranch]

    /// Creates a geometry.
    public init(motorArmLength: Double, rodLength: Double, headZOffset: Double, branches: [StewartBranch]) {
        self.motorArmLength = motorArmLength
        self.rodLength = rodLength
        self.headZOffset = headZOffset
        self.branches = branches
    }

    /// The Reachy Mini geometry (constants verbatim from the official data file).
    public static let reachyMini = StewartGeometry(
        motorArmLength: 0.04000000000000001,
        rodLength: 0.08499999999999995,
        headZOffset: 0.177,
        branches: [
            branch(
                .stewart1, -1, (0.020648178337122566, 0.021763723638894568, 1.0345743467476964e-07),
                (0.8660247915798898, -0.5000010603626028, -2.298079077119539e-06, -0.009999848080267933),
                (4.490195936008854e-06, 3.1810770986818273e-06, 0.999999999984859, -0.07663346037245178),
                (-0.500001060347722, -0.8660247915770963, 4.999994360718464e-06, 0.03666015757925319)),
            branch(
                .stewart2, 1, (0.00852381571767217, 0.028763668526131346, 1.183437210727778e-07),
                (-0.8660211183436269, 0.5000074225224785, 2.298069723064582e-06, -0.01000055227585102),
                (-4.490219645842903e-06, -3.181063409649239e-06, -0.999999999984859, 0.07663346037219607),
                (-0.5000074225075973, -0.8660211183408337, 5.00001124330122e-06, 0.03666008712637943)),
            branch(
                .stewart3, -1, (-0.029172011376922807, 0.0069999429399361995, 4.0290270064691214e-08),
                (6.326794896519466e-06, 0.9999999999799852, -7.0550646912150425e-12, -0.009999884140839245),
                (-1.0196153102346142e-06, 1.3505961633338446e-11, 0.9999999999994795, -0.07663346037438698),
                (0.9999999999794655, -6.326794896940104e-06, 1.0196153098685706e-06, 0.036660683387545835)),
            branch(
                .stewart4, 1, (-0.029172040355214434, -0.0069999960097160766, -3.1608172912367394e-08),
                (-3.673205069955933e-06, -0.9999999999932537, -6.767968877969483e-14, -0.010000000000897517),
                (1.0196153102837198e-06, -3.6775764393585005e-12, -0.9999999999994795, 0.0766334603742898),
                (0.9999999999927336, -3.673205070385213e-06, 1.0196153102903487e-06, 0.03666065685180194)),
            branch(
                .stewart5, -1, (0.008523809101930114, -0.028763713010385224, -1.4344916837716326e-07),
                (-0.8660284647694133, -0.4999946981757419, 2.298079429767357e-06, -0.010000231529504576),
                (4.490172883391843e-06, -3.1811099293773187e-06, 0.9999999999848591, -0.07663346037246624),
                (-0.4999946981608617, 0.8660284647666201, 4.999994384073154e-06, 0.03666016059492482)),
            branch(
                .stewart6, 1, (0.020648186722822436, -0.02176369606185343, -8.957920105689965e-08),
                (0.8660247915798897, 0.5000010603626025, -2.298069644866714e-06, -0.009999527331574583),
                (-4.490196220318687e-06, 3.1810964558725514e-06, -0.9999999999848591, 0.07663346037272492),
                (-0.500001060347722, 0.8660247915770967, 5.000011266610794e-06, 0.036660231042625266)),
        ])

    private typealias Row = (Double, Double, Double, Double)

    private static func branch(
        _ motor: ReachyMotor, _ sign: Double, _ a: (Double, Double, Double), _ r0: Row, _ r1: Row, _ r2: Row
    ) -> StewartBranch {
        let pose = HeadPose(
            rotation: Matrix3(Vector3(r0.0, r0.1, r0.2), Vector3(r1.0, r1.1, r1.2), Vector3(r2.0, r2.1, r2.2)),
            translation: Vector3(r0.3, r1.3, r2.3))
        return StewartBranch(motor: motor, anchor: Vector3(a.0, a.1, a.2), motorFromWorld: pose, solutionSign: sign)
    }
}
