/// "Did you mean …?" hints: the closest known spelling to a word the reader typed.
public enum Suggestion {
    /// The candidate nearest to `word` (case-insensitive edit distance), if it is near enough
    /// to be a plausible typo rather than a different word.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let w = Array(word.lowercased())
        var bestName: String?
        var bestDistance = Int.max
        for c in candidates {
            let d = distance(w, Array(c.lowercased()))
            if d < bestDistance {
                bestDistance = d
                bestName = c
            }
        }
        guard let name = bestName else { return nil }
        let shorter: Int = Swift.min(w.count, name.count)
        let limit: Int = Swift.max(2, shorter / 3)
        if bestDistance <= limit { return name }
        return nil
    }

    /// The closest candidates in order, for "no such authority; closest: …" messages.
    public static func ranked(_ word: String, in candidates: [String], limit: Int = 3) -> [String] {
        let w = Array(word.lowercased())
        let scored: [(name: String, score: Int)] = candidates.map { c in (c, distance(w, Array(c.lowercased()))) }
        let ordered = scored.sorted { a, b in a.score == b.score ? a.name < b.name : a.score < b.score }
        return ordered.prefix(limit).map { $0.name }
    }

    /// `" — did you mean "X"?"` or an empty string.
    public static func hint(for word: String, in candidates: [String]) -> String {
        closest(to: word, in: candidates).map { " — did you mean \"\($0)\"?" } ?? ""
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
