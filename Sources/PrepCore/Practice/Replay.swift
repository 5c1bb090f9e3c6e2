/// `srs replay`: reviews given as JSON lines run through the scheduler, one JSON line out
/// per review with the card's state after it. A bad line is reported with its number and
/// leaves its card as it was; the other lines still run.
public struct Replay {
    public struct LineError: Error, Equatable, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    public let scheduler: FSRS
    public private(set) var cards: [String: SRSCard] = [:]
    private var random: SplitMix64

    public init(scheduler: FSRS, seed: UInt64 = 0x5EED) {
        self.scheduler = scheduler
        random = SplitMix64(seed: seed)
    }

    /// Runs one input line; returns the output line, nil for a blank line.
    public mutating func run(_ text: String, line: Int) throws(LineError) -> String? {
        var out: [UInt8] = []
        guard try run(text, line: line, into: &out) else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// Runs one input line, appending the output line (without a newline) to `out`;
    /// false for a blank line.
    public mutating func run(_ text: String, line: Int, into out: inout [UInt8]) throws(LineError) -> Bool {
        if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return false }
        func fail(_ message: String) -> LineError { LineError(line: line, message: message) }
        let object: FlatJSON.Object
        do { object = try FlatJSON.parseObject(text) } catch { throw fail("not a JSON object (\(error)); expected {\"card\":\"id\",\"rating\":1-4,\"time\":\"ISO-8601\"}") }
        guard case let .string(card)? = object["card"], !card.isEmpty else { throw fail("\"card\" must be a non-empty string") }
        let rating: Rating
        switch object["rating"] {
        case let .number(value, text)?:
            guard let r = Rating(rawValue: Int(exactly: value) ?? 0) else { throw fail("rating \(text) is outside 1-4 (1 Again, 2 Hard, 3 Good, 4 Easy)") }
            rating = r
        case nil: throw fail("\"rating\" is missing (1-4)")
        default: throw fail("\"rating\" must be a number from 1 to 4")
        }
        guard case let .string(timeText)? = object["time"] else { throw fail("\"time\" must be an ISO 8601 string such as 2026-11-29T08:30:00Z") }
        let time: Instant
        do { time = try ISO8601.parse(timeText) } catch { throw fail("\"time\": \(error)") }
        let before = cards[card] ?? .new(at: time)
        let after: SRSCard
        do { after = try scheduler.review(before, rating: rating, at: time, random: &random) } catch { throw fail("card \(FlatJSON.quoted(card)): \(error.message)") }
        cards[card] = after
        Self.append(card: card, after, to: &out)
        return true
    }

    /// The output line for a card's state, as bytes.
    public static func append(card: String, _ state: SRSCard, to out: inout [UInt8]) {
        out.append(contentsOf: "{\"card\":".utf8)
        out.append(contentsOf: FlatJSON.quoted(card).utf8)
        out.append(contentsOf: ",\"state\":\"".utf8)
        out.append(contentsOf: state.state.name.utf8)
        out.append(contentsOf: "\",\"step\":".utf8)
        out.append(contentsOf: (state.step.map(String.init) ?? "null").utf8)
        out.append(contentsOf: ",\"stability\":".utf8)
        out.append(contentsOf: FlatJSON.number(state.stability).utf8)
        out.append(contentsOf: ",\"difficulty\":".utf8)
        out.append(contentsOf: FlatJSON.number(state.difficulty).utf8)
        out.append(contentsOf: ",\"due\":\"".utf8)
        ISO8601.append(state.due, to: &out)
        out.append(contentsOf: "\",\"last_review\":".utf8)
        if let last = state.lastReview {
            out.append(0x22)
            ISO8601.append(last, to: &out)
            out.append(0x22)
        } else {
            out.append(contentsOf: "null".utf8)
        }
        out.append(0x7D)
    }
}
