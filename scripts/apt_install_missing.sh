# Sourced by the scripts here: apt_install_missing LABEL PACKAGE...
# installs, in one apt-get call, the Debian packages that are not installed
# yet (sudo when not root). Installs nothing, and touches no index, when all
# are present, so the scripts stay idempotent and quick on a second run.
apt_install_missing() {
  local label=$1; shift
  local missing=() p
  for p in "$@"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  echo "$label: installing ${missing[*]}"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}
