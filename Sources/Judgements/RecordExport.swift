import Foundation

/// The validated record with the answers the packs draw on, as one JSON document for other tools.
public struct RecordExport: Encodable {
    public struct Answers: Encodable {
        public var asOf: String
        public var gradeChanges: [GradeChange]
        public var overallGradePeriods: [GradePeriod]
        public var monitoringVisitsSinceLastGradedInspection: [String]
        public var areasForImprovement: [AreaTrack]
        public var leadersAtEvents: [LeadersAtEvent]
    }

    public var briefingVersion: String
    public var record: AuthorityRecord
    public var answers: Answers

    public init(record: AuthorityRecord, version: String) {
        let asOf = record.newestDate
        let asOfDate = PartialDate(year: asOf.year, month: asOf.month, day: asOf.day)
        self.briefingVersion = version
        self.record = record
        self.answers = Answers(asOf: asOf.iso, gradeChanges: record.gradeChanges,
                               overallGradePeriods: record.overallGradePeriods(asOf: asOf),
                               monitoringVisitsSinceLastGradedInspection: record.monitoringVisitsSinceLastGradedInspection(asOf: asOfDate).map(\.id),
                               areasForImprovement: record.areasForImprovement.map(record.track),
                               leadersAtEvents: record.leadersAtEvents)
    }

    /// Pretty-printed with sorted keys, so the same record always gives the same bytes.
    public func json() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try e.encode(self)
        data.append(0x0A)
        return data
    }
}
