/// Small whole numbers in words, as the packs' sentences and titles write them ("nine years",
/// "five of six"), and larger ones in figures.
public enum NumberWords {
    static let words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                        "eleven", "twelve", "thirteen", "fourteen", "fifteen"]

    public static func words(_ n: Int) -> String { words.indices.contains(n) ? words[n] : String(n) }
}
