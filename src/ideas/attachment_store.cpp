#include "ideas/attachment_store.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <stdexcept>
#include <system_error>

namespace cocreate::ideas {

namespace {

namespace fs = std::filesystem;

bool starts_with_bytes(std::string_view bytes, std::string_view magic) {
    return bytes.substr(0, magic.size()) == magic;
}

// ---- UTF-8 -----------------------------------------------------------------------------

// The length of the valid UTF-8 sequence at the start of `s` and its code point, or length 0
// when the bytes there are not valid UTF-8 (overlong forms, surrogates and values above
// U+10FFFF included), so that nothing ambiguous is ever kept in a name.
std::pair<std::size_t, char32_t> decode_utf8(std::string_view s) {
    const auto b0 = static_cast<unsigned char>(s[0]);
    if (b0 < 0x80) return {1, b0};
    const std::size_t len = (b0 & 0xE0) == 0xC0 ? 2 : (b0 & 0xF0) == 0xE0 ? 3 : (b0 & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || s.size() < len) return {0, 0};
    static constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};  // below these: overlong
    char32_t cp = b0 & (0x7F >> len);
    for (std::size_t i = 1; i < len; ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        if ((b & 0xC0) != 0x80) return {0, 0};
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < kSmallest[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0, 0};
    return {len, cp};
}

// Characters that control the terminal or the text direction rather than show something:
// the latter can make "gpj.exe" read as "exe.jpg".
bool invisible_control(char32_t cp) {
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF;
}

// The largest length <= `max` that does not split a UTF-8 sequence of (valid) `s`.
// Characters (code points) in valid UTF-8 `s`.
std::size_t utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

// Bytes of the first `max` characters of valid UTF-8 `s`.
std::size_t utf8_prefix(std::string_view s, std::size_t max) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
        if (seen++ == max) return i;
    }
    return s.size();
}

std::string_view trim_spaces(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

// Cuts `name` to the character limit, keeping an extension of up to 16 bytes so that a long
// name still opens with the right program.
std::string shorten(std::string_view name) {
    if (utf8_length(name) <= kMaxAttachmentFilenameChars) return std::string(name);
    const auto dot = name.rfind('.');
    std::string_view ext;
    if (dot != std::string_view::npos && dot > 0 && name.size() - dot <= 16) ext = name.substr(dot);
    const auto stem = name.substr(0, name.size() - ext.size());
    const auto cut = trim_spaces(stem.substr(0, utf8_prefix(stem, kMaxAttachmentFilenameChars - utf8_length(ext))));
    return std::string(cut) + std::string(ext);
}

// RFC 5987 attr-char: what may stand unencoded in an ext-value.
bool attr_char(unsigned char c) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
    return std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

// ---- files -----------------------------------------------------------------------------

// Throws the current errno, read before anything else can change it.
[[noreturn]] void fail(const char* operation, std::string_view subject) {
    const int err = errno;
    throw std::system_error(err, std::generic_category(),
                            std::string("attachments: ") + operation + " " + std::string(subject));
}

// Closes the descriptor it owns.
class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }
    // Closes now, so that a late write error (reported by close on some file systems) is seen.
    int close() {
        const int rc = ::close(fd_);
        fd_ = -1;
        return rc;
    }

private:
    int fd_;
};

// Makes a rename or a new entry in `dir` survive a power cut, not only the file's bytes.
void sync_directory(const fs::path& dir) {
    Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0 || ::fsync(fd.get()) != 0) fail("sync directory", dir.native());
}

// Creates `dir` with mode 0700; true when it was created now, false when it existed.
bool make_private_directory(const fs::path& dir) {
    if (::mkdir(dir.c_str(), 0700) == 0) {
        // mkdir's mode passes through the umask; the store's privacy must not.
        if (::chmod(dir.c_str(), 0700) != 0) fail("chmod", dir.native());
        return true;
    }
    if (errno != EEXIST) fail("create directory", dir.native());
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0) fail("stat", dir.native());
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        fail("create directory", dir.native());
    }
    return false;
}

void write_all(int fd, std::string_view bytes, std::string_view path) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("write", path);
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

std::string sha256_hex(std::string_view bytes) {
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return std::string(hex.data(), crypto_hash_sha256_BYTES * 2);
}

}  // namespace

std::optional<std::string> sniff_content_type(std::string_view bytes) {
    using namespace std::string_view_literals;
    if (starts_with_bytes(bytes, "\x89PNG\r\n\x1a\n"sv)) return "image/png";
    if (starts_with_bytes(bytes, "\xff\xd8\xff"sv)) return "image/jpeg";
    if (starts_with_bytes(bytes, "GIF87a"sv) || starts_with_bytes(bytes, "GIF89a"sv)) return "image/gif";
    // RIFF, a four-byte chunk size, then the form type.
    if (bytes.size() >= 12 && starts_with_bytes(bytes, "RIFF"sv) && bytes.substr(8, 4) == "WEBP"sv) return "image/webp";
    // Only at offset 0: readers accept a header further in, which is how PDF polyglots hide.
    if (starts_with_bytes(bytes, "%PDF-"sv)) return "application/pdf";
    return std::nullopt;
}

