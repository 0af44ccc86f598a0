#include "http/server.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include <array>
#include <atomic>
#include <optional>
#include <tuple>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/log.hpp"
#include "http/framing.hpp"
#include "http/response.hpp"

namespace cocreate::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;
constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);
constexpr size_t kDefaultBodyLimit = 1 << 20;
constexpr size_t kMaxChunkExtensions = 256;  // chunk extensions carry nothing this server uses

namespace {

std::string new_request_id() {
    unsigned char raw[8];
    randombytes_buf(raw, sizeof raw);
    char hex[17];
    sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
    return hex;
}

HeaderView view_of(const bhttp::request_parser<bhttp::string_body>& parser) {
    const auto& msg = parser.get();
    HeaderView h;
    h.version = msg.version() == 10 ? 10 : 11;
    h.method = msg.method_string();
    h.target = msg.target();
    for (const auto& f : msg) h.fields.emplace_back(f.name_string(), f.value());
    return h;
}

Request to_request(bhttp::request<bhttp::string_body>&& msg, std::string client_ip) {
    Request r;
    r.method = std::string(msg.method_string());
    r.target = std::string(msg.target());
    const auto q = r.target.find('?');
    r.path = percent_decode(std::string_view(r.target).substr(0, q)).value_or(std::string{});
    if (q != std::string::npos) r.query = r.target.substr(q + 1);
    for (const auto& f : msg) {
        std::string name(f.name_string());
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        auto [it, inserted] = r.headers.emplace(name, std::string(f.value()));
        if (!inserted) it->second += ", " + std::string(f.value());
    }
    r.body = std::move(msg.body());
    r.client_ip = std::move(client_ip);
    return r;
}

bhttp::response<bhttp::string_body> to_message(Response&& r, unsigned version, bool keep_alive, bool head,
                                               const std::string& request_id) {
    add_security_headers(r);
    bhttp::response<bhttp::string_body> msg{static_cast<bhttp::status>(r.status), version};
    msg.set(bhttp::field::server, "cocreate");
    if (!r.content_type.empty()) msg.set(bhttp::field::content_type, r.content_type);
    bool has_cache_control = false;
    for (auto& [name, value] : r.headers) {
        has_cache_control = has_cache_control || name == "Cache-Control";
        msg.insert(name, value);
    }
    if (!has_cache_control) msg.set(bhttp::field::cache_control, "no-store");
    msg.set("X-Request-Id", request_id);
    const auto size = r.body.size();
    msg.body() = std::move(r.body);
    msg.keep_alive(keep_alive);
    if (r.status == 204 || r.status == 304) {
        msg.body().clear();
    } else {
        msg.prepare_payload();
        if (head) {
            msg.body().clear();
            msg.content_length(size);
        }
    }
    return msg;
}

std::string_view readable(const beast::flat_buffer& buffer) {
    const auto data = buffer.data();
    return {static_cast<const char*>(data.data()), data.size()};
}

// True once `buffer` holds a whole request header (CRLF CRLF), a bare LF (the parser then
// refuses it), or more than the parser will accept (it then reports the limit).
bool header_ready(const beast::flat_buffer& buffer, size_t header_limit) {
    const auto raw = readable(buffer);
    if (raw.size() > header_limit + 4 || raw.find("\r\n\r\n") != std::string_view::npos) return true;
    for (size_t i = raw.find('\n'); i != std::string_view::npos; i = raw.find('\n', i + 1))
        if (i == 0 || raw[i - 1] != '\r') return true;
    return false;
}

// True when the raw header folds a field value over lines (obs-fold, RFC 9112 §5.2). The
// parser would silently join the lines; this server refuses them instead.
bool has_obs_fold(const beast::flat_buffer& buffer) {
    const auto raw = readable(buffer);
    const auto end = raw.find("\r\n\r\n");
    const auto header = raw.substr(0, end == std::string_view::npos ? raw.size() : end + 2);
    for (size_t i = header.find("\r\n"); i != std::string_view::npos; i = header.find("\r\n", i + 2))
        if (i + 2 < header.size() && (header[i + 2] == ' ' || header[i + 2] == '\t')) return true;
    return false;
}

}  // namespace

struct Server::Impl {
    ServerOptions options;
    const Dispatcher& dispatcher;
    Metrics& metrics;
    asio::io_context ioc;
    asio::thread_pool blocking;
    tcp::acceptor acceptor{ioc};
    asio::signal_set signals{ioc, SIGINT, SIGTERM};
    std::atomic<bool> stopping{false};
    std::atomic<int64_t> in_flight{0};
    std::atomic<int64_t> connections{0};
    size_t unmatched_index;

    Impl(ServerOptions o, const Dispatcher& d, Metrics& m)
        : options(std::move(o)),
          dispatcher(d),
          metrics(m),
          ioc(static_cast<int>(options.network_threads)),
          blocking(options.blocking_threads),
          unmatched_index(d.router().routes().size()) {}

