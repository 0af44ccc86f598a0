# Every third-party library, found once and exposed as an imported target.
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
find_package(Boost 1.81 CONFIG REQUIRED COMPONENTS json url)
find_package(spdlog CONFIG REQUIRED)
find_package(CLI11 CONFIG REQUIRED)

pkg_check_modules(sodium REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(sqlite3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(libpq REQUIRED IMPORTED_TARGET libpq)
pkg_check_modules(cmark REQUIRED IMPORTED_TARGET libcmark-gfm)

# SOCI 4.0.3 ships neither a CMake config nor a pkg-config file.
find_path(SOCI_INCLUDE_DIR soci/soci.h REQUIRED)
foreach(part core sqlite3 postgresql)
  find_library(SOCI_${part}_LIBRARY NAMES soci_${part} REQUIRED)
  add_library(soci::${part} INTERFACE IMPORTED)
  set_target_properties(soci::${part} PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${SOCI_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${SOCI_${part}_LIBRARY}")
endforeach()
target_link_libraries(soci::sqlite3 INTERFACE soci::core PkgConfig::sqlite3)
target_link_libraries(soci::postgresql INTERFACE soci::core PkgConfig::libpq)

if(COCREATE_TESTS)
  find_package(GTest REQUIRED)
endif()
