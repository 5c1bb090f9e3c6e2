/// A set of distinct byte strings, each given a dense id in insertion order.
///
/// Open addressing with FNV-1a hashes kept beside the entries, so counting terms and
/// merging postings never builds a `String` or runs `Hasher` per word; a `String` is made
/// once per distinct term.
struct TermTable: Sendable {
    private var slots: [Int32]
    private(set) var hashes: [UInt64] = []
    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    private var arena: [UInt8] = []

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
    }

    var count: Int { hashes.count }

    static func hash(_ bytes: [UInt8], count: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in 0..<count { hash = (hash ^ UInt64(bytes[k])) &* 0x100_0000_01b3 }
        return hash
    }

    /// The id of `bytes[0..<count]`, inserting it if new.
    mutating func insert(_ bytes: [UInt8], count length: Int) -> (id: Int, inserted: Bool) {
        insert(bytes, start: 0, count: length, hash: Self.hash(bytes, count: length))
    }

    /// The id of another table's term in this one, inserting it if new.
    mutating func insert(_ id: Int, of other: TermTable) -> Int {
        insert(other.arena, start: Int(other.starts[id]), count: Int(other.lengths[id]), hash: other.hashes[id]).id
    }

    private mutating func insert(_ bytes: [UInt8], start: Int, count length: Int, hash: UInt64) -> (id: Int, inserted: Bool) {
        if count * 2 >= slots.count { grow() }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { break }
            if hashes[entry] == hash, equals(entry, bytes, start: start, count: length) { return (entry, false) }
            slot = (slot + 1) & mask
        }
        let id = count
        slots[slot] = Int32(id)
        hashes.append(hash)
        starts.append(Int32(arena.count))
        lengths.append(Int32(length))
        arena.append(contentsOf: bytes[start..<(start + length)])
        return (id, true)
    }

    func find(_ term: String) -> Int? {
        let bytes = Array(term.utf8)
        let hash = Self.hash(bytes, count: bytes.count)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            if hashes[entry] == hash, equals(entry, bytes, start: 0, count: bytes.count) { return entry }
            slot = (slot + 1) & mask
        }
    }

    func length(of id: Int) -> Int { Int(lengths[id]) }

    func string(of id: Int) -> String {
        let start = Int(starts[id])
        return String(decoding: arena[start..<(start + Int(lengths[id]))], as: UTF8.self)
    }

    private func equals(_ id: Int, _ bytes: [UInt8], start: Int, count length: Int) -> Bool {
        guard Int(lengths[id]) == length else { return false }
        let stored = Int(starts[id])
        for k in 0..<length where arena[stored + k] != bytes[start + k] { return false }
        return true
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for id in 0..<count {
            var slot = Int(truncatingIfNeeded: hashes[id]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }
}
