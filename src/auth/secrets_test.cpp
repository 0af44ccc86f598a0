#include "auth/secrets.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

namespace cocreate::auth {
namespace {

TEST(Tokens, Are256BitBase64Url) {
    ASSERT_GE(sodium_init(), 0);
    const auto a = new_token(), b = new_token();
    EXPECT_EQ(a.size(), 43u);
    EXPECT_NE(a, b);
    EXPECT_EQ(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"), std::string::npos);
    EXPECT_EQ(hash_token(a).size(), 64u);
    EXPECT_EQ(hash_token(a), hash_token(a));
}

TEST(Passwords, HashAndVerifyWithArgon2id) {
    const auto hash = hash_password("a long passphrase indeed");
    EXPECT_TRUE(hash.starts_with("$argon2id$"));
    EXPECT_TRUE(verify_password(hash, "a long passphrase indeed"));
    EXPECT_FALSE(verify_password(hash, "a long passphrase indeeD"));
}

TEST(PasswordPolicy, FollowsAsvsLevel2) {
    EXPECT_TRUE(password_problem("short", "a@b.cc", "A"));
    EXPECT_TRUE(password_problem("password1234", "a@b.cc", "A"));
    EXPECT_TRUE(password_problem("Password1234", "a@b.cc", "A"));  // case does not make it rare
    EXPECT_TRUE(password_problem("aaaaaaaaaaaaaaa", "a@b.cc", "A"));
    EXPECT_TRUE(password_problem("ada.lovelace@example.com", "ada.lovelace@example.com", "Ada"));
    EXPECT_TRUE(password_problem(std::string(257, 'x') + "y", "a@b.cc", "A"));
    // No composition rules: a long lower-case phrase is fine.
    EXPECT_FALSE(password_problem("purple elephants dance quietly", "a@b.cc", "A"));
    // Length counts characters, not bytes.
    EXPECT_TRUE(password_problem("äöüäöü", "a@b.cc", "A"));
}

}  // namespace
}  // namespace cocreate::auth
