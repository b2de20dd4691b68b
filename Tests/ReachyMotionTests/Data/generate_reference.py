#!/usr/bin/env python3
"""Generate the reference data the ReachyMotion tests compare against.

The oracle is the official Python stack, installed from PyPI into a throw-away venv:

    python3 -m venv .venv-motion
    .venv-motion/bin/pip install --no-deps reachy-mini==1.13.0 reachy-mini-dances-library==0.2.1
    .venv-motion/bin/pip install numpy reachy-mini-rust-kinematics==1.0.3
    .venv-motion/bin/python Tests/ReachyMotionTests/Data/generate_reference.py

Only the pure-math modules are imported (analytical kinematics, interpolation, goto/recorded moves, dances); the
package `__init__` files that pull in the daemon, media and network stacks are bypassed, so the heavy optional
dependencies are not needed. Output (all committed):

  Tests/ReachyMotionTests/Data/kinematics_reference.json   IK (automatic body yaw on/off); FK: exact pose + official
  Tests/ReachyMotionTests/Data/interpolation_reference.json time_trajectory, linear_pose_interpolation, GotoMove
  Tests/ReachyMotionTests/Data/dances_reference.json       DanceMove.evaluate samples, default and changed BPM
  Tests/ReachyMotionTests/Data/recorded_move_reference.json RecordedMove.evaluate on examples/moves/curious_tilt.json
  Sources/ReachyMotion/Resources/dances.json              the 20 dances' default parameters, beats, descriptions
  examples/moves/curious_tilt.json                         a small recorded move in the official dataset format
"""

import importlib.util
import json
import math
import sys
import types
from pathlib import Path

import numpy as np

# Import submodules without executing the package __init__ files (they import the daemon/media stacks).
for _name in ["reachy_mini", "reachy_mini.kinematics"]:
    _spec = importlib.util.find_spec(_name)
    sys.modules[_name] = importlib.util.module_from_spec(_spec)
_hf = types.ModuleType("huggingface_hub")
_hf.snapshot_download = None
sys.modules["huggingface_hub"] = _hf
_hfe = types.ModuleType("huggingface_hub.errors")
_hfe.LocalEntryNotFoundError = Exception
sys.modules["huggingface_hub.errors"] = _hfe

from reachy_mini.kinematics.analytical_kinematics import AnalyticalKinematics  # noqa: E402
from reachy_mini.motion.goto import GotoMove  # noqa: E402
from reachy_mini.motion.recorded_move import RecordedMove  # noqa: E402
from reachy_mini.utils import create_head_pose  # noqa: E402
from reachy_mini.utils.interpolation import (  # noqa: E402
    InterpolationTechnique,
    linear_pose_interpolation,
    time_trajectory,
)
from reachy_mini_dances_library.collection.dance import AVAILABLE_MOVES  # noqa: E402
from reachy_mini_dances_library.dance_move import DanceMove  # noqa: E402

DATA = Path(__file__).resolve().parent
ROOT = DATA.parents[2]
rng = np.random.default_rng(20261129)


def flat(m):
    return [float(v) for v in np.asarray(m, dtype=float).reshape(-1)]


def write(path, obj):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, indent=1) + "\n")
    print(f"wrote {path.relative_to(ROOT)}")


def random_pose(reachable_bias=True):
    x, y = rng.uniform(-0.03, 0.03, 2)
    z = rng.uniform(-0.04, 0.02) if reachable_bias else rng.uniform(-0.08, 0.06)
    roll, pitch = np.deg2rad(rng.uniform(-30, 30, 2))
    yaw = np.deg2rad(rng.uniform(-120, 120))
    return create_head_pose(x=x, y=y, z=z, roll=roll, pitch=pitch, yaw=yaw, degrees=False), (x, y, z, roll, pitch, yaw)


# ----------------------------------------------------------------------------------------------- kinematics
# EEPROM position limits (raw counts) of stewart_1..6; rad = 2*pi*raw/4096 - pi.
STEWART_RAW_LIMITS = [(1502, 2958), (1138, 2844), (1502, 2958), (1138, 2594), (1252, 2958), (1138, 2594)]


def within_motor_limits(joints):
    raw = [(v + math.pi) * 4096 / (2 * math.pi) for v in joints[1:]]
    return all(lo <= r <= hi for r, (lo, hi) in zip(raw, STEWART_RAW_LIMITS))


