/// Facts about this build of InfraPrep that every layer reports the same way.
public enum AppInfo {
    public static let name = "InfraPrep"
    public static let version = "0.1.0"
}
