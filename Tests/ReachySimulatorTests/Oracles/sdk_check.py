"""ROBOTIS dynamixel-sdk 4.1.0 (the vendor SDK: plain and fast sync/bulk reads) against the pty simulator.

Usage: python sdk_check.py DEVICE  — prints one JSON object on stdout.
"""
import json
import sys

from dynamixel_sdk import GroupBulkRead, GroupSyncRead, GroupSyncWrite, PacketHandler, PortHandler

path = sys.argv[1]
ids = list(range(10, 19))
port = PortHandler(path)
ph = PacketHandler(2.0)
assert port.openPort() and port.setBaudRate(1_000_000)
out = {}
model, result, error = ph.ping(port, 10)
out["ping10"] = [model, result, error]
found, result = ph.broadcastPing(port)
out["broadcast"] = {str(k): v for k, v in sorted(found.items())}
out["read4"] = list(ph.read4ByteTxRx(port, 13, 132))
g = GroupSyncRead(port, ph, 132, 4)
for i in ids:
    g.addParam(i)
out["sync_result"] = g.txRxPacket()
out["sync"] = [g.getData(i, 132, 4) for i in ids]
out["fast_sync_result"] = g.fastSyncRead()
out["fast_sync"] = [g.getData(i, 132, 4) for i in ids]
b = GroupBulkRead(port, ph)
b.addParam(10, 144, 2)
b.addParam(11, 146, 1)
b.addParam(12, 132, 4)
out["fast_bulk_result"] = b.fastBulkRead()
out["fast_bulk"] = [b.getData(10, 144, 2), b.getData(11, 146, 1), b.getData(12, 132, 4)]
w = GroupSyncWrite(port, ph, 116, 4)
w.addParam(17, list((2500).to_bytes(4, "little")))
w.addParam(18, list((1500).to_bytes(4, "little")))
out["sync_write_result"] = w.txPacket()
out["goals"] = [ph.read4ByteTxRx(port, 17, 116)[0], ph.read4ByteTxRx(port, 18, 116)[0]]
ph.write1ByteTxRx(port, 14, 64, 1)
out["eeprom_locked"] = list(ph.write1ByteTxRx(port, 14, 9, 5))
out["limit"] = list(ph.write4ByteTxRx(port, 14, 116, 100))
out["reboot"] = list(ph.reboot(port, 14))
out["torque_after_reboot"] = ph.read1ByteTxRx(port, 14, 64)[0]
port.closePort()
print(json.dumps(out))
