#include "auth/secrets.hpp"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>

#include "auth/common_passwords.hpp"
#include "core/json_input.hpp"

namespace cocreate::auth {

std::string new_token() {
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(out, sizeof out, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return out;
}

std::string hash_token(std::string_view token) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

bool constant_time_equal(std::string_view a, std::string_view b) {
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string hash_password(std::string_view password) {
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("password hashing ran out of memory");
    return out;
}

bool verify_password(std::string_view hash, std::string_view password) {
    const std::string h(hash);
    return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

const std::string& dummy_password_hash() {
    static const std::string hash = hash_password(new_token());
    return hash;
}

std::optional<std::string> password_problem(std::string_view password, std::string_view email,
                                            std::string_view display_name) {
    // Length counts code points, as a person would.
    const auto length = static_cast<size_t>(std::count_if(password.begin(), password.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
    if (length < 12) return "must be at least 12 characters";
    if (length > 256) return "must be at most 256 characters";
    const std::string lower = core::ascii_lower(password);
    if (is_common_password(lower)) return "is too common; choose a phrase only you would use";
    const std::string mail = core::ascii_lower(email);
    const std::string local = mail.substr(0, mail.find('@'));
    if (!mail.empty() && (lower == mail || (local.size() >= 4 && lower == local)))
        return "must not be your e-mail address";
    if (!display_name.empty() && lower == core::ascii_lower(display_name)) return "must not be your name";
    if (std::all_of(lower.begin(), lower.end(), [&](char c) { return c == lower.front(); }))
        return "must not repeat one character";
    return std::nullopt;
}

}  // namespace cocreate::auth
