# Warnings for our own targets only (third-party headers are system includes).
add_library(thresher_warnings INTERFACE)
target_compile_options(thresher_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow
  -Wnon-virtual-dtor -Wimplicit-fallthrough)
