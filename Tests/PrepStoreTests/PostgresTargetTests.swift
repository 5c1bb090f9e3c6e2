import PrepCore
import PrepStore
import Testing

@Suite struct PostgresTargetTests {
    @Test func parsesAFullURL() throws {
        let target = try PostgresTarget.parse("postgres://app:s%40cret@db.example:6543/prep?sslmode=disable")
        #expect(target == PostgresTarget(host: "db.example", port: 6543, username: "app", password: "s@cret", database: "prep", tls: .disable))
        #expect(target.redacted == "postgres://app:***@db.example:6543/prep")
    }

    @Test func defaultsPortAndTLS() throws {
        let target = try PostgresTarget.parse("postgresql://app@localhost/prep")
        #expect(target.port == 5432)
        #expect(target.tls == .prefer)
        #expect(target.password == nil)
    }

    @Test func acceptsTheDriverSpellingOfTLSMode() throws {
        #expect(try PostgresTarget.parse("postgres://a@h/db?tlsmode=require").tls == .require)
        #expect(try PostgresTarget.parse("postgres://a@h/db?sslmode=verify-full").tls == .require)
    }

    @Test func parsesIPv6Hosts() throws {
        let target = try PostgresTarget.parse("postgres://a@[::1]:5433/db")
        #expect(target.host == "::1")
        #expect(target.port == 5433)
    }

    @Test(arguments: [
        ("mysql://a@h/db", "scheme 'mysql'"),
        ("localhost:5432/db", "no scheme"),
        ("postgres://h/db", "no user name"),
        ("postgres://@h/db", "user name is empty"),
        ("postgres://a@h:99999/db", "port '99999'"),
        ("postgres://a@h:abc/db", "port 'abc'"),
        ("postgres://a@/db", "host is empty"),
        ("postgres://a@h/db?sslmode=sometimes", "sslmode=sometimes"),
    ])
    func namesWhatIsWrong(url: String, expected: String) {
        #expect {
            try PostgresTarget.parse(url)
        } throws: { error in
            guard let error = error as? PlainError else { return false }
            return error.problem.hasPrefix("DATABASE_URL is malformed") && error.problem.contains(expected) && error.fix.contains("postgres://")
        }
    }
}