bool is_sha256_hex(std::string_view text) {
    if (text.size() != 64) return false;
    for (char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

std::string clean_filename(std::string_view name) {
    const auto slash = name.find_last_of("/\\");
    if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
    std::string kept;
    while (!name.empty()) {
        const auto [len, cp] = decode_utf8(name);
        if (len == 0) {  // an invalid byte: drop it and resynchronise on the next one
            name.remove_prefix(1);
            continue;
        }
        if (!invisible_control(cp)) kept.append(name.substr(0, len));
        name.remove_prefix(len);
    }
    const auto out = shorten(trim_spaces(kept));
    // "." and ".." name directories, not files.
    if (out.find_first_not_of('.') == std::string::npos) return "attachment";
    return out;
}

std::string content_disposition(std::string_view filename, std::string_view content_type) {
    const bool image = content_type == "image/png" || content_type == "image/jpeg" || content_type == "image/gif" ||
                       content_type == "image/webp";
    const std::string name = clean_filename(filename);
    std::string fallback, encoded;
    for (std::size_t i = 0; i < name.size();) {
        const auto c = static_cast<unsigned char>(name[i]);
        // `name` is valid UTF-8 (cleaned above); the max only guards the loop against a future change.
        const std::size_t len =
            c < 0x80 ? 1 : std::max<std::size_t>(1, decode_utf8(std::string_view(name).substr(i)).first);
        // Some browsers percent-decode the plain parameter, so % is replaced there too.
        fallback +=
            (len == 1 && c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%') ? static_cast<char>(c) : '_';
        i += len;
    }
    static constexpr char kHex[] = "0123456789ABCDEF";
    for (const char ch : name) {
        const auto c = static_cast<unsigned char>(ch);
        if (attr_char(c)) {
            encoded += ch;
        } else {
            encoded += '%';
            encoded += kHex[c >> 4];
            encoded += kHex[c & 0x0F];
        }
    }
    return std::string(image ? "inline" : "attachment") + "; filename=\"" + fallback + "\"; filename*=UTF-8''" +
           encoded;
}

AttachmentStore::AttachmentStore(std::filesystem::path data_dir) : root_(std::move(data_dir) / "attachments") {
    if (sodium_init() < 0) throw std::runtime_error("attachments: libsodium failed to initialise");
    if (!root_.parent_path().empty()) fs::create_directories(root_.parent_path());
    make_private_directory(root_);
    // An existing directory may have been made by hand with looser permissions.
    if (::chmod(root_.c_str(), 0700) != 0) fail("chmod", root_.native());
}

fs::path AttachmentStore::path_of(std::string_view sha256) const {
    return root_ / std::string(sha256.substr(0, 2)) / std::string(sha256.substr(2));
}

std::string AttachmentStore::put(std::string_view bytes) const {
    if (bytes.size() > kMaxAttachmentBytes) throw std::length_error("attachments: file larger than 10 MB");
    const std::string hash = sha256_hex(bytes);
    const fs::path target = path_of(hash);
    const fs::path dir = target.parent_path();
    if (make_private_directory(dir)) sync_directory(root_);

    // Same hash and size: the same content is already there (renames publish whole files).
    struct stat st {};
    if (::stat(target.c_str(), &st) == 0 && S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) == bytes.size())
        return hash;

    std::string temp = (dir / ".tmp-XXXXXX").string();
    Fd fd(::mkostemp(temp.data(), O_CLOEXEC));  // mode 0600
    if (fd.get() < 0) fail("create temporary file in", dir.native());
    try {
        write_all(fd.get(), bytes, temp);
        if (::fsync(fd.get()) != 0) fail("sync", temp);
        if (fd.close() != 0) fail("close", temp);
        if (::rename(temp.c_str(), target.c_str()) != 0) fail("rename into", target.native());
    } catch (...) {
        ::unlink(temp.c_str());
        throw;
    }
    sync_directory(dir);
    return hash;
}

std::optional<std::string> AttachmentStore::open(std::string_view sha256) const {
    if (!is_sha256_hex(sha256)) return std::nullopt;
    const fs::path path = path_of(sha256);
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (fd.get() < 0) {
        if (errno == ENOENT || errno == ELOOP) return std::nullopt;
        fail("open", path.native());
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) fail("stat", path.native());
    if (!S_ISREG(st.st_mode)) return std::nullopt;
    std::string out;
    out.reserve(static_cast<std::size_t>(st.st_size));
    std::array<char, 64 * 1024> buffer{};
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer.data(), buffer.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("read", path.native());
        }
        if (n == 0) break;
        out.append(buffer.data(), static_cast<std::size_t>(n));
    }
    return out;
}

bool AttachmentStore::remove(std::string_view sha256) const {
    if (!is_sha256_hex(sha256)) return false;
    const fs::path path = path_of(sha256);
    if (::unlink(path.c_str()) == 0) return true;
    if (errno == ENOENT) return false;
    fail("remove", path.native());
}

}  // namespace cocreate::ideas
