/// "Did you mean …?": names close to a mistyped one.
public enum Suggest {
    /// Levenshtein distance over characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// Up to `limit` names that start with or contain the typed one (`h100` → `h100-pcie`,
    /// `h100-sxm`), then those within 3 edits of it, closest first.
    public static func close(to typed: String, among names: [String], limit: Int = 3) -> [String] {
        names.map { name -> (String, Int, Int) in
            let rank = name.hasPrefix(typed) ? 0 : name.contains(typed) || typed.contains(name) ? 1 : 2
            return (name, rank, distance(name, typed))
        }
        .filter { $0.1 < 2 || $0.2 <= 3 }
        .sorted { ($0.1, $0.2, $0.0) < ($1.1, $1.2, $1.0) }
        .prefix(limit).map(\.0)
    }
}
