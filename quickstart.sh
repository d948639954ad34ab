#!/bin/sh
# Installs the Debian 12 packages detente needs, builds it, and runs the main
# job: the bundled sample article to Turtle in output/alaska-summit.ttl.
set -eu
cd "$(dirname "$0")"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
PACKAGES="build-essential autoconf automake libtool pkg-config
  libraptor2-dev librdf0-dev librasqal3-dev libglib2.0-dev libjson-glib-dev libcmocka-dev
  libcurl4-gnutls-dev
  raptor2-utils rasqal-utils redland-utils serdi python3-rdflib valgrind"
missing=""
for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    $SUDO apt-get update
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $missing
fi
[ -x configure ] || ./autogen.sh
[ -f Makefile ] || ./configure
make -j"$(nproc)"
make sample
