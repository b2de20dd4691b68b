#!/usr/bin/env python3
"""Drive one outside Dynamixel library against a fake servo bus on a pty and print what it saw, as JSON.

Usage: peers.py PTY_PATH rustypot|sdk|rmmc|rmmc_stuffed

The Swift test (OracleConformanceTests) plays the servos with ReachyBridge's own decoder and encoder on the
other end of the pty: IDs 1-5 and 10-18, model 1200, firmware 52. Servo 2's Present Position is 0xFDFFFF00
(its status must be byte-stuffed), servo 3 holds Present Current -1 next to a velocity byte FD, servo 4 has the
Alert bit set, servos 10-18 sit at 1024 + 256*k. Each step's result (or the exception it raised) goes into one
JSON object on stdout; the Swift side checks both what the library read and the packets it sent.
"""
import json
import sys


def run(steps):
    out = {}
    for name, call in steps:
        try:
            out[name] = plain(call())
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as error:  # report (Rust panics are BaseException), keep going
            out[name] = {"exception": f"{type(error).__name__}: {error}"}
    return out


def plain(value):
    """Make library results JSON-friendly (tuples, dict keys, bytes)."""
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (bytes, bytearray)):
        return list(value)
    return value


def rustypot(path):
    from rustypot import Xl330PyController

    c = Xl330PyController(path, 1_000_000, 0.2)
    steps = [
        ("ping", lambda: c.ping(1)),
        ("write_stuffed", lambda: c.write_raw_data(1, 116, [0x00, 0xFF, 0xFF, 0xFD])),
        ("read_back_stuffed", lambda: c.read_raw_data(1, 116, 4)),
        ("sync_read_raw", lambda: c.sync_read_raw_data([1, 2], 132, 4)),
        ("sync_read_present_position", lambda: c.sync_read_raw_present_position([1, 2])),
        ("current_and_velocity", lambda: c.read_raw_data(3, 126, 6)),
        ("sync_write_stuffed", lambda: c.sync_write_raw_data([1, 2], 116, [[0x00, 0xFF, 0xFF, 0xFD], [0x10, 0, 0, 0]])),
        ("undefined_address", lambda: c.read_raw_data_with_error(1, 14, 1)),
        ("alert", lambda: c.read_raw_data_with_error(4, 132, 4)),
        ("reboot", lambda: c.reboot(4)),
        ("after_reboot", lambda: c.read_raw_data_with_error(4, 132, 4)),
    ]
    try:
        return run(steps)
    finally:
        c.close()


def sdk(path):
    from dynamixel_sdk import GroupBulkRead, GroupSyncRead, GroupSyncWrite, PacketHandler, PortHandler

    port = PortHandler(path)
    ph = PacketHandler(2.0)
    port.openPort()
    port.setBaudRate(1_000_000)
    sync = GroupSyncRead(port, ph, 132, 4)
    for i in (1, 2, 3):
        sync.addParam(i)
    bulk = GroupBulkRead(port, ph)
    bulk.addParam(1, 132, 4)
    bulk.addParam(2, 146, 1)
    bulk.addParam(3, 144, 2)
    write = GroupSyncWrite(port, ph, 116, 4)
    write.addParam(1, [0x20, 0x01, 0x00, 0x00])
    write.addParam(2, [0x30, 0x02, 0x00, 0x00])

    def bulk_values(result):
        return [result, bulk.getData(1, 132, 4), bulk.getData(2, 146, 1), bulk.getData(3, 144, 2)]

    steps = [
        ("ping", lambda: ph.ping(port, 1)),
        ("read_stuffed", lambda: ph.read4ByteTxRx(port, 2, 132)),
        ("sync_read", lambda: [sync.txRxPacket()] + [sync.getData(i, 132, 4) for i in (1, 2, 3)]),
        ("fast_sync_read", lambda: [sync.fastSyncRead()] + [sync.getData(i, 132, 4) for i in (1, 2, 3)]),
        ("bulk_read", lambda: bulk_values(bulk.txRxPacket())),
        ("fast_bulk_read", lambda: bulk_values(bulk.fastBulkRead())),
        ("broadcast_ping", lambda: ph.broadcastPing(port)),
        ("write_plain", lambda: ph.write4ByteTxRx(port, 3, 116, 0x00000123)),
        ("sync_write", lambda: write.txPacket()),
        ("write_unstuffed_bug", lambda: ph.write4ByteTxRx(port, 5, 116, 0xFDFFFF00)),
        ("undefined_address", lambda: ph.read1ByteTxRx(port, 1, 14)),
        ("alert", lambda: ph.read4ByteTxRx(port, 4, 132)),
    ]
    try:
        return run(steps)
    finally:
        port.closePort()


def rmmc(path):
    from reachy_mini_motor_controller import ReachyMiniMotorController

    m = ReachyMiniMotorController(path)
    steps = [
        ("read_all_positions", lambda: m.read_all_positions()),
        ("set_all_goal_positions", lambda: m.set_all_goal_positions([0.1] * 9)),
    ]
    result = run(steps)
    del m
    return result


def rmmc_stuffed(path):
    """rmmc 1.5.6 does not de-stuff: with body_rotation (ID 10) at 0xFDFFFF00 its read goes wrong."""
    from reachy_mini_motor_controller import ReachyMiniMotorController

    m = ReachyMiniMotorController(path)
    result = run([("read_all_positions", lambda: m.read_all_positions())])
    del m
    return result


LIBRARIES = {"rustypot": rustypot, "sdk": sdk, "rmmc": rmmc, "rmmc_stuffed": rmmc_stuffed}

if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[2] not in LIBRARIES:
        sys.exit(__doc__)
    print(json.dumps(LIBRARIES[sys.argv[2]](sys.argv[1])), flush=True)