    awaitable<void> accept_loop();
    awaitable<void> session(tcp::socket socket);
    awaitable<void> send_error(beast::tcp_stream& stream, const core::Error& e, unsigned version);
    awaitable<void> drain();
    void log_access(const std::string& id, std::string_view method, std::string_view route, int status, int64_t us,
                    std::string_view ip);
};

void Server::Impl::log_access(const std::string& id, std::string_view method, std::string_view route, int status,
                              int64_t us, std::string_view ip) {
    if (!options.access_log) return;
    spdlog::info(R"("msg":"request","request_id":"{}","method":{},"route":{},"status":{},"us":{},"ip":{})", id,
                 core::json_quote(method), core::json_quote(route), status, us, core::json_quote(ip));
}

awaitable<void> Server::Impl::send_error(beast::tcp_stream& stream, const core::Error& e, unsigned version) {
    const auto id = new_request_id();
    auto msg = to_message(problem(e, id), version == 10 ? 10 : 11, false, false, id);
    stream.expires_after(options.write_timeout);
    co_await bhttp::async_write(stream, msg, kTuple);
    // Lingering close: stop sending, then read and discard what the client is still
    // sending (bounded in bytes and time). Closing at once would reset the connection and
    // the client, still busy writing its body, would never read the answer.
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream.expires_after(std::chrono::seconds(2));
    std::array<char, 16 * 1024> sink;
    for (size_t drained = 0; drained < (8u << 20);) {
        auto [ec, n] = co_await stream.async_read_some(asio::buffer(sink), kTuple);
        if (ec) break;
        drained += n;
    }
}

awaitable<void> Server::Impl::session(tcp::socket socket) {
    beast::tcp_stream stream(std::move(socket));
    std::string client_ip;
    {
        boost::system::error_code ec;
        const auto ep = stream.socket().remote_endpoint(ec);
        if (!ec) client_ip = ep.address().to_string();
    }
    beast::flat_buffer buffer;
    bool first = true;
    // Beast keeps a reference to the callback, so it lives as long as the connection.
    auto limit_chunk_extensions = [](std::uint64_t, std::string_view extensions, boost::system::error_code& ec) {
        if (extensions.size() > kMaxChunkExtensions) ec = bhttp::error::bad_chunk_extension;
    };
    for (;;) {
        bhttp::request_parser<bhttp::string_body> parser;
        parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
        // No limit while reading the header: the route decides, and a Content-Length over
        // the route's limit is then answered with 413 before any body byte is read.
        parser.body_limit(boost::none);
        parser.on_chunk_header(limit_chunk_extensions);
        // The first request gets the read deadline; later ones may idle up to idle_timeout
        // before their first byte, but the whole header must still arrive within it.
        stream.expires_after(first ? options.read_timeout : options.idle_timeout);
        first = false;
        // Gather the whole header first, so its raw bytes can be checked before parsing.
        boost::system::error_code ec0;
        while (!ec0 && !header_ready(buffer, options.header_limit)) {
            size_t got = 0;
            std::tie(ec0, got) = co_await stream.async_read_some(buffer.prepare(4096), kTuple);
            buffer.commit(got);
        }
        if (ec0) break;  // closed, reset or timed out before a whole header arrived
        const bool folded = has_obs_fold(buffer);
        auto [ec, n] = co_await bhttp::async_read_header(stream, buffer, parser, kTuple);
        if (ec == bhttp::error::end_of_stream || ec == asio::error::eof || ec == beast::error::timeout ||
            ec == asio::error::operation_aborted || ec == asio::error::connection_reset)
            break;
        const auto started = std::chrono::steady_clock::now();
        unsigned version = 11;
        // The error is built before any co_await: GCC 12 mishandles temporaries that live
        // across a suspension point (double destruction).
        std::optional<core::Error> fatal;
        if (ec == bhttp::error::header_limit) {
            fatal = core::Error{core::ErrorCode::kInvalidArgument, "request header too large", {}, "header_too_large"};
        } else if (ec) {
            fatal = core::Error{core::ErrorCode::kInvalidArgument, "malformed request: " + ec.message(), {}, "bad_request"};
        } else {
            version = parser.get().version();
            if (folded)
                fatal = core::Error{core::ErrorCode::kInvalidArgument, "obsolete line folding is not accepted", {}, "bad_framing"};
            else if (auto why = check_framing(view_of(parser)))
                fatal = core::Error{core::ErrorCode::kInvalidArgument, *why, {}, "bad_framing"};
        }
        if (fatal) {
            co_await send_error(stream, *fatal, version);
            break;
        }
        Request probe;
        probe.method = std::string(parser.get().method_string());
        {
            const std::string_view target = parser.get().target();
            probe.path = percent_decode(target.substr(0, target.find('?'))).value_or(std::string{});
        }
        const RouteMatch match = dispatcher.match(probe);
        const size_t body_limit = match.route ? match.route->options.body_limit : kDefaultBodyLimit;
        parser.body_limit(body_limit);
        if (const auto length = parser.content_length(); length && *length > body_limit) {
            const core::Error too_large{core::ErrorCode::kPayloadTooLarge, "the request body is too large"};
            co_await send_error(stream, too_large, version);
            break;
        }
        stream.expires_after(options.read_timeout);
        auto [ec2, n2] = co_await bhttp::async_read(stream, buffer, parser, kTuple);
        if (ec2) {
            if (ec2 == bhttp::error::body_limit)
                fatal = core::Error{core::ErrorCode::kPayloadTooLarge, "the request body is too large"};
            else if (ec2 != beast::error::timeout && ec2 != asio::error::eof && ec2 != bhttp::error::end_of_stream &&
                     ec2 != bhttp::error::partial_message)
                fatal = core::Error{core::ErrorCode::kInvalidArgument, "malformed request body", {}, "bad_request"};
            if (fatal) co_await send_error(stream, *fatal, version);
            break;
        }
        const bool keep_alive = parser.get().keep_alive();
        Request req = to_request(parser.release(), client_ip);
        const std::string request_id = new_request_id();
        in_flight.fetch_add(1);
        Response res;
        if (!match.route || !match.route->options.blocking) {
            res = dispatcher.dispatch(req, match, request_id);
        } else {
            res = co_await asio::co_spawn(
                blocking, [&]() -> awaitable<Response> { co_return dispatcher.dispatch(req, match, request_id); },
                use_awaitable);
        }
        const bool head = req.method == "HEAD";
        const bool again = keep_alive && !stopping.load();
        const int status = res.status;
        auto msg = to_message(std::move(res), version, again, head, request_id);
        const auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
        metrics.observe(match.route ? match.route->index : unmatched_index, req.method, status, static_cast<double>(us) / 1e6);
        log_access(request_id, req.method, match.route ? match.route->path_template : std::string_view("unmatched"), status, us, client_ip);
        stream.expires_after(options.write_timeout);
        auto [ec3, n3] = co_await bhttp::async_write(stream, msg, kTuple);
        in_flight.fetch_sub(1);
        if (ec3 || !again) break;
    }
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream.close();
}

