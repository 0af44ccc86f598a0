#include "ideas/attachment_store.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace cocreate::ideas {
namespace {

namespace fs = std::filesystem;
using namespace std::string_literals;

const std::string kPng = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR"s;
const std::string kJpeg = "\xff\xd8\xff\xe0\0\x10JFIF\0"s;
const std::string kPdf = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"s;

// A fresh directory per test, removed with everything in it afterwards.
class TempDir {
public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "cocreate-attachments-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

unsigned mode_of(const fs::path& p) {
    struct stat st {};
    EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
    return st.st_mode & 0777;
}

std::size_t files_under(const fs::path& root) {
    std::size_t n = 0;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file()) ++n;
    return n;
}

TEST(AttachmentSniff, RecognisesEachTypeByItsMagicNumber) {
    EXPECT_EQ(sniff_content_type(kPng), "image/png");
    EXPECT_EQ(sniff_content_type(kJpeg), "image/jpeg");
    EXPECT_EQ(sniff_content_type("GIF87a\x01\0\x01\0"s), "image/gif");
    EXPECT_EQ(sniff_content_type("GIF89a\x01\0\x01\0"s), "image/gif");
    EXPECT_EQ(sniff_content_type("RIFF\x24\0\0\0WEBPVP8 "s), "image/webp");
    EXPECT_EQ(sniff_content_type(kPdf), "application/pdf");
}

TEST(AttachmentSniff, RefusesEverythingElse) {
    EXPECT_EQ(sniff_content_type(""), std::nullopt);
    EXPECT_EQ(sniff_content_type("Meeting notes, plain text.\n"), std::nullopt);
    // An HTML page named photo.png: the name and the claimed type never count.
    EXPECT_EQ(sniff_content_type("<!DOCTYPE html><html><script>alert(1)</script>"), std::nullopt);
    EXPECT_EQ(sniff_content_type("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>"), std::nullopt);
    EXPECT_EQ(sniff_content_type("<svg onload=\"alert(1)\"></svg>"), std::nullopt);
    EXPECT_EQ(sniff_content_type("GIF88a\x01\0"s), std::nullopt);
    EXPECT_EQ(sniff_content_type("RIFF\x24\0\0\0WAVEfmt "s), std::nullopt);
    EXPECT_EQ(sniff_content_type(" %PDF-1.7"), std::nullopt);  // a header further in hides polyglots
}

TEST(AttachmentSniff, RefusesTruncatedHeaders) {
    EXPECT_EQ(sniff_content_type(kPng.substr(0, 7)), std::nullopt);
    EXPECT_EQ(sniff_content_type("\xff\xd8"s), std::nullopt);
    EXPECT_EQ(sniff_content_type("GIF89"), std::nullopt);
    EXPECT_EQ(sniff_content_type("RIFF\x24\0\0\0WEB"s), std::nullopt);
    EXPECT_EQ(sniff_content_type("%PDF"), std::nullopt);
}

TEST(AttachmentStore, StoresByContentHashWithTwoLevelFanOut) {
    TempDir dir;
    const AttachmentStore store(dir.path());
    // SHA-256("abc"), from FIPS 180-2.
    const std::string abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    EXPECT_EQ(store.put("abc"), abc);
    EXPECT_EQ(store.root(), dir.path() / "attachments");
    EXPECT_TRUE(fs::is_regular_file(dir.path() / "attachments" / "ba" / abc.substr(2)));
    EXPECT_EQ(mode_of(store.root()), 0700u);
    EXPECT_EQ(mode_of(store.root() / "ba"), 0700u);
    EXPECT_EQ(mode_of(store.root() / "ba" / abc.substr(2)), 0600u);
}

TEST(AttachmentStore, PutOpenRemoveRoundTrip) {
    TempDir dir;
    const AttachmentStore store(dir.path());
    const std::string bytes = kPng + std::string(5000, '\0') + "tail";
    const auto hash = store.put(bytes);
    EXPECT_TRUE(is_sha256_hex(hash));
    EXPECT_EQ(store.open(hash), bytes);
    EXPECT_TRUE(store.remove(hash));
    EXPECT_EQ(store.open(hash), std::nullopt);
    EXPECT_FALSE(store.remove(hash));
}

TEST(AttachmentStore, StoringTheSameContentTwiceKeepsOneFile) {
    TempDir dir;
    const AttachmentStore store(dir.path());
    const auto first = store.put(kPdf);
    const auto second = store.put(kPdf);
    EXPECT_EQ(first, second);
    EXPECT_EQ(files_under(store.root()), 1u);  // no temporary file left behind either
    EXPECT_EQ(store.open(first), kPdf);
    EXPECT_NE(store.put(kJpeg), first);
    EXPECT_EQ(files_under(store.root()), 2u);
}

TEST(AttachmentStore, RefusesNamesThatAreNotHashes) {
    TempDir dir;
    const AttachmentStore store(dir.path());
    const auto hash = store.put(kPng);
    std::ofstream(dir.path() / "secret.txt") << "not yours";
    const std::string up = "../../secret.txt";
    for (const std::string& bad : {up, up + std::string(64 - up.size(), 'a'), "/etc/passwd"s, hash.substr(0, 63),
                                   hash + "0", std::string(2, hash[0]) + "/" + hash.substr(3), std::string(64, 'A'),
                                   hash.substr(0, 63) + "g", hash.substr(0, 63) + '\0', ""s}) {
        EXPECT_EQ(store.open(bad), std::nullopt) << bad;
        EXPECT_FALSE(store.remove(bad)) << bad;
    }
    EXPECT_TRUE(fs::exists(dir.path() / "secret.txt"));
    EXPECT_EQ(store.open(hash), kPng);
}

TEST(AttachmentStore, RefusesFilesLargerThanTheLimit) {
    TempDir dir;
    const AttachmentStore store(dir.path());
    EXPECT_THROW(store.put(std::string(kMaxAttachmentBytes + 1, 'x')), std::length_error);
    EXPECT_EQ(files_under(store.root()), 0u);
    const std::string largest(kMaxAttachmentBytes, 'x');
    EXPECT_EQ(store.open(store.put(largest))->size(), kMaxAttachmentBytes);
}

TEST(AttachmentStore, CreatesTheDataDirectoryAndTightensAnExistingStore) {
    TempDir dir;
    const AttachmentStore fresh(dir.path() / "data" / "nested");
    EXPECT_TRUE(fs::is_directory(dir.path() / "data" / "nested" / "attachments"));
    fs::create_directories(dir.path() / "loose" / "attachments");
    fs::permissions(dir.path() / "loose" / "attachments", fs::perms::all);
    const AttachmentStore tightened(dir.path() / "loose");
    EXPECT_EQ(mode_of(tightened.root()), 0700u);
}

TEST(AttachmentStore, SurvivesAnotherStoreOnTheSameDirectory) {
    TempDir dir;
    const AttachmentStore one(dir.path()), two(dir.path());
    const auto hash = one.put(kJpeg);
    EXPECT_EQ(two.open(hash), kJpeg);
    EXPECT_EQ(two.put(kJpeg), hash);
}

TEST(AttachmentFilename, StripsDirectories) {
    EXPECT_EQ(clean_filename("../../etc/passwd"), "passwd");
    EXPECT_EQ(clean_filename("C:\\Users\\anna\\plan.pdf"), "plan.pdf");
    EXPECT_EQ(clean_filename("/absolute/photo.png"), "photo.png");
    EXPECT_EQ(clean_filename("dir/"), "attachment");
}

TEST(AttachmentFilename, DropsControlCharactersQuotesAndInvalidUtf8) {
    EXPECT_EQ(clean_filename("a\"b\".pdf"), "a\"b\".pdf");  // kept: the header replaces them
    EXPECT_EQ(clean_filename("line\r\nbreak\t\x7f.png"), "linebreak.png");
    EXPECT_EQ(clean_filename("nul\0byte.pdf"s), "nulbyte.pdf");
    EXPECT_EQ(clean_filename("c1\xc2\x85.pdf"), "c1.pdf");                      // U+0085, a C1 control
    EXPECT_EQ(clean_filename("invoice\xe2\x80\xaegpj.exe"), "invoicegpj.exe");  // U+202E right-to-left override
    EXPECT_EQ(clean_filename("bad\xff\xfe utf8.png"), "bad utf8.png");
    EXPECT_EQ(clean_filename("overlong\xc0\xaf.png"), "overlong.png");  // an overlong "/"
    EXPECT_EQ(clean_filename("  spaced.pdf  "), "spaced.pdf");
}

TEST(AttachmentFilename, KeepsUtf8AndApostrophes) {
    EXPECT_EQ(clean_filename("Ärger über Öl – Entwurf.pdf"), "Ärger über Öl – Entwurf.pdf");
    EXPECT_EQ(clean_filename("日本語の資料.png"), "日本語の資料.png");
    EXPECT_EQ(clean_filename("Anna's plan 😀.pdf"), "Anna's plan 😀.pdf");
}

TEST(AttachmentFilename, FallsBackWhenNothingUsableIsLeft) {
    EXPECT_EQ(clean_filename(""), "attachment");
    EXPECT_EQ(clean_filename("   "), "attachment");
    EXPECT_EQ(clean_filename("."), "attachment");
    EXPECT_EQ(clean_filename(".."), "attachment");
    EXPECT_EQ(clean_filename("../.."), "attachment");
    EXPECT_EQ(clean_filename("\x01\x02 "), "attachment");
}

TEST(AttachmentFilename, CutsLongNamesOnACharacterBoundaryKeepingTheExtension) {
    std::string name;
    for (int i = 0; i < 250; ++i) name += "é";  // 250 characters, 500 bytes
    const auto cut = clean_filename(name + ".pdf");
    EXPECT_EQ(cut.substr(cut.size() - 4), ".pdf");
    EXPECT_EQ(clean_filename(cut), cut);  // still valid UTF-8: nothing more to drop
    EXPECT_EQ(cut.size(), 392u + 4u);     // 196 whole "é", then the extension: 200 characters
    std::string fits;
    for (int i = 0; i < 196; ++i) fits += "ü";
    EXPECT_EQ(clean_filename(fits + ".png"), fits + ".png");  // 200 characters, 396 bytes: kept whole
    EXPECT_EQ(clean_filename(std::string(500, 'a')).size(), kMaxAttachmentFilenameChars);
    EXPECT_EQ(clean_filename(std::string(200, 'a')), std::string(200, 'a'));
}

TEST(AttachmentDisposition, PdfsAreDownloadsAndImagesInline) {
    EXPECT_EQ(content_disposition("report.pdf", "application/pdf"),
              "attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf");
    EXPECT_EQ(content_disposition("photo.png", "image/png"),
              "inline; filename=\"photo.png\"; filename*=UTF-8''photo.png");
    for (const char* type : {"image/jpeg", "image/gif", "image/webp"})
        EXPECT_EQ(content_disposition("x", type).rfind("inline;", 0), 0u) << type;
    // A type the store never serves is still never shown inline.
    EXPECT_EQ(content_disposition("x.html", "text/html").rfind("attachment;", 0), 0u);
    EXPECT_EQ(content_disposition("x.svg", "image/svg+xml").rfind("attachment;", 0), 0u);
}

TEST(AttachmentDisposition, EncodesNonAsciiNamesPerRfc5987) {
    EXPECT_EQ(content_disposition("Ärger 100%.png", "image/png"),
              "inline; filename=\"_rger 100_.png\"; filename*=UTF-8''%C3%84rger%20100%25.png");
    EXPECT_EQ(content_disposition("日本.pdf", "application/pdf"),
              "attachment; filename=\"__.pdf\"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.pdf");
    EXPECT_EQ(content_disposition("Anna's; plan.pdf", "application/pdf"),
              "attachment; filename=\"Anna's; plan.pdf\"; filename*=UTF-8''Anna%27s%3B%20plan.pdf");
}

TEST(AttachmentDisposition, NeverLetsQuotesBackslashesOrLineBreaksThrough) {
    const auto header = content_disposition("a\"b\r\nSet-Cookie: x=1\\c\".pdf", "application/pdf");
    EXPECT_EQ(header, "attachment; filename=\"c_.pdf\"; filename*=UTF-8''c%22.pdf");
    const auto quoted = content_disposition("say \"hi\".pdf", "application/pdf");
    EXPECT_EQ(quoted, "attachment; filename=\"say _hi_.pdf\"; filename*=UTF-8''say%20%22hi%22.pdf");
    EXPECT_EQ(content_disposition("", "image/gif"), "inline; filename=\"attachment\"; filename*=UTF-8''attachment");
}

}  // namespace
}  // namespace cocreate::ideas
