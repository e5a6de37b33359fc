/// The tool's version, written into every PDF's Creator field and every manifest.
public enum BriefingVersion {
    public static let string = "0.1.0"
}
