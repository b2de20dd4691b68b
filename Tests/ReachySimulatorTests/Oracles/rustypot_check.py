"""rustypot 1.13.1 (Pollen's Dynamixel library, correct byte stuffing both ways) against the pty simulator.

Usage: python rustypot_check.py DEVICE  — prints one JSON object on stdout.
"""
import json
import sys

from rustypot import Xl330PyController

path = sys.argv[1]
ids = list(range(10, 19))
c = Xl330PyController(path, 1_000_000, 0.1)
out = {}
out["scan"] = {str(k): v for k, v in sorted(c.broadcast_scan(list(range(8, 21))).items())}
out["ping"] = {str(i): c.ping(i) for i in (9, 10, 14, 18, 19)}
out["present"] = c.sync_read_raw_present_position(ids)
out["models"] = [c.read_model_number(i)[0] for i in ids]
out["firmware"] = [c.read_firmware_version(i)[0] for i in ids]
out["homing"] = [int.from_bytes(bytes(c.read_raw_data(i, 20, 4)), "little", signed=True) for i in ids]
data, error = c.read_raw_data_with_error(10, 14, 1)
out["undefined_read"] = [list(data), error]
# EEPROM is locked while torque is on.
c.write_raw_data(17, 64, [1])
out["eeprom_locked_error"] = c.write_raw_data_with_error(17, 9, [5])
c.write_raw_data(17, 64, [0])
out["eeprom_unlocked_error"] = c.write_raw_data_with_error(17, 9, [5])
# Byte stuffing both ways: in PWM mode Goal Position is free, so 0xFDFFFF00 (FF FF FD on the wire) is accepted.
c.write_raw_data(18, 11, [16])
c.write_raw_data(18, 116, list((0xFDFFFF00).to_bytes(4, "little")))
out["stuffed_goal"] = list(c.read_raw_data(18, 116, 4))
c.write_raw_data(18, 11, [3])
# Goals via sync write, then read back.
c.sync_write_raw_goal_position([11, 12], [2100, 2000])
out["goals"] = c.sync_read_raw_goal_position([11, 12])
c.close()
print(json.dumps(out))
