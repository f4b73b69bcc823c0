#!/usr/bin/env bash
# Fresh Debian 12 machine -> built ./build/mdtriage. Installs the Debian
# packages the build and tests need (as root, or through sudo), then builds.
set -euo pipefail
cd "$(dirname "$0")/.."

mapfile -t pkgs < scripts/packages.txt   # one Debian package a line

missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -qq
	$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

[ -f build/build.ninja ] || meson setup build >/dev/null
ninja -C build >/dev/null
