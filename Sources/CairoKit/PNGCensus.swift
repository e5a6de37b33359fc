/// What `PNGEncoder` learns from a chart's pixels before writing them: its colours, how many
/// pixels have each, and the image as runs of one colour. Charts are a few flat colours and the
/// anti-aliased edges between them, so one pass that counts colours and notes runs lets the
/// writing pass fill whole runs instead of reading every pixel again.
extension PNGEncoder {
    /// The surface's pixels as 0xRRGGBB (Cairo's RGB24 leaves the top byte undefined).
    struct Pixels {
        let base: UnsafeRawPointer
        let width: Int, height: Int, stride: Int

        func row(_ y: Int) -> UnsafePointer<UInt32> { (base + y * stride).assumingMemoryBound(to: UInt32.self) }

        /// Each colour once, the image as runs of one colour, and from the runs how many pixels
        /// have each colour; nil when there are more than 65,535 colours (no chart has; a
        /// photograph might). Writing the pixels out (`indexed`) fills each run at once instead of
        /// reading every pixel again and looking its colour up a second time: a chart is mostly
        /// long runs (its background, its fills).
        func census() -> Census? {
            var colours: [UInt32] = []
            let table = ColourTable()
            var lookup = table.lookup
            let runs = Runs()
            var last: UInt32 = .max, lastNumber = 0, run = 0
            for y in 0..<height {
                let r = row(y)
                var x = 0
                while x < width {
                    // Eight pixels of the last colour are passed over at once.
                    if run > 0 && x + 8 <= width && PNGEncoder.eight(r + x, are: last) { run += 8; x += 8; continue }
                    let p = r[x] & 0xFFFFFF
                    x += 1
                    // Look a colour up only when it changes.
                    if p != last {
                        if run > 0 { runs.append(UInt16(lastNumber), run); run = 0 }
                        if let n = lookup.number(of: p) { lastNumber = Int(n) } else {
                            guard colours.count < Int(UInt16.max) else { return nil }
                            lastNumber = colours.count
                            table.insert(p, UInt16(lastNumber))
                            lookup = table.lookup
                            colours.append(p)
                        }
                        last = p
                    }
                    run += 1
                }
            }
            if run > 0 { runs.append(UInt16(lastNumber), run) }
            var counts = [Int](repeating: 0, count: colours.count)
            for r in 0..<runs.count { counts[Int(runs.numbers[r])] += Int(runs.lengths[r]) }
            return Census(colours: colours, counts: counts, runs: runs)
        }
    }

    /// True when the eight pixels from `p` all have the colour `c` (their top bytes aside, and
    /// `c`'s: it must be a colour seen, not a marker such as `.max`).
    @inline(__always) static func eight(_ p: UnsafePointer<UInt32>, are c: UInt32) -> Bool {
        // As four 64-bit words (two pixels each): Swift's SIMD8 was forty times slower here.
        let q = UnsafeRawPointer(p), two = UInt64(c) | UInt64(c) << 32
        let differ = (q.loadUnaligned(as: UInt64.self) ^ two) | (q.loadUnaligned(fromByteOffset: 8, as: UInt64.self) ^ two)
            | (q.loadUnaligned(fromByteOffset: 16, as: UInt64.self) ^ two) | (q.loadUnaligned(fromByteOffset: 24, as: UInt64.self) ^ two)
        return differ & 0x00FF_FFFF_00FF_FFFF == 0
    }

    /// An image's colours, each once, with their pixel counts and numbers, and its pixels as runs.
    struct Census {
        var colours: [UInt32]
        var counts: [Int]
        let runs: Runs
    }

    /// Runs of one colour number through the image in reading order (a run may go on from the end
    /// of one row to the start of the next), in memory of its own, freed in `deinit`: appended to
    /// at every change of colour, where an array's uniqueness and capacity checks cost more than
    /// the appending.
    final class Runs {
        private(set) var numbers: UnsafeMutablePointer<UInt16>
        /// 32 bits are enough: cairo's images are at most 32,767 pixels a side.
        private(set) var lengths: UnsafeMutablePointer<UInt32>
        private(set) var count = 0
        private var capacity = 1 << 14

        init() {
            numbers = .allocate(capacity: capacity)
            lengths = .allocate(capacity: capacity)
        }

        deinit { numbers.deallocate(); lengths.deallocate() }

        @inline(__always) func append(_ number: UInt16, _ length: Int) {
            if count == capacity { grow() }
            numbers[count] = number; lengths[count] = UInt32(length); count += 1
        }

        private func grow() {
            let (oldNumbers, oldLengths) = (numbers, lengths)
            capacity *= 2
            numbers = .allocate(capacity: capacity); numbers.moveInitialize(from: oldNumbers, count: count)
            lengths = .allocate(capacity: capacity); lengths.moveInitialize(from: oldLengths, count: count)
            oldNumbers.deallocate(); oldLengths.deallocate()
        }
    }

    /// An open-addressing hash table from colour to colour number, in memory of its own: it is
    /// asked about every change of colour along every row, and an array's reference counting
    /// cost more than the lookups.
    final class ColourTable {
        private var keys: UnsafeMutablePointer<UInt32>
        private var values: UnsafeMutablePointer<UInt16>
        private var capacity = 1 << 12, used = 0

        init() {
            keys = .allocate(capacity: capacity); keys.initialize(repeating: .max, count: capacity)
            values = .allocate(capacity: capacity); values.initialize(repeating: 0, count: capacity)
        }

        deinit { keys.deallocate(); values.deallocate() }

        @inline(__always) fileprivate static func slot(_ p: UInt32, _ keys: UnsafeMutablePointer<UInt32>, _ capacity: Int) -> Int {
            let mask = capacity - 1
            var i = Int(truncatingIfNeeded: (p &* 0x9E37_79B1) >> 12) & mask
            while keys[i] != .max && keys[i] != p { i = (i + 1) & mask }
            return i
        }

        /// The table as it is now, to look colours up in a loop: a plain value, so each lookup
        /// reads no property of the class (each such read is checked for exclusive access, which
        /// cost more than the lookup). Valid until the next `insert`.
        var lookup: Lookup { Lookup(keys: keys, values: values, capacity: capacity) }

        struct Lookup {
            let keys: UnsafeMutablePointer<UInt32>, values: UnsafeMutablePointer<UInt16>, capacity: Int

            @inline(__always) func number(of p: UInt32) -> UInt16? {
                let i = ColourTable.slot(p, keys, capacity)
                return keys[i] == p ? values[i] : nil
            }
        }

        func insert(_ p: UInt32, _ n: UInt16) {
            if (used + 1) * 2 > capacity {
                let (oldKeys, oldValues, oldCapacity) = (keys, values, capacity)
                capacity *= 2
                keys = .allocate(capacity: capacity); keys.initialize(repeating: .max, count: capacity)
                values = .allocate(capacity: capacity); values.initialize(repeating: 0, count: capacity)
                for j in 0..<oldCapacity where oldKeys[j] != .max {
                    let k = Self.slot(oldKeys[j], keys, capacity)
                    keys[k] = oldKeys[j]; values[k] = oldValues[j]
                }
                oldKeys.deallocate(); oldValues.deallocate()
            }
            let i = Self.slot(p, keys, capacity)
            keys[i] = p; values[i] = n; used += 1
        }
    }
}
