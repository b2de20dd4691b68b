import CLibUSB
import Foundation
public import ReachyMiniDescription
import Synchronization

/// A USB device arriving or leaving.
public enum USBHotplugEvent: Hashable, Sendable {
    case arrived(USBDevice)
    case left(USBDevice)
}

/// Why USB hotplug watching could not start.
public enum USBHotplugError: Error, Equatable, Sendable, CustomStringConvertible {
    case unsupported
    case libusb(operation: String, message: String)

    public var description: String {
        switch self {
        case .unsupported:
            return "This libusb cannot report USB hotplug events; poll `USBBus.scan()` instead."
        case .libusb(let operation, let message):
            return "\(operation) failed: \(message). USB hotplug is unavailable; poll `USBBus.scan()` instead."
        }
    }
}

/// Watches the USB bus for devices matching `filter` (e.g. the Reachy Mini adapter) on a dedicated thread.
///
/// libusb calls back on that thread; `handler` must return quickly (hand the event to your own queue). After an
/// `.arrived` event the tty node may appear a little later, so re-list the ports with a short retry. Call
/// `stop()` (or drop the monitor) to end the thread; it stops within about 100 ms.
public final class USBHotplugMonitor: Sendable {
    /// Whether libusb on this system can report hotplug events.
    public static var isSupported: Bool { libusb_has_capability(UInt32(LIBUSB_CAP_HAS_HOTPLUG.rawValue)) != 0 }

    private let context: ContextBox
    private let box: HandlerBox
    private let callbackHandle: libusb_hotplug_callback_handle
    private let running = RunFlag()
    private let finished = DispatchSemaphore(value: 0)
    private let stopped = Atomic<Bool>(false)

    /// Starts watching. With `enumerateExisting`, devices already plugged in are reported as `.arrived` first.
    public init(
        filter: USBID? = nil, enumerateExisting: Bool = true,
        handler: @escaping @Sendable (USBHotplugEvent) -> Void
    ) throws(USBHotplugError) {
        guard Self.isSupported else { throw .unsupported }
        var raw: OpaquePointer?
        let started = libusb_init(&raw)
        guard started == 0, let raw else {
            throw .libusb(operation: "Starting libusb", message: USBBus.errorName(started))
        }
        let context = ContextBox(raw)
        let box = HandlerBox(handler)
        let events = Int32(LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED.rawValue | LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT.rawValue)
        let flags = enumerateExisting ? Int32(LIBUSB_HOTPLUG_ENUMERATE.rawValue) : 0
        let vendor = filter.map { Int32($0.vendor) } ?? LIBUSB_HOTPLUG_MATCH_ANY
        let product = filter.map { Int32($0.product) } ?? LIBUSB_HOTPLUG_MATCH_ANY
        var handle: libusb_hotplug_callback_handle = 0
        let registered = libusb_hotplug_register_callback(
            raw, events, flags, vendor, product, LIBUSB_HOTPLUG_MATCH_ANY, hotplugTrampoline,
            Unmanaged.passUnretained(box).toOpaque(), &handle)
        guard registered == 0 else {
            throw .libusb(operation: "Registering for USB hotplug", message: USBBus.errorName(registered))
        }
        self.context = context
        self.box = box
        self.callbackHandle = handle
        let thread = Thread { [running, finished] in
            var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
            while running.value.load(ordering: .acquiring) {
                _ = libusb_handle_events_timeout_completed(context.raw, &timeout, nil)
            }
            finished.signal()
        }
        thread.name = "reachy-usb-hotplug"
        thread.start()
    }

    deinit { stop() }

    /// Ends the watching thread and releases libusb. Safe to call more than once.
    public func stop() {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        running.value.store(false, ordering: .releasing)
        finished.wait()
        libusb_hotplug_deregister_callback(context.raw, callbackHandle)
        _ = box
    }
}

/// Tells the event thread to keep going.
private final class RunFlag: Sendable {
    let value = Atomic<Bool>(true)
}

/// The libusb context, used by the event thread and freed when the monitor goes away.
private final class ContextBox: @unchecked Sendable {
    let raw: OpaquePointer
    init(_ raw: OpaquePointer) { self.raw = raw }
    deinit { libusb_exit(raw) }
}

/// Keeps the Swift handler alive for the C callback's `user_data`.
private final class HandlerBox: Sendable {
    let handler: @Sendable (USBHotplugEvent) -> Void
    init(_ handler: @escaping @Sendable (USBHotplugEvent) -> Void) { self.handler = handler }
}

private let hotplugTrampoline: libusb_hotplug_callback_fn = { _, device, event, userData in
    guard let device, let userData else { return 0 }
    let box = Unmanaged<HandlerBox>.fromOpaque(userData).takeUnretainedValue()
    guard let described = USBBus.describe(device) else { return 0 }
    if event == LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED {
        box.handler(.arrived(described))
    } else if event == LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT {
        box.handler(.left(described))
    }
    return 0
}
