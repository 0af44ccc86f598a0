#include "app/app.hpp"

#include <spdlog/spdlog.h>

#include <condition_variable>
#include <fstream>
#include <mutex>
#include <stop_token>
#include <thread>

#include "app/contract.hpp"
#include "app/middleware.hpp"
#include "core/log.hpp"
#include "db/migrator.hpp"
#include "http/server.hpp"

namespace cocreate::app {

std::string_view openapi_contract() {
    for (const auto& f : embedded_contract::files())
        if (f.name == "openapi.yaml") return f.content;
    return {};
}

unsigned blocking_threads(const Config& config) {
    if (config.blocking_threads) return config.blocking_threads;
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    // SQLite work is CPU-bound and writes are serialized: more threads than about twice the
    // cores only add contention (measured: 56 vs 80 µs CPU per authenticated read with 2 vs 8
    // threads on 2 cores). PostgreSQL threads mostly wait on the network, so more of them pay.
    const bool sqlite = config.database.rfind("sqlite:", 0) == 0;
    return sqlite ? std::max(4u, 2 * cores) : std::max(8u, 4 * cores);
}

std::unique_ptr<db::Database> open_database(const Config& config) {
    return db::Database::open(config.database, blocking_threads(config));
}

namespace {

std::unique_ptr<db::Database> open_and_migrate(const Config& config) {
    auto db = open_database(config);
    db::Migrator migrator(*db, db::embedded_migrations(db->engine()));
    const auto applied = migrator.migrate();
    if (!applied.empty())
        spdlog::info(R"("msg":"migrated","to":{},"applied":{})", applied.back(), applied.size());
    return db;
}

auth::SessionPolicy session_policy(const Config& c) {
    return {std::chrono::seconds(c.session_idle_timeout_s), std::chrono::seconds(c.session_absolute_timeout_s)};
}

std::unique_ptr<core::Clock> make_clock(const Config& c) {
    if (c.clock_offset_file.empty()) return std::make_unique<core::SystemClock>();
    spdlog::warn(R"("msg":"the clock follows a test offset file","file":{})", core::json_quote(c.clock_offset_file));
    return std::make_unique<core::FileOffsetClock>(c.clock_offset_file);
}

// Once a minute until stopped: sends follow-up reminders, and when the day (of the app's
// clock) has changed since the last sweep, recomputes project health, whose time-based
// signals move with the days.
void run_periodic(std::stop_token stop, const core::Clock& clock, engagement::FollowUpService& follow_ups,
                  projects::ProjectService& projects) {
    std::mutex m;
    std::condition_variable_any wake;
    std::optional<core::Date> swept;
    while (!stop.stop_requested()) {
        try {
            if (const int sent = follow_ups.send_reminders(); sent > 0)
                spdlog::info(R"("msg":"follow-up reminders","sent":{})", sent);
        } catch (const std::exception& e) {
            spdlog::error(R"("msg":"follow-up reminders failed","error":{})", core::json_quote(e.what()));
        }
        try {
            if (const auto today = core::date_of(clock.now()); swept != today) {
                const auto done = projects.sweep_health();
                swept = today;
                spdlog::info(R"("msg":"project health sweep","projects":{},"seconds":{:.3f})", done.projects, done.seconds);
            }
        } catch (const std::exception& e) {
            spdlog::error(R"("msg":"project health sweep failed","error":{})", core::json_quote(e.what()));
        }
        std::unique_lock lock(m);
        wake.wait_for(lock, stop, std::chrono::seconds(60), [] { return false; });
    }
}

}  // namespace

App::App(Config config)
    : config_(std::move(config)),
      clock_(make_clock(config_)),
      db_(open_and_migrate(config_)),
      accounts_(*db_, *clock_, session_policy(config_), {}),
      directory_(*db_, *clock_, accounts_),
      spaces_(*db_, *clock_, accounts_),
      stakeholders_(*db_, *clock_),
      stakeholder_imports_(*db_, *clock_),
      interactions_(*db_, *clock_, stakeholders_),
      follow_ups_(*db_, *clock_, stakeholders_),
      relationships_(*db_, *clock_, stakeholders_),
      frameworks_(*db_, *clock_),
      projects_(*db_, *clock_, stakeholders_),
      challenges_(*db_, *clock_),
      ideas_(*db_, *clock_),
      discussion_(*db_, *clock_, ideas_),
      idea_insight_(*db_, *clock_, ideas_, projects_),
      attachment_store_(config_.data_dir),
      attachments_(*db_, *clock_, ideas_, attachment_store_) {
    register_routes(router_, *this);
    std::vector<std::string> templates;
    for (const auto& r : router_.routes()) templates.push_back(r.method + " " + r.path_template);
    metrics_ = std::make_unique<http::Metrics>(std::move(templates));
    metrics_->add_gauges([this] {
        const auto st = db_->stats();
        return fmt::format(
            "# TYPE cocreate_db_pool_connections gauge\ncocreate_db_pool_connections {}\n"
            "# TYPE cocreate_db_pool_in_use gauge\ncocreate_db_pool_in_use {}\n"
            "# TYPE cocreate_db_pool_waits_total counter\ncocreate_db_pool_waits_total {}\n",
            st.size, st.in_use, st.waits);
    });
    static_files_ = std::make_unique<http::StaticFiles>(config_.web_root);
    auto middleware = make_middleware(accounts_, config_.session_absolute_timeout_s);
    middleware.fallback = [this](const http::Request& req) { return static_files_->serve(req); };
    dispatcher_ = std::make_unique<http::Dispatcher>(router_, std::move(middleware));
}

App::~App() = default;

int App::serve() {
    http::ServerOptions options;
    options.host = config_.host;
    options.port = config_.port;
    options.network_threads = config_.threads;
    options.blocking_threads = blocking_threads(config_);
    options.max_connections = config_.max_connections;
    options.read_timeout = std::chrono::milliseconds(config_.read_timeout_ms);
    options.idle_timeout = std::chrono::milliseconds(config_.idle_timeout_ms);
    options.access_log = config_.access_log;
    http::Server server(options, *dispatcher_, *metrics_);
    std::jthread periodic([this](std::stop_token stop) { run_periodic(stop, *clock_, follow_ups_, projects_); });
    if (static_files_->file_count() == 0)
        spdlog::warn(R"("msg":"no web app found; serving the API only","web_root":{})", core::json_quote(config_.web_root));
    server.run([&](uint16_t port) {
        if (!config_.port_file.empty()) {
            // Write then rename, so a reader never sees a half-written port.
            const std::string tmp = config_.port_file + ".tmp";
            std::ofstream(tmp) << port << "\n";
            std::rename(tmp.c_str(), config_.port_file.c_str());
        }
        spdlog::info(R"("msg":"listening","url":"http://{}:{}","port":{})", config_.host, port, port);
    });
    spdlog::info(R"("msg":"stopped")");
    return 0;
}

}  // namespace cocreate::app
