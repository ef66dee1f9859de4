#!/usr/bin/env bash
# deps.sh: installs the Debian packages that building and testing Tawsim need (a C compiler for
# cgo, the OpenGL and X11 headers for Fyne's GLFW driver, the Unicode Character Database whose
# bidi conformance files arabic/bidi is tested against, PostgreSQL's server, whose throwaway
# clusters the tests of store/postgres start), each only when it is missing.
# Usage: scripts/deps.sh [EXTRA-PACKAGE ...]
set -euo pipefail
want=(gcc libc6-dev libgl1-mesa-dev xorg-dev unicode-data postgresql "$@")
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  echo "installing ${missing[*]} ..." >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