def kinematics():
    auto = AnalyticalKinematics(automatic_body_yaw=True)
    manual = AnalyticalKinematics(automatic_body_yaw=False)
    ik_cases = []
    for i in range(480):
        pose, xyzrpy = random_pose(reachable_bias=(i % 8 != 0))
        automatic = i % 2 == 0
        if automatic and i % 3:
            body_yaw = float(np.deg2rad(rng.uniform(-175, 175)))  # exercises the body-yaw coupling clamps
        else:
            body_yaw = float(xyzrpy[5] + np.deg2rad(rng.uniform(-70, 70)))
        joints = (auto if automatic else manual).ik(pose, body_yaw=body_yaw)
        ok = bool(np.all(np.isfinite(joints)))
        ik_cases.append({
            "xyzrpy": [float(v) for v in xyzrpy],
            "pose": flat(pose),
            "body_yaw": body_yaw,
            "automatic_body_yaw": automatic,
            "joints": [float(v) for v in joints] if ok else None,
        })

    # FK: joints from reachable IK cases; the official solver is reset to the neutral guess and iterated to
    # convergence so the reference is the exact pose, not a 3-iteration approximation.
    fk_cases = []
    seed = np.eye(4)
    seed[2, 3] += auto.head_z_offset
    for case in ik_cases:
        if case["joints"] is None:
            continue
        joints = case["joints"]
        if not within_motor_limits(joints):
            continue  # the robot can never be there, and FK has nearby alternative solutions out there
        auto.kin.reset_forward_kinematics(seed.tolist())
        for _ in range(60):
            t = np.array(auto.kin.forward_kinematics(joints[1:], joints[0]))
        t[2, 3] -= auto.head_z_offset
        deviation = float(np.max(np.abs(t - np.asarray(case["pose"]).reshape(4, 4))))
        if deviation > 1e-4:
            continue  # the official solver found another assembly mode from the neutral guess: keep unambiguous cases
        # The official solver stops once its rod-length residual is below 1e-6, which leaves ~1e-5 on the pose; the
        # exact answer is the pose the joints were computed from, so that is the reference ("pose"), and the official
        # FK result is kept alongside ("official_fk") with its deviation.
        fk_cases.append({"joints": joints, "pose": case["pose"], "official_fk": flat(t),
                         "official_deviation": deviation})

    worked = create_head_pose(x=0, y=0, z=0.01, roll=0, pitch=10, yaw=15, degrees=True)
    write(DATA / "kinematics_reference.json", {
        "generator": "generate_reference.py with reachy-mini 1.13.0 AnalyticalKinematics "
                     "(reachy-mini-rust-kinematics 1.0.3)",
        "worked_example": {"pose": flat(worked), "body_yaw": 0.0,
                           "joints": [float(v) for v in auto.ik(worked, body_yaw=0.0)]},
        "ik": ik_cases,
        "fk": fk_cases,
    })


# -------------------------------------------------------------------------------------------- interpolation
METHODS = [InterpolationTechnique.LINEAR, InterpolationTechnique.MIN_JERK,
           InterpolationTechnique.EASE_IN_OUT, InterpolationTechnique.CARTOON]


def interpolation():
    s_values = [i / 40 for i in range(41)]
    trajectories = {m.value: [float(time_trajectory(s, m)) for s in s_values] for m in METHODS}

    pose_cases = []
    for i in range(24):
        start, _ = random_pose()
        target, _ = random_pose()
        if i == 0:  # yaw across the back: the scalar-yaw path goes through the front
            start = create_head_pose(yaw=-150, degrees=True)
            target = create_head_pose(yaw=150, pitch=10, degrees=True)
        alphas = [-0.2, 0.0, 0.1, 0.25, 0.5, 0.77, 1.0, 1.1]
        pose_cases.append({
            "start": flat(start), "target": flat(target), "alphas": alphas,
            "geodesic": [flat(linear_pose_interpolation(start, target, a)) for a in alphas],
            "yaw_as_scalar": [flat(linear_pose_interpolation(start, target, a, yaw_as_scalar=True)) for a in alphas],
        })

    goto_cases = []
    for i in range(12):
        start, _ = random_pose()
        target, _ = random_pose()
        a0 = rng.uniform(-1, 1, 2)
        a1 = rng.uniform(-1, 1, 2)
        b0, b1 = (float(v) for v in rng.uniform(-1, 1, 2))
        method = METHODS[i % 4]
        duration = float(rng.uniform(0.3, 3.0))
        move = GotoMove(start, target, a0, a1, b0, b1, duration, method)
        times = [duration * k / 10 for k in range(11)]
        samples = []
        for t in times:
            head, antennas, body = move.evaluate(t)
            samples.append({"t": t, "head": flat(head), "antennas": [float(v) for v in antennas], "body_yaw": float(body)})
        goto_cases.append({
            "start_head": flat(start), "target_head": flat(target),
            "start_antennas": [float(v) for v in a0], "target_antennas": [float(v) for v in a1],
            "start_body_yaw": b0, "target_body_yaw": b1, "duration": duration, "method": method.value,
            "samples": samples,
        })
    write(DATA / "interpolation_reference.json", {
        "generator": "generate_reference.py with reachy-mini 1.13.0 utils.interpolation and motion.goto",
        "s": s_values, "time_trajectory": trajectories, "pose_interpolation": pose_cases, "goto": goto_cases,
    })


