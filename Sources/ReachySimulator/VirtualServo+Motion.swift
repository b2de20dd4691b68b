import Foundation

/// The physical model: the horn moves towards its goal within the speed and acceleration the registers allow,
/// and the present-value registers are derived from that motion.
extension VirtualServo {
    typealias T = VirtualControlTable

    /// Whether Drive Mode's reverse bit (bit 0) is set.
    var isReversed: Bool { memory[T.driveMode.address] & 0x01 != 0 }
    /// Whether Drive Mode's time-based profile bit (bit 2) is set.
    var isTimeBasedProfile: Bool { memory[T.driveMode.address] & 0x04 != 0 }
    /// Operating Mode (11).
    var operatingMode: UInt8 { memory[T.operatingMode.address] }
    /// Whether the operating mode follows Goal Position (position, extended position, current-based position).
    var followsGoalPosition: Bool { [3, 4, 5].contains(operatingMode) }

    /// The present-position reading for a shaft angle: Homing Offset plus the (possibly reversed) angle.
    func present(forShaft shaft: Double) -> Double {
        Double(value(T.homingOffset)) + (isReversed ? -shaft : shaft)
    }

    /// The shaft angle that reads `present`.
    func shaft(forPresent present: Double) -> Double {
        let relative = present - Double(value(T.homingOffset))
        return isReversed ? -relative : relative
    }

    /// The present position as a real number.
    var presentExact: Double { present(forShaft: shaftPosition) }

    /// The fastest the horn may turn now, pulses per second.
    var speedCap: Double {
        let noLoad = model.noLoadSpeedRPM * VirtualServo.pulsesPerRevolution / 60
        let limit = Double(value(T.velocityLimit)) * VirtualServo.velocityUnit
        return max(VirtualServo.velocityUnit, min(noLoad, limit))
    }

    /// The profile's top speed (pulses/s) and acceleration (pulses/s², infinite when none).
    var profile: (speed: Double, acceleration: Double) {
        let profileVelocity = Double(value(T.profileVelocity))
        let profileAcceleration = Double(value(T.profileAcceleration))
        var speed = speedCap
        var acceleration = Double.infinity
        if isTimeBasedProfile {
            // Profile Velocity is the total move time and Profile Acceleration the ramp time, both in ms.
            if profileVelocity > 0 {
                let total = profileVelocity / 1000
                let ramp = min(profileAcceleration / 1000, total / 2)
                let cruise = max(total - ramp, 1e-3)
                speed = min(speed, max(abs(profileDistance) / cruise, 1))
                if ramp > 0 { acceleration = speed / ramp }
            }
        } else {
            if profileVelocity > 0 { speed = min(speed, profileVelocity * VirtualServo.velocityUnit) }
            if profileAcceleration > 0 { acceleration = profileAcceleration * VirtualServo.accelerationUnit }
        }
        return (speed, acceleration)
    }

    /// The goal the horn heads for, clamped to the position limits in position and current-based position modes.
    var motionTarget: Double {
        let goal = Double(value(T.goalPosition))
        guard operatingMode == 3 || operatingMode == 5 else { return goal }
        let low = Double(value(T.minPositionLimit))
        let high = Double(value(T.maxPositionLimit))
        return low <= high ? min(max(goal, low), high) : goal
    }

    /// Moves simulated time forward by `elapsed`: in one closed-form step while the horn is at rest, else in steps
    /// of 1 ms (spans longer than 2 s use 2,000 larger steps, so a late request never stalls the bus).
    public mutating func advance(by elapsed: Duration) {
        guard elapsed > .zero else { return }
        let total = elapsed.seconds
        if isAtRest {
            // Nothing moves: only the winding cools or warms, in closed form (idle time costs nothing).
            acceleration = 0
            let target = VirtualServo.ambientTemperature + abs(presentCurrentEstimate) * 0.012
            temperature += (target - temperature) * (1 - exp(-total / 120))
            uptime += elapsed
            refresh()
            return
        }
        let stepCount = max(1, min(2_000, Int((total / 0.001).rounded(.up))))
        let step = total / Double(stepCount)
        for _ in 0..<stepCount { integrate(step) }
        uptime += elapsed
        refresh()
    }

    /// Whether the horn is still and will stay still: torque off, or holding its goal (or in a mode that does
    /// not move).
    var isAtRest: Bool {
        guard velocity == 0 else { return false }
        guard torqueEnabled else { return true }
        switch operatingMode {
        case 3, 4, 5: return abs(motionTarget - presentExact) < 1e-9
        case 1: return value(T.goalVelocity) == 0
        default: return true
        }
    }

