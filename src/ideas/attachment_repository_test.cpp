#include "ideas/attachment_repository.hpp"

#include <gtest/gtest.h>

#include "db/test_database.hpp"

namespace cocreate::ideas {
namespace {

namespace repo = attachment_repository;

// The table as migrations/sqlite/0005_ideas.sql declares it, without the references to
// ideas and users: these tests are about this repository's SQL, not about seeding ideas.
constexpr const char* kTable =
    "CREATE TABLE idea_attachments (id INTEGER PRIMARY KEY, idea_id INTEGER NOT NULL, filename TEXT NOT NULL, "
    "content_type TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL, uploaded_by INTEGER, "
    "created_at TEXT NOT NULL)";

const std::string kPhotoHash(64, 'a');
const std::string kPlanHash(64, 'b');

Attachment attachment(int64_t idea, const std::string& name, const std::string& hash) {
    return {.idea_id = idea,
            .filename = name,
            .content_type = name.ends_with(".pdf") ? "application/pdf" : "image/png",
            .size = 1234,
            .sha256 = hash,
            .uploaded_by = 7,
            .created_at = "2026-03-02T10:00:00Z"};
}

class AttachmentRepository : public ::testing::Test {
protected:
    AttachmentRepository() : db_(db::open_test_database("sqlite")), lease_(db_->lease_writer()) { s() << kTable; }
    soci::session& s() { return *lease_; }

    // SQLite in memory: the writer connection holds the one database, so the test keeps it.
    std::unique_ptr<db::Database> db_;
    db::Database::Lease lease_;
};

TEST_F(AttachmentRepository, InsertsAndFindsARow) {
    auto a = attachment(1, "Ärger.pdf", kPlanHash);
    a.uploaded_by = std::nullopt;
    const auto id = repo::insert_attachment(s(), a);
    ASSERT_GT(id, 0);
    const auto found = repo::find_attachment(s(), id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, id);
    EXPECT_EQ(found->idea_id, 1);
    EXPECT_EQ(found->filename, "Ärger.pdf");
    EXPECT_EQ(found->content_type, "application/pdf");
    EXPECT_EQ(found->size, 1234);
    EXPECT_EQ(found->sha256, kPlanHash);
    EXPECT_EQ(found->uploaded_by, std::nullopt);
    EXPECT_EQ(found->created_at, "2026-03-02T10:00:00Z");
    EXPECT_EQ(repo::find_attachment(s(), id + 1), std::nullopt);
}

TEST_F(AttachmentRepository, ListsAndCountsAnIdeasAttachmentsOldestFirst) {
    const auto first = repo::insert_attachment(s(), attachment(1, "photo.png", kPhotoHash));
    const auto second = repo::insert_attachment(s(), attachment(1, "plan.pdf", kPlanHash));
    repo::insert_attachment(s(), attachment(2, "other.png", kPhotoHash));
    const auto list = repo::attachments_of(s(), 1);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].id, first);
    EXPECT_EQ(list[0].uploaded_by, 7);
    EXPECT_EQ(list[1].id, second);
    EXPECT_EQ(repo::count_attachments(s(), 1), 2);
    EXPECT_EQ(repo::count_attachments(s(), 3), 0);
    EXPECT_TRUE(repo::attachments_of(s(), 3).empty());
}

TEST_F(AttachmentRepository, DeletesRowsAndTellsWhenAFileIsNoLongerNamed) {
    const auto mine = repo::insert_attachment(s(), attachment(1, "photo.png", kPhotoHash));
    const auto theirs = repo::insert_attachment(s(), attachment(2, "same.png", kPhotoHash));
    EXPECT_EQ(repo::count_by_sha256(s(), kPhotoHash), 2);
    EXPECT_TRUE(repo::delete_attachment(s(), mine));
    EXPECT_FALSE(repo::delete_attachment(s(), mine));
    EXPECT_EQ(repo::count_by_sha256(s(), kPhotoHash), 1);  // still used by idea 2: keep the file
    EXPECT_TRUE(repo::delete_attachment(s(), theirs));
    EXPECT_EQ(repo::count_by_sha256(s(), kPhotoHash), 0);
}

TEST_F(AttachmentRepository, MovesAttachmentsToTheKeptIdeaOnMerge) {
    repo::insert_attachment(s(), attachment(1, "photo.png", kPhotoHash));
    repo::insert_attachment(s(), attachment(1, "plan.pdf", kPlanHash));
    repo::insert_attachment(s(), attachment(2, "kept.png", kPhotoHash));
    EXPECT_EQ(repo::move_attachments(s(), 1, 2), 2);
    EXPECT_EQ(repo::count_attachments(s(), 1), 0);
    EXPECT_EQ(repo::count_attachments(s(), 2), 3);
    EXPECT_EQ(repo::move_attachments(s(), 1, 2), 0);
}

}  // namespace
}  // namespace cocreate::ideas
