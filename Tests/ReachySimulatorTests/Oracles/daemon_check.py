"""Stretch oracle: the official Reachy Mini daemon (reachy-mini 1.13.0: motor reflash check, control loop, REST API,
kinematics) runs against the pty simulator as if it were the robot.

Usage: python daemon_check.py DEVICE PORT  — run with the daemon venv's python; prints one JSON object.
"""
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request

path, port = sys.argv[1], int(sys.argv[2])
daemon = os.path.join(os.path.dirname(sys.executable), "reachy-mini-daemon")
env = dict(os.environ, HF_HUB_OFFLINE="1")
log = open(os.environ.get("REACHY_DAEMON_LOG", os.devnull), "w")
process = subprocess.Popen(
    [daemon, "-p", path, "--no-media", "--fastapi-host", "127.0.0.1", "--fastapi-port", str(port),
     "--no-wake-up-on-start", "--no-goto-sleep-on-stop", "--no-preload-datasets", "--dataset-update-interval", "0"],
    env=env, stdout=log, stderr=subprocess.STDOUT)
base = f"http://127.0.0.1:{port}"


def get(url):
    with urllib.request.urlopen(base + url, timeout=5) as reply:
        return json.load(reply)


def post(url, body=None):
    data = json.dumps(body).encode() if body is not None else b""
    request = urllib.request.Request(base + url, data=data, headers={"content-type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=5) as reply:
        return json.load(reply)


out = {}
try:
    deadline = time.time() + 90
    status = None
    while time.time() < deadline:
        try:
            status = get("/api/daemon/status")
            if status.get("state") in ("running", "error"):
                break
        except Exception:
            pass
        time.sleep(0.5)
    out["state"] = status and status.get("state")
    out["error"] = status and status.get("error")
    out["mode_before"] = get("/api/motors/status")["mode"]
    post("/api/motors/set_mode/enabled")
    out["mode_after"] = get("/api/motors/status")["mode"]
    post("/api/move/goto", {
        "head_pose": {"x": 0, "y": 0, "z": 0.01, "roll": 0, "pitch": 0.1745329, "yaw": 0.2617994},
        "antennas": [0.3, -0.3], "body_yaw": 0, "duration": 1.0, "interpolation": "minjerk"})
    # Wait for the move to end (the daemon lists it while it runs; a loaded machine runs it late), then let the
    # last goal reach the bus.
    time.sleep(1.2)
    finish = time.time() + 30
    while time.time() < finish:
        try:
            if not get("/api/move/running"):
                break
        except Exception:
            pass
        time.sleep(0.2)
    time.sleep(1.0)
    full = get("/api/state/full?with_head_joints=true&with_antenna_positions=true&with_body_yaw=true")
    out["head_joints"] = full.get("head_joints")
    out["antennas"] = full.get("antennas_position")
finally:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
print(json.dumps(out))
