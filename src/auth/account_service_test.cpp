// The account lifecycle as a story: Ada sets cocreate up, signs in, gets throttled after
// wrong passwords, goes idle, changes her password. Runs on SQLite, and on PostgreSQL when
// COCREATE_TEST_POSTGRESQL is set.
#include "auth/account_service.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <atomic>
#include <cstdlib>

#include "db/migrator.hpp"
#include "db/test_database.hpp"

namespace cocreate::auth {
namespace {

class FakeClock final : public core::Clock {
public:
    core::TimePoint now() const override { return core::TimePoint(std::chrono::milliseconds(ms_.load())); }
    void advance(std::chrono::milliseconds d) { ms_ += d.count(); }

private:
    std::atomic<long long> ms_{1'790'000'000'000};
};

const ClientInfo kClient{"192.0.2.10", "test"};
const char* kPassword = "correct horse battery";

class AccountServiceTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        ASSERT_GE(sodium_init(), 0);
        db = db::open_test_database(GetParam());
        if (!db) GTEST_SKIP() << "COCREATE_TEST_POSTGRESQL not set";
        db::Migrator(*db, db::embedded_migrations(db->engine())).migrate();
        accounts = std::make_unique<AccountService>(*db, clock, SessionPolicy{std::chrono::seconds(600), std::chrono::seconds(3600)},
                                                    ThrottlePolicy{});
    }
    SignedIn set_up_ada() {
        auto r = accounts->setup({"Ada@Example.com", "Ada", kPassword}, kClient);
        EXPECT_TRUE(r.has_value());
        return *r;
    }
    FakeClock clock;
    std::unique_ptr<db::Database> db;
    std::unique_ptr<AccountService> accounts;
};

TEST_P(AccountServiceTest, SetupCreatesTheFirstAdministratorOnce) {
    EXPECT_TRUE(accounts->setup_needed());
    auto ada = set_up_ada();
    EXPECT_EQ(ada.user.role, Role::kAdmin);
    EXPECT_EQ(ada.user.email, "ada@example.com");
    EXPECT_FALSE(accounts->setup_needed());
    auto again = accounts->setup({"eve@example.com", "Eve", kPassword}, kClient);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, core::ErrorCode::kAlreadyExists);
}

TEST_P(AccountServiceTest, SignInGivesASessionThatAuthenticates) {
    set_up_ada();
    auto s = accounts->sign_in("ADA@example.com", kPassword, kClient);
    ASSERT_TRUE(s);
    auto p = accounts->authenticate_session(s->session_token);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->email, "ada@example.com");
    EXPECT_FALSE(accounts->authenticate_session(std::string(43, 'x')));
}

TEST_P(AccountServiceTest, WrongPasswordAndUnknownAccountLookTheSame) {
    set_up_ada();
    auto wrong = accounts->sign_in("ada@example.com", "not the password", kClient);
    auto unknown = accounts->sign_in("nobody@example.com", "not the password", kClient);
    ASSERT_FALSE(wrong);
    ASSERT_FALSE(unknown);
    EXPECT_EQ(wrong.error().reason, "invalid_credentials");
    EXPECT_EQ(wrong.error().detail, unknown.error().detail);
}

TEST_P(AccountServiceTest, RepeatedFailuresThrottleEvenTheRightPassword) {
    set_up_ada();
    for (int i = 0; i < 5; ++i) EXPECT_FALSE(accounts->sign_in("ada@example.com", "wrong wrong wrong", kClient));
    auto blocked = accounts->sign_in("ada@example.com", kPassword, kClient);
    ASSERT_FALSE(blocked);
    EXPECT_EQ(blocked.error().code, core::ErrorCode::kResourceExhausted);
    EXPECT_GE(blocked.error().retry_after_s, 1);
    clock.advance(std::chrono::seconds(2));
    EXPECT_TRUE(accounts->sign_in("ada@example.com", kPassword, kClient));
}

TEST_P(AccountServiceTest, IdleAndAbsoluteTimeoutsEndSessions) {
    auto ada = set_up_ada();
    clock.advance(std::chrono::seconds(300));
    EXPECT_TRUE(accounts->authenticate_session(ada.session_token));  // refreshes last seen
    clock.advance(std::chrono::seconds(500));
    EXPECT_TRUE(accounts->authenticate_session(ada.session_token));
    clock.advance(std::chrono::seconds(601));
    EXPECT_FALSE(accounts->authenticate_session(ada.session_token));  // idle too long

    auto again = accounts->sign_in("ada@example.com", kPassword, kClient);
    for (int i = 0; i < 8; ++i) {  // 4,000 s of steady use: never idle, but past 3,600 s
        clock.advance(std::chrono::seconds(500));
        (void)accounts->authenticate_session(again->session_token);
    }
    EXPECT_FALSE(accounts->authenticate_session(again->session_token));  // past the absolute limit
}

TEST_P(AccountServiceTest, ChangingThePasswordRevokesOtherSessions) {
    auto ada = set_up_ada();
    auto laptop = accounts->sign_in("ada@example.com", kPassword, kClient);
    auto me = *accounts->authenticate_session(ada.session_token);
    auto bad = accounts->change_password(me, "wrong", "a brand new passphrase");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().field, "current_password");
    ASSERT_TRUE(accounts->change_password(me, kPassword, "a brand new passphrase"));
    EXPECT_TRUE(accounts->authenticate_session(ada.session_token));
    EXPECT_FALSE(accounts->authenticate_session(laptop->session_token));
    EXPECT_TRUE(accounts->sign_in("ada@example.com", "a brand new passphrase", kClient));
}

TEST_P(AccountServiceTest, ApiTokensAuthenticateUntilRevoked) {
    auto ada = set_up_ada();
    auto me = *accounts->authenticate_session(ada.session_token);
    auto t = accounts->create_token(me, "CI", {"read"}, 30);
    ASSERT_TRUE(t);
    auto p = accounts->authenticate_token(t->secret);
    ASSERT_TRUE(p);
    EXPECT_FALSE(p->token_can_write);
    ASSERT_TRUE(accounts->revoke_token(me, t->token.id));
    EXPECT_FALSE(accounts->authenticate_token(t->secret));
}

INSTANTIATE_TEST_SUITE_P(Engines, AccountServiceTest, ::testing::Values("sqlite", "postgresql"));

}  // namespace
}  // namespace cocreate::auth
