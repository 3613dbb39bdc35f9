#!/usr/bin/env bash
# Installs Debian's Chromium and its driver for the example's browser test, when they are missing.
set -u
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ]; then
  echo "[chromium] installing Debian's chromium and chromium-driver" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver) >&2 \
    || echo "[chromium] could not install them: the browser test will be skipped" >&2
else
  echo "[chromium] not root and no chromium: the browser test will be skipped" >&2
fi
