import Diagnostics
import Testing
import YAMLFiles

@Suite struct YAMLDuplicateKeys {
    /// A repeated key in a record was reported without file, line or column.
    /// (The same through the binary: `ValidateAndExport.theValidatorSaysWhereAKeyIsRepeated`.)
    @Test func aRepeatedKeyIsReportedWhereItIsRepeated() throws {
        let text = "authority:\n  name: Liverpool\n  council: Liverpool City Council\n  name: Knowsley\nevents: []\n"
        do {
            _ = try YAMLDocument.parse(text, file: "liverpool.yaml")
            Issue.record("a repeated key should be an error")
        } catch {
            let d = try #require(error.diagnostics.first)
            #expect(d.description == "liverpool.yaml:4:3: error: \"name\" is given twice in one mapping (first at line 2); YAML keeps only one, so say it once")
        }
    }
}
