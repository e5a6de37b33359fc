@testable import CairoKit
import Testing

/// The palette's tie-breaks decide which bytes a PNG holds, so the same chart gives the same
/// file: these pin them down (a faster rewrite kept every output byte for byte).
@Suite struct ColourPaletteChoices {
    @Test func fewColoursMostPixelsFirstThenByColour() {
        let colours: [UInt32] = [0x00_00_30, 0x00_00_10, 0x00_00_20, 0xFF_FF_FF]
        let counts = [5, 5, 9, 100]
        #expect(ColourPalette.choose(colours, counts: counts) == [0xFF_FF_FF, 0x00_00_20, 0x00_00_10, 0x00_00_30])
    }

    @Test func nearestIsTheFirstOfEqualDistances() {
        // 0x000002 is as far from 0x000000 as from 0x000004: the earlier entry wins.
        let palette: [UInt32] = [0x00_00_04, 0x00_00_00, 0x00_00_02, 0x00_00_02]
        #expect(ColourPalette.nearest([0x00_00_01, 0x00_00_03, 0x00_00_02], in: palette) == [1, 0, 2])
    }

    @Test func manyColoursKeepTheCommonOnesExactlyAndFillTo256() {
        // 600 rare shades of grey-blue and three fills covering most pixels.
        let fills: [UInt32] = [0xFF_FF_FF, 0x1D_70_B8, 0xD4_35_1C]
        let shades: [UInt32] = (0..<600).map { UInt32($0 % 200) << 16 | UInt32($0 / 3) << 8 | 0x40 }
        let colours = fills + shades, counts = [90_000, 40_000, 20_000] + shades.map { _ in 1 }
        let palette = ColourPalette.choose(colours, counts: counts)
        #expect(palette.count == 256)
        #expect(Array(palette.prefix(3)) == fills)
        let bytes = ColourPalette.nearest(colours, in: palette)
        #expect(Array(bytes.prefix(3)) == [0, 1, 2])
        #expect(ColourPalette.choose(colours, counts: counts) == palette, "the same census gives the same palette")
    }
}
