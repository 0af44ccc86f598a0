#pragma once
// Secrets: session and API tokens (256 random bits, base64url) stored only as SHA-256
// hashes, and passwords hashed with Argon2id. Thread-safe (libsodium is initialised once
// in main before threads start).

#include <optional>
#include <string>
#include <string_view>

namespace cocreate::auth {

// A new random token: 32 bytes from the OS CSPRNG, base64url without padding (43 chars).
std::string new_token();
// Hex SHA-256 of `token`: what the database stores and looks up.
std::string hash_token(std::string_view token);
// Constant-time comparison of two strings of equal length; false when lengths differ.
bool constant_time_equal(std::string_view a, std::string_view b);

// Argon2id hash at libsodium's interactive limits (~150 ms here): call off network threads.
std::string hash_password(std::string_view password);
// True when `password` matches `hash`. Same cost as hashing.
bool verify_password(std::string_view hash, std::string_view password);
// A hash of a random password, verified against for unknown accounts so that sign-in
// takes the same time whether or not the account exists.
const std::string& dummy_password_hash();

// OWASP ASVS 5.0 level 2 rules: 12..256 characters, no composition rules, not a common
// password, not the e-mail or name. Returns why it is refused, or nullopt when acceptable.
std::optional<std::string> password_problem(std::string_view password, std::string_view email,
                                            std::string_view display_name);

}  // namespace cocreate::auth
