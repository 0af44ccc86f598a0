#include "app/cli.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdlib>
#include <iostream>

#include "app/app.hpp"
#include "app/generator.hpp"
#include "app/maintenance.hpp"
#include "auth/secrets.hpp"
#include "auth/session_repository.hpp"
#include "auth/user_repository.hpp"
#include "events/event_log.hpp"
#include "core/json_input.hpp"
#include "core/log.hpp"
#include "db/migrator.hpp"

#ifndef COCREATE_VERSION
#define COCREATE_VERSION "0.0.0"
#endif

namespace cocreate::app {

namespace {

std::string read_password_from_stdin() {
    std::string line;
    std::getline(std::cin, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

void add_serve_options(CLI::App* cmd, Config& c) {
    cmd->add_option("--host", c.host, "Address to listen on")->envname("COCREATE_HOST")->capture_default_str();
    cmd->add_option("--port", c.port, "Port (0 picks a free one)")->envname("COCREATE_PORT")->capture_default_str();
    cmd->add_option("--port-file", c.port_file, "Write the bound port to this file once listening")->envname("COCREATE_PORT_FILE");
    cmd->add_option("--web-root", c.web_root, "Folder of the built web app")->envname("COCREATE_WEB_ROOT")->capture_default_str();
    cmd->add_option("--data-dir", c.data_dir, "Folder for uploaded files (idea attachments)")->envname("COCREATE_DATA_DIR")->capture_default_str();
    cmd->add_option("--threads", c.threads, "Network threads (0: one per core)")->envname("COCREATE_THREADS");
    cmd->add_option("--blocking-threads", c.blocking_threads, "Handler threads (0: 2 per core for SQLite, 4 for PostgreSQL)")->envname("COCREATE_BLOCKING_THREADS");
    cmd->add_option("--max-connections", c.max_connections, "Concurrent connection cap")->envname("COCREATE_MAX_CONNECTIONS")->capture_default_str();
    cmd->add_option("--read-timeout-ms", c.read_timeout_ms, "Deadline to read one request")->envname("COCREATE_READ_TIMEOUT_MS")->capture_default_str();
    cmd->add_option("--idle-timeout-ms", c.idle_timeout_ms, "Keep-alive idle limit")->envname("COCREATE_IDLE_TIMEOUT_MS")->capture_default_str();
    cmd->add_option("--session-idle-timeout-s", c.session_idle_timeout_s, "Sign out after this much inactivity")->envname("COCREATE_SESSION_IDLE_TIMEOUT_S")->capture_default_str();
    cmd->add_option("--session-absolute-timeout-s", c.session_absolute_timeout_s, "Sign out after this long regardless")->envname("COCREATE_SESSION_ABSOLUTE_TIMEOUT_S")->capture_default_str();
    cmd->add_option("--access-log", c.access_log, "Log every request as a JSON line")->envname("COCREATE_ACCESS_LOG")->capture_default_str();
    cmd->add_option("--test-clock-offset-file", c.clock_offset_file,
                    "For browser tests only: run the clock ahead by the seconds written in this file")
        ->envname("COCREATE_TEST_CLOCK_OFFSET_FILE");
}

int print_users(App& app) {
    auto users = app.database().read([](soci::session& s) {
        return auth::user_repository::list(s, {.limit = 10'000});
    });
    for (const auto& u : users)
        std::cout << fmt::format("{:>5}  {:<36} {:<28} {:<18} {}\n", u.id, u.email, u.display_name,
                                 auth::role_name(u.role), u.disabled ? "disabled" : "active");
    return 0;
}

struct GenFlags {
    std::string scale = "small";
    uint64_t seed = 1;
    std::string now;  // RFC 3339; empty: today at 00:00 UTC
};

void add_gen_options(CLI::App* cmd, GenFlags& f) {
    cmd->add_option("--scale", f.scale, "small (1/100) or enterprise (100,000 stakeholders, 1,000,000 interactions)")
        ->check(CLI::IsMember({"small", "enterprise"}))->capture_default_str();
    cmd->add_option("--seed", f.seed, "Random seed: the same seed gives the same data")->capture_default_str();
    cmd->add_option("--now", f.now, "Reference time, e.g. 2026-11-23T12:00:00Z (default: today 00:00 UTC); "
                                    "fix it for byte-identical data across days");
}

// Generated users share one password: COCREATE_GEN_PASSWORD, or the documented default. It
// is read from the environment, not a flag, so it does not show in the process list.
int run_gen(App& app, const GenFlags& f) {
    GenOptions o;
    o.seed = f.seed;
    o.factor = *gen_scale_factor(f.scale);
    const auto now = f.now.empty() ? std::optional<core::TimePoint>(std::chrono::floor<std::chrono::days>(app.clock().now()))
                                   : core::parse_time(f.now);
    if (!now) throw std::runtime_error("--now: not an RFC 3339 time: " + f.now);
    o.now = *now;
    if (const char* pw = std::getenv("COCREATE_GEN_PASSWORD"); pw && *pw) o.password = pw;
    if (auto why = auth::password_problem(o.password, kGenAdminEmail, "Bench Admin"))
        throw std::runtime_error("COCREATE_GEN_PASSWORD: password " + *why);
    o.progress = &std::cerr;
    std::cout << describe(generate_company(app.database(), o), o);
    return 0;
}

}  // namespace

int run_cli(int argc, char** argv) {
    CLI::App cli{"cocreate: co-create and co-innovate with customers, partners and stakeholders"};
    cli.require_subcommand(1);
    cli.fallthrough();  // --database and --log-level may follow the subcommand too
    Config config;
    cli.add_option("--database", config.database, "sqlite:PATH or postgresql:CONNINFO")
        ->envname("COCREATE_DATABASE")->capture_default_str();
    cli.add_option("--log-level", config.log_level, "trace, debug, info, warn, error")
        ->envname("COCREATE_LOG_LEVEL")->capture_default_str();

    auto* serve = cli.add_subcommand("serve", "Run the web server (migrates first)");
    add_serve_options(serve, config);
    auto* migrate = cli.add_subcommand("migrate", "Apply schema migrations");
    int migrate_to = 0;
    migrate->add_option("--to", migrate_to, "Stop at this version (default: latest)");
    auto* user = cli.add_subcommand("user", "Manage user accounts");
    user->require_subcommand(1);
    auto* user_add = user->add_subcommand("add", "Add a user; the password is read from standard input");
    std::string email, name, role = "member";
    std::vector<std::string> caps;
    user_add->add_option("--email", email, "E-mail address")->required();
    user_add->add_option("--name", name, "Display name")->required();
    user_add->add_option("--role", role, "admin, innovation_manager, member or external")->capture_default_str();
    user_add->add_option("--capability", caps, "executive, facilitator, listening_analyst, sales (repeatable)");
    auto* user_passwd = user->add_subcommand("passwd", "Set a password (read from standard input); signs the user out everywhere");
    user_passwd->add_option("email", email, "E-mail address")->required();
    auto* user_list = user->add_subcommand("list", "List users");
    auto* user_disable = user->add_subcommand("disable", "Disable an account and end its sessions");
    user_disable->add_option("email", email, "E-mail address")->required();
    auto* demo = cli.add_subcommand("demo", "Load the demo company (idempotent)");
    auto* gen = cli.add_subcommand("gen", "Fill an empty database with a generated company for benchmarks (deterministic)");
    GenFlags gen_flags;
    add_gen_options(gen, gen_flags);
    std::string file;
    auto* backup = cli.add_subcommand("backup", "Write a consistent copy of the database to FILE, and the uploaded files to FILE.attachments");
    backup->add_option("file", file, "Destination")->required();
    auto* restore = cli.add_subcommand("restore", "Replace the database with the copy in FILE; put back the files of FILE.attachments");
    restore->add_option("file", file, "Source")->required();
    auto* version = cli.add_subcommand("version", "Print the version");

    CLI11_PARSE(cli, argc, argv);
    core::configure_logging(config.log_level);
    if (*version) {
        std::cout << "cocreate " << COCREATE_VERSION << "\n";
        return 0;
    }
    try {
        if (*migrate) {
            auto db = open_database(config);
            db::Migrator m(*db, db::embedded_migrations(db->engine()));
            const auto applied = m.migrate(migrate_to);
            const auto st = m.status();
            std::cout << fmt::format("schema at version {} (latest {}); applied {}\n", st.current, st.latest, applied.size());
            return 0;
        }
        // Backup: the database first, then the files (a file is stored before the row naming
        // it, so every attachment the copied database names is there). Restore: the files
        // first (extra files are harmless; a row naming a missing file is not).
        const std::filesystem::path attachments = std::filesystem::path(config.data_dir) / "attachments";
        if (*backup) {
            auto db = open_database(config);
            backup_database(*db, file);
            const auto files = copy_attachment_files(attachments, file + ".attachments");
            std::cout << "backup written to " << file << "; attachments in " << file << ".attachments (" << files
                      << " new)\n";
            return 0;
        }
        if (*restore) {
            if (!std::filesystem::exists(file)) throw std::runtime_error("restore: no such file " + file);
            const auto files = copy_attachment_files(file + ".attachments", attachments);
            auto db = open_database(config);
            restore_database(*db, file);
            std::cout << "restored from " << file << "; " << files << " attachment files put back in " << attachments.string()
                      << "\n";
            return 0;
        }
        App app(config);
        if (*serve) return app.serve();
        if (*demo) {
            std::cout << load_demo(app);
            return 0;
        }
        if (*gen) return run_gen(app, gen_flags);
        if (*user_list) return print_users(app);
        if (*user_add) {
            auth::NewUser u{email, name, read_password_from_stdin(), auth::Role::kMember, caps, std::nullopt};
            if (!auth::parse_role(role, u.role)) throw std::runtime_error("unknown role " + role);
            if (auto ok = auth::AccountService::validate_new_user(u); !ok)
                throw std::runtime_error(ok.error().field + " " + ok.error().detail);
            const auto hash = auth::hash_password(u.password);
            auto created = app.database().write([&](soci::session& s) { return app.accounts().insert_user(s, u, hash, std::nullopt); });
            if (!created) throw std::runtime_error(created.error().detail);
            std::cout << "added user " << created->id << " " << created->email << "\n";
            return 0;
        }
        if (*user_passwd || *user_disable) {
            auto found = app.database().read([&](soci::session& s) { return auth::user_repository::find_by_email(s, core::ascii_lower(email)); });
            if (!found) throw std::runtime_error("no user " + email);
            if (*user_passwd) {
                const auto password = read_password_from_stdin();
                if (auto why = auth::password_problem(password, found->email, found->display_name)) throw std::runtime_error("password " + *why);
                const auto hash = auth::hash_password(password);
                const auto now = core::format_time(app.clock().now());
                app.database().write([&](soci::session& s) -> core::Status {
                    auth::user_repository::update_password(s, found->id, hash, now);
                    auth::session_repository::revoke_sessions_except(s, found->id, 0, now);
                    events::append(s, {std::nullopt, "user.password_reset", "user", found->id, std::nullopt,
                                       events::Visibility::kInternal, {{"by", "command line"}}}, now);
                    return {};
                });
                std::cout << "password changed for " << found->email << "\n";
            } else {
                const auto now = core::format_time(app.clock().now());
                app.database().write([&](soci::session& s) -> core::Status {
                    auth::User u = *found;
                    u.disabled = true;
                    u.updated_at = now;
                    auth::user_repository::update_profile(s, u);
                    auth::session_repository::revoke_sessions_except(s, u.id, 0, now);
                    auth::session_repository::revoke_all_tokens(s, u.id, now);
                    events::append(s, {std::nullopt, "user.disabled", "user", u.id, std::nullopt,
                                       events::Visibility::kInternal, {{"by", "command line"}}}, now);
                    return {};
                });
                std::cout << "disabled " << found->email << "\n";
            }
            return 0;
        }
    } catch (const std::exception& e) {
        std::cerr << "cocreate: " << e.what() << "\n";
        return 1;
    }
    return 0;
}

}  // namespace cocreate::app
