import Foundation
import PrepCore

/// `--fsrs-replay FILE`: the scheduler alone over a review stream. Lines are parsed before
/// the clock starts, so the figure is the scheduler's, comparable with in-process peers.
enum FSRSBench {
    static func run(path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var ids: [String: Int] = [:]
        var cardIndex: [Int32] = []
        var ratings: [Rating] = []
        var times: [Instant] = []
        for line in text.split(separator: "\n") {
            let object = try FlatJSON.parseObject(String(line))
            guard case let .string(card)? = object["card"], case let .number(r, _)? = object["rating"],
                case let .string(time)? = object["time"], let rating = Rating(rawValue: Int(r))
            else { continue }
            let index = ids[card] ?? ids.count
            ids[card] = index
            cardIndex.append(Int32(index))
            ratings.append(rating)
            times.append(try ISO8601.parse(time))
        }
        let scheduler = try FSRS()
        var cards = [SRSCard?](repeating: nil, count: ids.count)
        var checksum = 0.0
        let start = DispatchTime.now().uptimeNanoseconds
        for i in 0..<ratings.count {
            let c = Int(cardIndex[i])
            let next = try scheduler.review(cards[c] ?? .new(at: times[i]), rating: ratings[i], at: times[i])
            checksum += next.stability ?? 0
            cards[c] = next
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print("{\"reviews\":\(ratings.count),\"seconds\":\(seconds),\"checksum\":\(checksum)}")
    }
}
