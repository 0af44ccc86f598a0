#pragma once
// Everything the server can be told, with the defaults `cocreate serve` runs on.
// Values come from flags, then COCREATE_* environment variables, then these defaults.

#include <cstdint>
#include <string>

namespace cocreate::app {

struct Config {
    std::string database = "sqlite:./cocreate.db";
    std::string host = "127.0.0.1";
    uint16_t port = 8080;
    std::string port_file;  // when set, the bound port is written here once listening
    std::string web_root = "web/dist";
    // Files people upload (idea attachments), kept outside the database. Every node of a
    // multi-node setup must see the same folder.
    std::string data_dir = "data";
    std::string log_level = "info";
    bool access_log = true;
    unsigned threads = 0;           // network threads; 0 = one per core
    unsigned blocking_threads = 0;  // handler threads; 0 = 4 per core (at least 8)
    size_t max_connections = 4096;
    int read_timeout_ms = 10'000;
    int idle_timeout_ms = 60'000;
    int session_idle_timeout_s = 30 * 60;
    int session_absolute_timeout_s = 12 * 60 * 60;
    std::string clock_offset_file;  // tests only: see core::FileOffsetClock
};

}  // namespace cocreate::app
