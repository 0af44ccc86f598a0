#include "app/maintenance.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>
#include <vector>

#include "app/demo_engagement.hpp"
#include "auth/secrets.hpp"
#include "auth/space_repository.hpp"
#include "auth/user_repository.hpp"
#include "events/event_log.hpp"

namespace cocreate::app {

namespace {

// SOCI wraps the SQLite C API in its own namespace.
using namespace ::sqlite_api;

struct DemoPerson {
    const char* email;
    const char* name;
    auth::Role role;
    std::vector<std::string> capabilities;
};

// Runs a program with arguments (no shell), throwing when it fails.
void run_program(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("cannot start " + args.front());
    if (pid == 0) {
        execvp(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) throw std::runtime_error(args.front() + " failed");
}

std::string conninfo_of(const db::Database& db) {
    const auto& url = db.url();
    if (url.starts_with("postgresql://") || url.starts_with("postgres://")) return url;
    return url.substr(url.find(':') + 1);
}

sqlite3* raw_handle(soci::session& s) {
    return static_cast<soci::sqlite3_session_backend*>(s.get_backend())->conn_;
}

void copy_sqlite(sqlite3* from, sqlite3* to) {
    sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
    if (!b) throw std::runtime_error(std::string("backup: ") + sqlite3_errmsg(to));
    int rc;
    // Copy in steps so writers are blocked only briefly between them.
    while ((rc = sqlite3_backup_step(b, 256)) == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep(5);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) throw std::runtime_error(std::string("backup: ") + sqlite3_errstr(rc));
}

}  // namespace

std::string load_demo(App& app) {
    const std::vector<DemoPerson> internal = {
        {"admin@demo.cocreate.test", "Ada Admin", auth::Role::kAdmin, {}},
        {"ines@demo.cocreate.test", "Ines Innovation", auth::Role::kInnovationManager, {"executive"}},
        {"sam@demo.cocreate.test", "Sam Sales", auth::Role::kMember, {"sales"}},
        {"fay@demo.cocreate.test", "Fay Facilitator", auth::Role::kMember, {"facilitator", "listening_analyst"}},
    };
    const std::vector<DemoPerson> external = {
        {"clara@northwind.example", "Clara Customer", auth::Role::kExternal, {}},
        {"paul@northwind.example", "Paul Procurement", auth::Role::kExternal, {}},
    };
    const std::string hash = auth::hash_password(kDemoPassword);
    auto& db = app.database();
    DemoIds demo;
    auto done = db.write([&](soci::session& s) -> core::Result<bool> {
        if (auth::user_repository::find_by_email(s, internal.front().email)) return false;
        const auto now = core::format_time(app.clock().now());
        namespace spaces = auth::space_repository;
        const auto own = spaces::insert_organisation(s, {0, "Demo Company", "own", "demo.cocreate.test", now}, now);
        const auto customer = spaces::insert_organisation(s, {0, "Northwind Logistics", "customer", "northwind.example", now}, now);
        spaces::insert_organisation(s, {0, "Contoso Sensors", "supplier", "contoso.example", now}, now);
        std::vector<int64_t> ids;
        for (const auto* group : {&internal, &external}) {
            for (const auto& p : *group) {
                auth::User u;
                u.email = p.email;
                u.display_name = p.name;
                u.password_hash = hash;
                u.role = p.role;
                u.capabilities = p.capabilities;
                u.organisation_id = p.role == auth::Role::kExternal ? customer : own;
                u.created_at = u.updated_at = u.password_changed_at = now;
                ids.push_back(auth::user_repository::insert(s, u));
                events::append(s, {ids.front(), "user.created", "user", ids.back(), std::nullopt,
                                   events::Visibility::kInternal, {{"email", u.email}, {"demo", true}}},
                               now);
            }
        }
        auto space = [&](const char* name, const char* description, const char* kind, bool external) {
            auth::Space sp;
            sp.name = name;
            sp.description = description;
            sp.kind = kind;
            sp.external_allowed = external;
            sp.created_by = ids[1];
            const auto id = spaces::insert_space(s, sp, now);
            events::append(s, {ids[1], "space.created", "space", id, id, events::Visibility::kSpace, {{"name", name}}}, now);
            return id;
        };
        const auto lab = space("Northwind co-innovation lab", "Where Northwind and our team shape the next delivery experience together.", "project_room", true);
        const auto community = space("Customer community", "Open community for customers, partners and employees.", "community", true);
        const auto internal_room = space("Innovation team room", "Internal only: portfolio, gates and learnings.", "project_room", false);
        for (size_t i = 0; i < 4; ++i) spaces::upsert_member(s, lab, ids[i], i == 1 ? "owner" : "member", now);
        spaces::upsert_member(s, lab, ids[4], "member", now);
        spaces::upsert_member(s, lab, ids[5], "guest", now);
        spaces::upsert_member(s, community, ids[1], "owner", now);
        spaces::upsert_member(s, community, ids[3], "moderator", now);
        spaces::upsert_member(s, community, ids[4], "member", now);
        spaces::upsert_member(s, internal_room, ids[1], "owner", now);
        spaces::upsert_member(s, internal_room, ids[0], "member", now);
        demo = {ids[0], ids[1], ids[2], ids[3], ids[4], lab, community};
        return true;
    });
    if (done && *done) {
        const auto who = load_demo_engagement(app, demo);
        load_demo_projects(app, demo, who);
        load_demo_ideas(app, demo, who);
    }
    std::string out = done && *done ? "Demo company loaded.\n" : "Demo company already present.\n";
    out += "Sign in with any of these (password: " + std::string(kDemoPassword) + "):\n";
    for (const auto* group : {&internal, &external})
        for (const auto& p : *group)
            out += "  " + std::string(p.email) + "  (" + p.name + ", " + auth::role_name(p.role) + ")\n";
    return out;
}

void backup_database(db::Database& db, const std::string& file) {
    if (db.engine() == db::Engine::kPostgres) {
        run_program({"pg_dump", "--format=custom", "--no-owner", "--file=" + file, "--dbname=" + conninfo_of(db)});
        return;
    }
    std::filesystem::remove(file);
    soci::session target(soci::sqlite3, "db=\"" + file + "\"");
    auto lease = db.lease_reader();
    copy_sqlite(raw_handle(*lease), raw_handle(target));
}

size_t copy_attachment_files(const std::filesystem::path& from, const std::filesystem::path& to) {
    namespace fs = std::filesystem;
    if (!fs::is_directory(from)) return 0;
    const auto private_dir = [](const fs::path& dir) {
        fs::create_directories(dir);
        fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace);
    };
    private_dir(to);
    size_t copied = 0;
    for (const auto& entry : fs::recursive_directory_iterator(from)) {
        if (!entry.is_regular_file() || entry.path().filename().string().starts_with(".tmp-")) continue;
        const fs::path target = to / fs::relative(entry.path(), from);
        if (fs::exists(target)) continue;  // same name, same content
        private_dir(target.parent_path());
        // Copied under a temporary name and renamed: a copy cut short never looks complete.
        const fs::path temp = target.parent_path() / (".tmp-" + target.filename().string());
        fs::copy_file(entry.path(), temp, fs::copy_options::overwrite_existing);
        fs::permissions(temp, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
        fs::rename(temp, target);
        ++copied;
    }
    return copied;
}

void restore_database(db::Database& db, const std::string& file) {
    if (!std::filesystem::exists(file)) throw std::runtime_error("restore: no such file " + file);
    if (db.engine() == db::Engine::kPostgres) {
        run_program({"pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                     "--dbname=" + conninfo_of(db), file});
        return;
    }
    soci::session source(soci::sqlite3, "db=\"" + file + "\"");
    auto lease = db.lease_writer();
    copy_sqlite(raw_handle(source), raw_handle(*lease));
}

}  // namespace cocreate::app
