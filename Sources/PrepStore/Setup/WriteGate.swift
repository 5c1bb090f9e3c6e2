import Foundation

/// One holder at a time, the others waiting in order without holding a thread: the writes
/// of a process over SQLite pass through it one by one (`Writes`).
final class WriteGate: @unchecked Sendable {
    private let lock = NSLock()
    private var held = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func run<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async {
        if lock.withLock({ () -> Bool in
            if held { return false }
            held = true
            return true
        }) {
            return
        }
        await withCheckedContinuation { continuation in
            let now = lock.withLock { () -> Bool in
                if held {
                    waiting.append(continuation)
                    return false
                }
                held = true
                return true
            }
            if now { continuation.resume() }
        }
    }

    /// Hands the gate straight to the next in line, or opens it.
    private func release() {
        let next = lock.withLock { () -> CheckedContinuation<Void, Never>? in
            if waiting.isEmpty {
                held = false
                return nil
            }
            return waiting.removeFirst()
        }
        next?.resume()
    }
}
