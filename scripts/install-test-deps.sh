#!/usr/bin/env bash
# System packages the test suite needs on a Debian machine: Ceph's RADOS Gateway (a real S3
# server for the storage tests), fonts (pages drawn by the tests) and Chromium (the web desk's
# browser tests drive Debian's chromium through playwright-core; never a browser download).
# tesseract-ocr: the native OCR engine (ocr.engine: "tesseract") and its tests.
# postgresql: a throw-away cluster on loopback for the PostgreSQL catalog tests (scripts/postgres/).
# Installs what is missing when run as root; otherwise says what to install. Safe to run again.
set -euo pipefail
pkgs=(radosgw ceph-mon ceph-osd ceph-common bc curl fonts-dejavu-core chromium tesseract-ocr tesseract-ocr-eng postgresql)
missing=()
for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -eq 0 ]; then
  echo "test dependencies: all present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "test dependencies missing: ${missing[*]}" >&2
  echo "install them with: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
