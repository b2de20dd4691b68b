"""Conformance oracle: drives `reachy serve` with the UNMODIFIED official reachy-mini client.

Usage: python official_client.py HOST PORT
Prints one JSON object {"checks": [{"name", "ok", "detail"}], "error": null|str} on stdout.
Exit status 0 when every check passed, 1 otherwise.
"""

import json
import math
import sys
import time
import traceback
import urllib.request

import numpy as np
from reachy_mini import ReachyMini
from reachy_mini.utils import create_head_pose

HOST, PORT = sys.argv[1], int(sys.argv[2])
checks = []


def check(name, ok, detail=""):
    checks.append({"name": name, "ok": bool(ok), "detail": str(detail)})


def motor_mode():
    with urllib.request.urlopen(f"http://{HOST}:{PORT}/api/motors/status", timeout=5) as r:
        return json.load(r)["mode"]


def wait_mode(expected, timeout=5.0):
    deadline = time.time() + timeout
    mode = None
    while time.time() < deadline:
        mode = motor_mode()
        if mode == expected:
            return mode
        time.sleep(0.05)
    return mode


def pose_error(a, b):
    """Translation error (mm) and rotation error (degrees) between two 4x4 poses."""
    a, b = np.asarray(a), np.asarray(b)
    dt = np.linalg.norm(a[:3, 3] - b[:3, 3]) * 1000
    r = a[:3, :3].T @ b[:3, :3]
    angle = math.degrees(math.acos(max(-1.0, min(1.0, (np.trace(r) - 1) / 2))))
    return dt, angle


error = None
try:
    mini = ReachyMini(host=HOST, port=PORT, connection_mode="network", media_backend="no_media", timeout=10)
    check("connect", True, "connected over /ws/sdk")

    mini.enable_motors()
    check("enable_motors", wait_mode("enabled") == "enabled", f"mode={motor_mode()}")

    t0 = time.time()
    mini.wake_up()
    check("wake_up", True, f"{time.time() - t0:.2f} s")
    dt, angle = pose_error(mini.get_current_head_pose(), np.eye(4))
    check("wake_up pose", dt < 3 and angle < 2, f"{dt:.2f} mm, {angle:.2f} deg from the initial pose")

    targets = {
        "linear": create_head_pose(z=10, roll=8, mm=True, degrees=True),
        "minjerk": create_head_pose(x=5, pitch=-10, mm=True, degrees=True),
        "ease_in_out": create_head_pose(y=-6, yaw=15, mm=True, degrees=True),
        "cartoon": create_head_pose(z=-5, roll=-6, yaw=-10, mm=True, degrees=True),
    }
    antennas = {"linear": [0.3, -0.3], "minjerk": [-0.4, 0.2], "ease_in_out": [0.1, 0.5], "cartoon": [0.0, 0.0]}
    duration = 1.0
    for method, pose in targets.items():
        t0 = time.time()
        mini.goto_target(head=pose, antennas=antennas[method], duration=duration, method=method, body_yaw=0.0)
        elapsed = time.time() - t0
        check(f"goto {method} on time", duration - 0.05 <= elapsed <= duration + 0.5, f"{elapsed:.3f} s")
        time.sleep(0.1)
        dt, angle = pose_error(mini.get_current_head_pose(), pose)
        check(f"goto {method} head pose", dt < 2 and angle < 1, f"{dt:.2f} mm, {angle:.2f} deg")
        head, ant = mini.get_current_joint_positions()
        err = max(abs(ant[0] - antennas[method][0]), abs(ant[1] - antennas[method][1]))
        check(f"goto {method} antennas", err < 0.03 and len(head) == 7, f"max error {err:.4f} rad, {len(head)} head joints")

    t0 = time.time()
    mini.goto_sleep()
    check("goto_sleep", True, f"{time.time() - t0:.2f} s")
    sleep_pose = np.array(
        [[0.911, 0.004, 0.413, -0.021], [-0.004, 1.0, -0.001, 0.001], [-0.413, -0.001, 0.911, -0.044], [0, 0, 0, 1]]
    )
    dt, angle = pose_error(mini.get_current_head_pose(), sleep_pose)
    check("goto_sleep pose", dt < 3 and angle < 2, f"{dt:.2f} mm, {angle:.2f} deg from the sleep pose")

    mini.disable_motors()
    check("disable_motors", wait_mode("disabled") == "disabled", f"mode={motor_mode()}")
    mini.enable_motors()
    check("enable_motors again", wait_mode("enabled") == "enabled", f"mode={motor_mode()}")

    status = mini.client.get_status(timeout=3)
    check("daemon_status", status.state.value == "running", f"state={status.state.value}")
    mini.client.disconnect()
except Exception as e:  # report, do not hide
    error = f"{type(e).__name__}: {e}\n{traceback.format_exc()}"

print(json.dumps({"checks": checks, "error": error}))
sys.exit(0 if error is None and all(c["ok"] for c in checks) else 1)