    /// One integration step of `dt` seconds.
    mutating func integrate(_ dt: Double) {
        let previousVelocity = velocity
        if torqueEnabled {
            switch operatingMode {
            case 3, 4, 5: stepTowardsGoal(dt)
            case 1:
                let goal = Double(value(T.goalVelocity)) * VirtualServo.velocityUnit
                velocity = min(max(goal, -speedCap), speedCap)
                moveShaft(by: velocity * dt)
            default:
                velocity = 0
            }
        } else {
            velocity = 0
        }
        acceleration = (velocity - previousVelocity) / dt
        // The winding warms with the current it carries and cools towards room temperature (time constant 120 s).
        let target = VirtualServo.ambientTemperature + abs(presentCurrentEstimate) * 0.012
        temperature += (target - temperature) * (1 - exp(-dt / 120))
    }

    mutating func stepTowardsGoal(_ dt: Double) {
        let target = motionTarget
        let position = presentExact
        let distance = target - position
        let (topSpeed, maxAcceleration) = profile
        if abs(distance) < 1e-6 && abs(velocity) < 1e-6 {
            velocity = 0
            return
        }
        // Trapezoidal: never faster than the profile, and slow enough to stop at the target.
        var speed = topSpeed
        if maxAcceleration.isFinite { speed = min(speed, (2 * maxAcceleration * abs(distance)).squareRoot()) }
        let desired = distance < 0 ? -speed : speed
        if maxAcceleration.isFinite {
            let change = min(max(desired - velocity, -maxAcceleration * dt), maxAcceleration * dt)
            velocity += change
        } else {
            velocity = desired
        }
        let step = velocity * dt
        if (distance > 0 && step >= distance) || (distance < 0 && step <= distance) || distance == 0 {
            moveShaft(by: distance)
            velocity = 0
        } else {
            moveShaft(by: step)
        }
    }

    /// Moves the horn by `delta` pulses in the present-position frame.
    mutating func moveShaft(by delta: Double) {
        shaftPosition += isReversed ? -delta : delta
    }

    /// The current the motor draws, mA (signed), from speed, acceleration and a small holding current.
    var presentCurrentEstimate: Double {
        guard torqueEnabled else { return 0 }
        if operatingMode == 0 { return Double(value(T.goalCurrent)) }
        let noLoad = model.noLoadSpeedRPM * VirtualServo.pulsesPerRevolution / 60
        let running = 130 * velocity / noLoad
        let accelerating = 0.02 * acceleration
        let holding = 5.0
        let limit = Double(value(T.currentLimit))
        let total = running + accelerating + (velocity < 0 ? -holding : holding)
        return min(max(total, -limit), limit)
    }

    /// Recomputes every present-value register from the physical state.
    mutating func refresh() {
        let position = presentExact
        set(T.presentPosition, Int64(position.rounded()))
        set(T.positionTrajectory, Int64(position.rounded()))
        let velocityUnits = Int64((velocity / VirtualServo.velocityUnit).rounded())
        set(T.presentVelocity, velocityUnits)
        set(T.velocityTrajectory, velocityUnits)
        set(T.presentCurrent, Int64(presentCurrentEstimate.rounded()))
        let noLoad = model.noLoadSpeedRPM * VirtualServo.pulsesPerRevolution / 60
        set(T.presentPWM, torqueEnabled ? Int64((885 * velocity / noLoad).rounded()) : 0)
        set(T.presentInputVoltage, Int64((supplyVoltage * 10).rounded()))
        set(T.presentTemperature, Int64(temperature.rounded()))
        let milliseconds = uptime.components.seconds * 1000 + uptime.components.attoseconds / 1_000_000_000_000_000
        set(T.realtimeTick, milliseconds % 32768)
        let threshold = Double(value(T.movingThreshold)) * VirtualServo.velocityUnit
        let isMoving = abs(velocity) > threshold
        memory[T.moving.address] = isMoving ? 1 : 0
        var status: UInt8 = 0
        if followsGoalPosition {
            let remaining = abs(Double(value(T.goalPosition)) - position)
            if remaining <= 1 { status |= 0x01 }
            if torqueEnabled && (abs(velocity) > 0 || abs(motionTarget - position) > 1) { status |= 0x02 }
            let profileVelocity = value(T.profileVelocity)
            let profileAcceleration = value(T.profileAcceleration)
            if profileVelocity > 0 && profileAcceleration > 0 {
                status |= 0x30
            } else if profileVelocity > 0 {
                status |= 0x10
            }
        }
        memory[T.movingStatus.address] = status
        if temperature > Double(value(T.temperatureLimit))
            && hardwareErrorStatus & HardwareErrorBits.overheating.rawValue == 0
        {
            raiseHardwareError(.overheating)
        }
    }
}
