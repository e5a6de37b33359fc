/// Substring tests on a string's UTF-8 bytes, for searches made on every paragraph of a pack.
/// The standard library's generic `utf8.firstRange(of:)` steps through string indices one by
/// one, and took about 4 ms of the scrutiny pack's critical path; a native string's bytes are
/// contiguous and searched here directly (other strings are first copied to native ones).
extension String {
    /// True when `needle` (ASCII or any UTF-8) occurs in this string, byte for byte.
    func containsBytes(_ needle: StaticString) -> Bool {
        var copy = self
        return copy.withUTF8 { hay in
            UTF8Search.firstIndex(of: UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount), in: hay) != nil
        }
    }
}

enum UTF8Search {
    /// Where `needle` first occurs in `hay`, or nil (an empty needle occurs at 0).
    static func firstIndex(of needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = needle.first else { return 0 }
        guard needle.count <= hay.count else { return nil }
        var i = 0
        let last = hay.count - needle.count
        while i <= last {
            if hay[i] == first {
                var j = 1
                while j < needle.count && hay[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
