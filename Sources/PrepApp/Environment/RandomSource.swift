import Foundation
import PrepCore

/// Where the services' randomness comes from: the system's generator in the app, a seeded
/// one in tests, so a test can say which interval fuzz or which token it will see.
public struct RandomSource: Sendable {
    private let draw: @Sendable () -> UInt64

    public init(_ draw: @escaping @Sendable () -> UInt64) {
        self.draw = draw
    }

    public func next() -> UInt64 { draw() }

    /// A generator for APIs that take one (`FSRS.review`, `UInt8.random(in:using:)`).
    public var generator: Generator { Generator(source: self) }

    public struct Generator: RandomNumberGenerator, Sendable {
        let source: RandomSource
        public mutating func next() -> UInt64 { source.next() }
    }

    public static let system = RandomSource {
        var generator = SystemRandomNumberGenerator()
        return generator.next()
    }

    /// A repeatable sequence; every copy of this source draws from the same sequence.
    public static func seeded(_ seed: UInt64) -> RandomSource {
        let state = LockedValue(SplitMix64(seed: seed))
        return RandomSource { state.withLock { $0.next() } }
    }
}
