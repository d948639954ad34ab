#!/bin/sh
# Regenerates the autotools build files (configure, Makefile.in); they are not committed.
set -e
cd "$(dirname "$0")"
mkdir -p m4 build-aux
autoreconf -fi
