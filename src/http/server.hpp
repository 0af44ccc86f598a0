#pragma once
// The HTTP/1.1 server: Beast + Asio coroutines on one io_context run by N threads, a strand
// per connection, deadlines on every read and write, framing checks that refuse ambiguous
// requests, a connection cap, and a graceful stop on SIGINT/SIGTERM. Handler work runs on a
// separate blocking pool so database calls never stall the network threads.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "http/dispatcher.hpp"
#include "http/metrics.hpp"

namespace cocreate::http {

struct ServerOptions {
    std::string host = "127.0.0.1";
    uint16_t port = 8080;
    unsigned network_threads = 0;   // 0: one per core
    unsigned blocking_threads = 0;  // 0: 4 per core, at least 8
    size_t max_connections = 4096;
    size_t header_limit = 16 * 1024;
    std::chrono::milliseconds read_timeout{10'000};   // whole request (headers + body)
    std::chrono::milliseconds write_timeout{10'000};
    std::chrono::milliseconds idle_timeout{60'000};   // keep-alive wait for the next request
    std::chrono::milliseconds drain_timeout{10'000};  // graceful stop: in-flight requests finish within this
    bool access_log = true;
};

class Server {
public:
    Server(ServerOptions options, const Dispatcher& dispatcher, Metrics& metrics);
    ~Server();

    // Binds, calls `on_listening(port)` once accepting, then serves until stop() or
    // SIGINT/SIGTERM; returns after in-flight requests finished (or the drain timed out).
    // Throws std::runtime_error when the address cannot be bound.
    void run(const std::function<void(uint16_t)>& on_listening);
    // Asks a running server to stop gracefully. Thread-safe.
    void stop();

    unsigned blocking_threads() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace cocreate::http
