"""The official reachy-mini-motor-controller 1.5.6 control loop (what the Reachy Mini daemon runs) against the pty
simulator: startup sequence, position reads at 50 Hz, torque on, goal positions followed.

rmmc 1.5.6 neither stuffs what it sends nor de-stuffs what it receives, so every value here is chosen so that no
packet contains FF FF FD (positions near 2048, small gains).

Usage: python rmmc_check.py DEVICE  — prints one JSON object on stdout.
"""
import json
import sys
import time
from datetime import timedelta

from reachy_mini_motor_controller import FullBodyPosition, ReachyMiniPyControlLoop

path = sys.argv[1]
out = {}
loop = ReachyMiniPyControlLoop(path, timedelta(milliseconds=20))
time.sleep(0.2)
p = loop.get_last_position()
out["initial"] = [p.body_yaw] + list(p.stewart) + list(p.antennas)
out["torque_before"] = loop.is_torque_enabled()
loop.enable_torque()
goal = FullBodyPosition(0.2, [0.1, -0.1, 0.15, -0.15, 0.05, -0.05], [0.3, -0.3])
loop.set_all_goal_positions(goal)
time.sleep(1.0)
p = loop.get_last_position()
out["final"] = [p.body_yaw] + list(p.stewart) + list(p.antennas)
out["torque_after"] = loop.is_torque_enabled()
out["pid_11"] = list(loop.async_read_pid_gains(11))
stats = loop.get_stats()
out["stats"] = str(stats)
loop.close()
print(json.dumps(out))
