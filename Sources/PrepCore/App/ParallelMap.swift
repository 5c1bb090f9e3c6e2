import Dispatch

/// `map` spread over the machine's cores, results in input order. For CPU-bound work on
/// independent elements (parsing files, tokenizing documents).
public enum ParallelMap {
    public static func map<T: Sendable, R>(_ input: [T], _ transform: @escaping @Sendable (T) -> R) -> [R] {
        guard input.count > 1 else { return input.map(transform) }
        let results = ResultBox<R>(count: input.count)
        DispatchQueue.concurrentPerform(iterations: input.count) { index in
            results.set(index, transform(input[index]))
        }
        return results.values()
    }

    /// Each slot is written by exactly one iteration, so no lock is needed around writes.
    private final class ResultBox<R>: @unchecked Sendable {
        private var storage: UnsafeMutableBufferPointer<R?>
        init(count: Int) {
            storage = .allocate(capacity: count)
            storage.initialize(repeating: nil)
        }
        deinit { storage.deallocate() }
        func set(_ index: Int, _ value: R) { storage[index] = value }
        func values() -> [R] { storage.map { $0! } }
    }
}
