import Foundation
@testable import Rendering
import Testing

@Suite struct MarkedContentTokens {
    let stream = Data("""
    q BT (a\\) /P << /MCID 9 >> BDC \\(x) Tj ET
    /P << /MCID 0 >> BDC <414243> Tj % /H1 << /MCID 7 >> BDC
    /Span << /ActualText <FEFF0020> >> BDC [(x) 3 (y)] TJ EMC EMC
    /Private<</MCID 1>>BDC 0 0 m 1 1 l S EMC Q
    """.utf8)

    @Test func findsOnlyRealOperators() throws {
        let found = try MarkedContent.sequences(in: [UInt8](stream))
        #expect(found.map(\.tag) == ["P", "Span", "Private"], "strings and comments hide look-alikes")
        #expect(found.map(\.mcid) == [0, nil, 1])
    }

    /// The id is read from the operands, not from the text: a `/MCID` inside a string is no id,
    /// and the property list is kept as written without the white space around it.
    @Test func theIdIsAnOperandAndThePropertiesAreAsWritten() throws {
        let found = try MarkedContent.sequences(in: Array("/Span << /ActualText (/MCID 5) >> BDC EMC /TD\n<< /MCID 12 >>\tBDC EMC".utf8))
        #expect(found.map(\.mcid) == [nil, 12])
        #expect(found.map(\.properties) == ["<< /ActualText (/MCID 5) >>", "<< /MCID 12 >>"])
    }

    @Test func rewritesOnlyWhatItIsAskedTo() throws {
        let out = try MarkedContent.rewrite(stream) { $0.tag == "Private" ? ("Artifact", "<< /Type /Layout >>") : nil }
        let text = String(decoding: out, as: UTF8.self)
        #expect(text.contains("/Artifact << /Type /Layout >> BDC 0 0 m"))
        #expect(text.contains("/P << /MCID 0 >> BDC <414243> Tj"))
        #expect(!text.contains("Private"))
        #expect(text.count == String(decoding: stream, as: UTF8.self).count + "/Artifact << /Type /Layout >> BDC".count - "/Private<</MCID 1>>BDC".count)
    }
}