# ---------------------------------------------------------------------------------------------------- dances
def dances():
    library = []
    for name, (_, params, meta) in AVAILABLE_MOVES.items():
        clean = {k: (float(v) if isinstance(v, (int, float, np.floating)) else v) for k, v in params.items()}
        library.append({"name": name, "beats": meta["default_duration_beats"],
                        "description": meta["description"], "parameters": clean})
    write(ROOT / "Sources/ReachyMotion/Resources/dances.json", {
        "source": "reachy_mini_dances_library 0.2.1 collection/dance.py AVAILABLE_MOVES (default parameters)",
        "default_bpm": DanceMove.default_bpm, "dances": library,
    })

    cases = []
    for name in AVAILABLE_MOVES:
        for bpm in [DanceMove.default_bpm, 90.0, 140.0]:
            move = DanceMove(name)
            move.default_bpm = bpm
            duration = move.duration
            count = 41 if bpm == DanceMove.default_bpm else 9
            times = [duration * k / (count - 1) for k in range(count)]
            if bpm == DanceMove.default_bpm:
                times += [float(v) for v in rng.uniform(0, 3 * duration, 12)]
            samples = []
            for t in times:
                head, antennas, body = move.evaluate(t)
                samples.append({"t": t, "head": flat(head), "antennas": [float(v) for v in antennas],
                                "body_yaw": float(body)})
            cases.append({"name": name, "bpm": float(bpm), "duration": duration, "samples": samples})
    write(DATA / "dances_reference.json", {
        "generator": "generate_reference.py with reachy_mini_dances_library 0.2.1 DanceMove.evaluate",
        "cases": cases,
    })


# ---------------------------------------------------------------------------------------------- recorded move
def recorded_move():
    # A small hand-shaped move (a curious head tilt with antennas perking up), sampled at 25 Hz in the
    # official dataset format: {"description", "time", "set_target_data": [{"head", "antennas", "body_yaw"}]}.
    times, frames = [], []
    n = 50
    for k in range(n):
        t = k / 25.0
        s = math.sin(math.pi * k / (n - 1))
        head = create_head_pose(x=0.005 * s, z=0.008 * s, roll=18 * s, pitch=-8 * s, yaw=12 * s, degrees=True)
        frames.append({"head": [[float(v) for v in row] for row in head],
                       "antennas": [float(-0.17 - 0.6 * s), float(0.17 + 0.6 * s)],
                       "body_yaw": float(0.1 * s), "check_collision": False})
        times.append(t)
    move_json = {"description": "A curious head tilt: roll to the left, antennas perk up, then back to rest.",
                 "time": times, "set_target_data": frames}
    path = ROOT / "examples/moves/curious_tilt.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(move_json) + "\n")
    print(f"wrote {path.relative_to(ROOT)}")

    move = RecordedMove(json.loads(path.read_text()))
    samples = []
    for t in [0.0, 0.01, 0.04, 0.333, 0.5, 0.77, 1.0, 1.234, 1.5, 1.9, 1.95]:
        head, antennas, body = move.evaluate(t)
        samples.append({"t": t, "head": flat(head), "antennas": [float(v) for v in antennas], "body_yaw": float(body)})
    write(DATA / "recorded_move_reference.json", {
        "generator": "generate_reference.py with reachy-mini 1.13.0 motion.recorded_move.RecordedMove",
        "file": "examples/moves/curious_tilt.json", "duration": move.duration, "samples": samples,
    })


if __name__ == "__main__":
    kinematics()
    interpolation()
    dances()
    recorded_move()
