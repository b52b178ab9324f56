#!/usr/bin/env bash
# Installs what the MapServer comparison needs, from Debian, only when missing:
# MapServer 8 (mapserver-bin: mapserv with FastCGI, MVT and OGC API; cgi-mapserver:
# /usr/lib/cgi-bin/mapserv) and lighttpd,
# which starts and supervises the mapserv FastCGI processes itself.
# Needs root (apt-get). Idempotent: does nothing when everything is present.
set -euo pipefail
if [ -x /usr/lib/cgi-bin/mapserv ] && [ -x /usr/sbin/lighttpd ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "bench/mapserver/install.sh: hace falta root para apt-get install mapserver-bin cgi-mapserver lighttpd" >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends mapserver-bin cgi-mapserver lighttpd >/dev/null
