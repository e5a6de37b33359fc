/// Small whole numbers in words, as the packs' sentences write them ("nine years", "in five of
/// the six charts"), and larger ones in figures. Sentences spell counts through ten, so a summary
/// says "11 areas for improvement" as the tracker's title prints it; a headline's count of years
/// is spelled through fifteen ("the highest in twelve years").
public enum NumberWords {
    static let words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                        "eleven", "twelve", "thirteen", "fourteen", "fifteen"]

    public static func words(_ n: Int, through last: Int = 10) -> String {
        n >= 0 && n <= min(last, words.count - 1) ? words[n] : String(n)
    }
}
