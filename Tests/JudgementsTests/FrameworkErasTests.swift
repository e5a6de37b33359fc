@testable import Judgements
import Testing
import TestTools
import YAMLFiles

/// Facts about the frameworks that charts state in their keys come from the eras, not from code.
@Suite struct FrameworkEras {
    @Test func theJointCareJudgementEndsWhereAnEraFirstJudgesChildrenInCareAlone() throws {
        let eras = try FrameworkLoader.load(path: Fixtures.frameworks, yaml: .files).eras
        #expect(eras.jointCareJudgementEnded?.longDisplay == "1 January 2023")
        // Without the era that judged them together there is nothing for a key to explain.
        #expect(eras.filter { !$0.judgements.contains(.childrenInCareAndCareLeavers) }.jointCareJudgementEnded == nil)
        // A joint era with no later one that judges them apart: still nothing to date.
        #expect(eras.filter { $0.judgements.contains(.childrenInCareAndCareLeavers) }.jointCareJudgementEnded == nil)
    }
}
