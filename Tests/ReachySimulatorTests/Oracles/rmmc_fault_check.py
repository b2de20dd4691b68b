"""How the official reachy-mini-motor-controller 1.5.6 reacts to simulator faults: it is started against the pty
and whatever it raises is reported.

Usage: python rmmc_fault_check.py DEVICE  — prints {"error": "<exception text>"} or {"error": null}.
"""
import json
import sys
from datetime import timedelta

from reachy_mini_motor_controller import ReachyMiniPyControlLoop

path = sys.argv[1]
try:
    loop = ReachyMiniPyControlLoop(path, timedelta(milliseconds=20), voltage_rampup_timeout=timedelta(seconds=1))
    loop.close()
    print(json.dumps({"error": None}))
except Exception as error:  # the controller raises RuntimeError with a message
    print(json.dumps({"error": str(error)}))
