import Foundation

/// A value behind a lock, for the few shared mutable things services keep (a seeded
/// generator, the plan cache). Foundation's `NSLock` keeps PrepApp free of NIO.
final class LockedValue<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) {
        self.value = value
    }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