awaitable<void> Server::Impl::accept_loop() {
    for (;;) {
        auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(ioc), kTuple);
        if (ec) {
            if (!acceptor.is_open()) co_return;
            continue;  // e.g. EMFILE: keep accepting what we can
        }
        if (static_cast<size_t>(connections.load()) >= options.max_connections) {
            metrics.connection_refused();
            boost::system::error_code ignored;
            socket.close(ignored);
            continue;
        }
        connections.fetch_add(1);
        metrics.connection_opened();
        auto executor = socket.get_executor();
        asio::co_spawn(executor, session(std::move(socket)), [this](std::exception_ptr) {
            connections.fetch_sub(1);
            metrics.connection_closed();
        });
    }
}

awaitable<void> Server::Impl::drain() {
    asio::steady_timer timer(ioc);
    const auto deadline = std::chrono::steady_clock::now() + options.drain_timeout;
    while (in_flight.load() > 0 && std::chrono::steady_clock::now() < deadline) {
        timer.expires_after(std::chrono::milliseconds(20));
        co_await timer.async_wait(kTuple);
    }
    ioc.stop();
}

Server::Server(ServerOptions options, const Dispatcher& dispatcher, Metrics& metrics) {
    if (options.network_threads == 0) options.network_threads = std::max(1u, std::thread::hardware_concurrency());
    if (options.blocking_threads == 0) options.blocking_threads = std::max(8u, 4 * options.network_threads);
    impl_ = std::make_unique<Impl>(std::move(options), dispatcher, metrics);
}

Server::~Server() = default;

unsigned Server::blocking_threads() const { return impl_->options.blocking_threads; }

void Server::stop() {
    asio::post(impl_->ioc, [this] {
        if (impl_->stopping.exchange(true)) return;
        boost::system::error_code ignored;
        impl_->acceptor.close(ignored);
        impl_->signals.cancel(ignored);
        asio::co_spawn(impl_->ioc, impl_->drain(), asio::detached);
    });
}

void Server::run(const std::function<void(uint16_t)>& on_listening) {
    auto& d = *impl_;
    boost::system::error_code ec;
    const auto address = asio::ip::make_address(d.options.host, ec);
    if (ec) throw std::runtime_error("server: invalid host address " + d.options.host);
    const tcp::endpoint endpoint{address, d.options.port};
    d.acceptor.open(endpoint.protocol());
    d.acceptor.set_option(asio::socket_base::reuse_address(true));
    d.acceptor.bind(endpoint, ec);
    if (ec) throw std::runtime_error("server: cannot bind " + d.options.host + ":" + std::to_string(d.options.port) + ": " + ec.message());
    d.acceptor.listen(asio::socket_base::max_listen_connections);
    const uint16_t port = d.acceptor.local_endpoint().port();
    d.signals.async_wait([this](const boost::system::error_code& e, int) {
        if (!e) stop();
    });
    asio::co_spawn(d.ioc, d.accept_loop(), asio::detached);
    on_listening(port);
    std::vector<std::jthread> threads;
    for (unsigned i = 1; i < d.options.network_threads; ++i) threads.emplace_back([&d] { d.ioc.run(); });
    d.ioc.run();
    threads.clear();  // joins
    d.blocking.join();
}

}  // namespace cocreate::http
