# All dependencies come from the system (Debian packages); see scripts/setup.sh.
find_package(PkgConfig REQUIRED)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
pkg_check_modules(UCHARDET REQUIRED IMPORTED_TARGET uchardet)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(Threads REQUIRED)
# CLD2 (libcld2-dev) ships no pkg-config file.
find_path(CLD2_INCLUDE_DIR cld2/public/compact_lang_det.h REQUIRED)
find_library(CLD2_LIBRARY cld2 REQUIRED)
add_library(thresher_cld2 INTERFACE IMPORTED)
target_include_directories(thresher_cld2 SYSTEM INTERFACE ${CLD2_INCLUDE_DIR})
target_link_libraries(thresher_cld2 INTERFACE ${CLD2_LIBRARY})
