import PrepCore
import Testing

@Suite struct ProfileUpdateTests {
    @Test func acceptsAValidProfile() {
        #expect(ProfileUpdate(displayName: "Ada", timeZone: "Europe/Berlin").validate().isEmpty)
    }

    @Test func rejectsEmptyNamesAndUnknownZonesWithReasons() {
        let errors = ProfileUpdate(displayName: "   ", timeZone: "Mars/Olympus").validate()
        #expect(errors["displayName"] == "Enter a name to show on your pages.")
        #expect(errors["timeZone"]?.contains("'Mars/Olympus' is not an IANA time zone name") == true)
    }

    @Test func rejectsOverlongNames() {
        let errors = ProfileUpdate(displayName: String(repeating: "x", count: 81), timeZone: "UTC").validate()
        #expect(errors["displayName"]?.contains("81") == true)
    }

    @Test func trimsBeforeStoring() {
        #expect(ProfileUpdate(displayName: "  Ada ", timeZone: "UTC").normalized.displayName == "Ada")
    }
}
