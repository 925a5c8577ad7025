package vn.academicledger.issuer.security;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/** Accounts that sign in: people (browser login) and scripts (client credentials), one table. */
@Repository
public class Accounts {
    public record Account(String username, String passwordHash, String displayName, Role role, String schoolCode,
                          boolean enabled) {
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    Accounts(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    public Optional<Account> find(String username) {
        return jdbc.sql("select username, password_hash, display_name, role, school_code, enabled from accounts where username = ?")
                .param(username)
                .query((rs, n) -> new Account(rs.getString(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                        rs.getString(5), rs.getBoolean(6)))
                .optional();
    }

    public List<Account> all() {
        return jdbc.sql("select username, password_hash, display_name, role, school_code, enabled from accounts order by username")
                .query((rs, n) -> new Account(rs.getString(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                        rs.getString(5), rs.getBoolean(6)))
                .list();
    }

    /** Creates the account unless it exists; returns true when it was created. */
    public boolean createIfAbsent(String username, String password, String displayName, Role role, String schoolCode) {
        return jdbc.sql("""
                        insert into accounts (username, password_hash, display_name, role, school_code)
                        values (?, ?, ?, ?, ?) on conflict (username) do nothing""")
                .params(username, passwords.encode(password), displayName, role.name(), schoolCode)
                .update() == 1;
    }
}
