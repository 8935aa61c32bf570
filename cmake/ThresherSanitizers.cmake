# THRESHER_SANITIZE=address,undefined (or thread) instruments every target.
if(THRESHER_SANITIZE)
  add_compile_options(-fsanitize=${THRESHER_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${THRESHER_SANITIZE})
endif()
