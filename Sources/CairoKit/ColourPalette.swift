/// The 256 colours a many-coloured chart is written with (beside `PNGEncoder`, its only user).
///
/// Every PNG of every pack passes through here, most with 400 to 2,500 colours, so the work is
/// done on flat arrays of plain integers and sorted by packed keys: the first version, with an
/// array per colour and sorts comparing through closures, took 3 % of a national batch's CPU.
enum ColourPalette {
    /// Every colour when there are at most 256, most pixels first. Otherwise each colour that
    /// covers at least one pixel in 5,000 (and at least 32), up to 128 of them, exactly; then the
    /// rest, the shades of anti-aliased edges, cut into boxes of the colour cube by median cut
    /// (each time the box whose longest side, weighted by the root of its pixel count, is
    /// longest, at its weighted median), each box given its pixels' mean colour.
    static func choose(_ colours: [UInt32], counts: [Int]) -> [UInt32] {
        let order = byCount(colours, counts)
        if colours.count <= 256 { return order.map { colours[$0] } }
        let total = counts.reduce(0, +), threshold = max(32, total / 5000)
        let exact = Array(order.prefix { counts[$0] >= threshold }.prefix(128))
        var kept = [Bool](repeating: false, count: colours.count)
        for e in exact { kept[e] = true }
        let channels = Channels(colours)
        var boxes = [Box(order.filter { !kept[$0] }, counts, channels)]
        while exact.count + boxes.count < 256 {
            // The first of the highest scores; none left to cut when it is not positive.
            var best = 0
            for i in boxes.indices.dropFirst() where boxes[i].score > boxes[best].score { best = i }
            guard boxes[best].score > 0 else { break }
            let split = boxes.remove(at: best)
            let members = channels.sorted(split.members, by: split.channel, colours)
            var cut = 0, running = 0
            while cut < members.count - 1 && running + counts[members[cut]] <= split.weight / 2 { running += counts[members[cut]]; cut += 1 }
            cut = min(max(cut, 1), members.count - 1)
            boxes.append(Box(Array(members[..<cut]), counts, channels))
            boxes.append(Box(Array(members[cut...]), counts, channels))
        }
        var palette: [UInt32] = exact.map { colours[$0] }
        for b in boxes where !b.members.isEmpty { palette.append(b.mean(counts, channels)) }
        return palette
    }

    /// Colour numbers, most pixels first, then by colour: one sort of packed keys.
    static func byCount(_ colours: [UInt32], _ counts: [Int]) -> [Int] {
        var keyed: [(key: UInt64, index: Int)] = []
        keyed.reserveCapacity(colours.count)
        let most = counts.max() ?? 0
        for i in colours.indices {
            // Fewer pixels sort later; colours are unique, so keys never tie.
            let key: UInt64 = UInt64(most - counts[i]) << 24 | UInt64(colours[i] & 0xFF_FFFF)
            keyed.append((key, i))
        }
        keyed.sort { $0.key < $1.key }
        return keyed.map(\.index)
    }

    /// Each colour's red, green and blue, by colour number.
    struct Channels {
        let values: [[Int]]

        init(_ colours: [UInt32]) {
            values = [16, 8, 0].map { shift in colours.map { Int($0 >> UInt32(shift) & 0xFF) } }
        }

        /// `members` by their value in `channel`, then by colour.
        func sorted(_ members: [Int], by channel: Int, _ colours: [UInt32]) -> [Int] {
            let v = values[channel]
            var keyed: [(key: UInt32, index: Int)] = members.map { (UInt32(v[$0]) << 24 | colours[$0] & 0xFF_FFFF, $0) }
            keyed.sort { $0.key < $1.key }
            return keyed.map(\.index)
        }
    }

    /// Colours (by number), their pixels, and the widest channel with its width.
    struct Box {
        var members: [Int]
        var weight = 0, channel = 0, range = 0
        var score: Double

        init(_ members: [Int], _ counts: [Int], _ channels: Channels) {
            self.members = members
            var widest = -1
            for k in 0..<3 {
                let v = channels.values[k]
                var low = 255, high = 0
                for m in members { low = min(low, v[m]); high = max(high, v[m]) }
                // The first of equally wide channels, as `max(by:)` gives.
                if high - low > widest { widest = high - low; channel = k }
            }
            for m in members { weight += counts[m] }
            range = max(widest, 0)
            score = members.count < 2 ? -1 : Double(range) * Double(weight).squareRoot()
        }

        /// The mean colour of the box's pixels.
        func mean(_ counts: [Int], _ channels: Channels) -> UInt32 {
            var rgb: UInt32 = 0
            for k in 0..<3 {
                let v = channels.values[k]
                var sum = 0
                for m in members { sum += v[m] * counts[m] }
                let mean: Double = (Double(sum) / Double(weight)).rounded()
                rgb = rgb << 8 | UInt32(mean)
            }
            return rgb
        }
    }

    /// Each colour's nearest palette entry (by distance in RGB; the first of equals). Every
    /// distance to the palette is worked out in one pass the compiler can vectorise, then the
    /// first entry at the least distance found: comparing as it went, entry by entry, took 1.5 %
    /// of the 153-pack batch's time.
    static func nearest(_ colours: [UInt32], in palette: [UInt32]) -> [UInt8] {
        guard !palette.isEmpty else { return colours.map { _ in 0 } }
        var first: [UInt32: UInt8] = [:]
        for (i, e) in palette.enumerated() where first[e] == nil { first[e] = UInt8(i) }
        let r = palette.map { Int32($0 >> 16 & 0xFF) }, g = palette.map { Int32($0 >> 8 & 0xFF) }, b = palette.map { Int32($0 & 0xFF) }
        var distances = [Int32](repeating: 0, count: palette.count)
        return r.withUnsafeBufferPointer { r in g.withUnsafeBufferPointer { g in b.withUnsafeBufferPointer { b in
            distances.withUnsafeMutableBufferPointer { d in
                colours.map { c in
                    if let exact = first[c] { return exact }
                    let cr = Int32(c >> 16 & 0xFF), cg = Int32(c >> 8 & 0xFF), cb = Int32(c & 0xFF)
                    // At most 3 x 255^2: no overflow, so wrapping arithmetic loses nothing.
                    var least = Int32.max
                    for i in 0..<d.count {
                        let dr = r[i] &- cr, dg = g[i] &- cg, db = b[i] &- cb
                        let v = dr &* dr &+ dg &* dg &+ db &* db
                        d[i] = v
                        least = min(least, v)
                    }
                    var i = 0
                    while d[i] != least { i += 1 }
                    return UInt8(i)
                }
            }
        } } }
    }
}
