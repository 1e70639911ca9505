#!/usr/bin/env bash
# Prints JVM options for Maven itself on the JDK at $1: Maven 3.8's bundled Guava calls sun.misc.Unsafe,
# which JDK 24+ warns about on every build unless told the access is allowed.
. "$(dirname "$0")/find-jdk.sh"
v=$(speedkit_jdk_version "$1")
if [ -n "$v" ] && [ "$v" -ge 24 ]; then echo "--sun-misc-unsafe-memory-access=allow"; fi
