# All dependencies come from the system (Debian packages); see scripts/setup.sh.
find_package(PkgConfig REQUIRED)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
pkg_check_modules(UCHARDET REQUIRED IMPORTED_TARGET uchardet)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(Threads REQUIRED)
