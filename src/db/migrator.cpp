#include "db/migrator.hpp"

#include <cctype>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "core/clock.hpp"

namespace cocreate::embedded_migrations {
std::span<const cocreate::core::EmbeddedFile> files();
}

namespace cocreate::db {

std::vector<Migration> embedded_migrations(Engine engine) {
    return migrations_from(embedded_migrations::files(), engine == Engine::kSqlite ? "sqlite" : "postgres");
}


std::vector<Migration> migrations_from(std::span<const core::EmbeddedFile> files, std::string_view dir) {
    std::vector<Migration> out;
    for (const auto& f : files) {
        const std::string prefix = std::string(dir) + "/";
        if (f.name.rfind(prefix, 0) != 0 || !f.name.ends_with(".sql")) continue;
        const auto base = f.name.substr(prefix.size());
        int version = 0;
        const auto [p, ec] = std::from_chars(base.data(), base.data() + base.size(), version);
        if (ec != std::errc{} || *p != '_') throw std::runtime_error(fmt::format("migration {}: bad name", f.name));
        out.push_back({version, std::string(base.substr(p - base.data() + 1, base.size() - (p - base.data()) - 5)),
                       f.content});
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.version < b.version; });
    for (size_t i = 0; i < out.size(); ++i)
        if (out[i].version != static_cast<int>(i) + 1)
            throw std::runtime_error(fmt::format("migrations in {}: version {} missing", dir, i + 1));
    return out;
}

namespace {

std::string upper_trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    const auto last = text.find_last_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    std::string out = text.substr(first, last - first + 1);
    for (auto& ch : out) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return out;
}

// A trigger's body holds statements of its own: its semicolons end the CREATE TRIGGER only
// after the closing END.
bool inside_trigger_body(const std::string& current) {
    const auto text = upper_trimmed(current);
    if (text.rfind("CREATE TRIGGER", 0) != 0) return false;
    return text.size() < 3 || text.compare(text.size() - 3, 3, "END") != 0;
}

}  // namespace

std::vector<std::string> split_statements(std::string_view s) {
    std::vector<std::string> out;
    std::string current;
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '-' && i + 1 < s.size() && s[i + 1] == '-') {
            while (i < s.size() && s[i] != '\n') ++i;
            current += '\n';
            continue;
        }
        if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
            const auto end = s.find("*/", i + 2);
            i = end == std::string_view::npos ? s.size() : end + 1;
            continue;
        }
        if (c == '\'' || c == '"') {
            const auto end = s.find(c, i + 1);
            const auto stop = end == std::string_view::npos ? s.size() : end + 1;
            current.append(s.substr(i, stop - i));
            i = stop - 1;
            continue;
        }
        if (c == ';' && inside_trigger_body(current)) {
            current += c;
            continue;
        }
        if (c == ';') {
            if (current.find_first_not_of(" \t\r\n") != std::string::npos) out.push_back(current);
            current.clear();
            continue;
        }
        current += c;
    }
    if (current.find_first_not_of(" \t\r\n") != std::string::npos) out.push_back(current);
    return out;
}

Migrator::Migrator(Database& db, std::vector<Migration> migrations) : db_(db), migrations_(std::move(migrations)) {}

void Migrator::ensure_table() {
    auto lease = db_.lease_writer();
    *lease << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
              "applied_at TEXT NOT NULL)";
}

MigrationStatus Migrator::status() {
    ensure_table();
    MigrationStatus st;
    st.latest = migrations_.empty() ? 0 : migrations_.back().version;
    db_.read([&](soci::session& s) {
        soci::indicator ind;
        s << "SELECT MAX(version) FROM schema_migrations", soci::into(st.current, ind);
        if (ind != soci::i_ok) st.current = 0;
    });
    return st;
}

std::vector<int> Migrator::migrate(int to) {
    const auto st = status();
    if (st.current > st.latest)
        throw std::runtime_error(fmt::format(
            "the database schema is at version {}, newer than this binary knows ({}); upgrade cocreate", st.current,
            st.latest));
    const int target = to == 0 ? st.latest : to;
    if (target < st.current)
        throw std::runtime_error(fmt::format("migrations are forward-only: the database is at {}", st.current));
    if (target > st.latest) throw std::runtime_error(fmt::format("no migration {} (latest is {})", target, st.latest));
    std::vector<int> applied;
    core::SystemClock clock;
    for (const auto& m : migrations_) {
        if (m.version <= st.current || m.version > target) continue;
        struct Done {
            bool has_value() const { return true; }
        };
        db_.write([&](soci::session& s) {
            for (const auto& stmt : split_statements(m.sql)) {
                try {
                    s << stmt;
                } catch (const soci::soci_error& e) {
                    throw std::runtime_error(
                        fmt::format("migration {:04}_{}: {}", m.version, m.name, e.get_error_message()));
                }
            }
            const std::string now = core::format_time(clock.now());
            s << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :t)", soci::use(m.version),
                soci::use(m.name), soci::use(now);
            return Done{};
        });
        applied.push_back(m.version);
    }
    return applied;
}

}  // namespace cocreate::db
