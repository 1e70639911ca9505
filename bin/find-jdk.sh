# Sourced by bin/speedkit, bin/test and .ci/run: sets SPEEDKIT_JAVA_HOME to a JDK >= 21.
# Order: $JAVA_HOME, then the java on $PATH, then the usual install folders (newest first).
# A JDK, not a JRE: single-file programs (speedkit profile App.java) need its compiler.

speedkit_jdk_version() { # prints the feature version of the JDK at $1, or nothing
  local java="$1/bin/java" line
  [ -x "$java" ] && [ -x "$1/bin/javac" ] || return 0
  line=$("$java" -XshowSettings:properties -version 2>&1 | grep -m1 'java.specification.version =') || return 0
  line=${line##*= }
  case "$line" in 1.*) echo "${line#1.}" ;; *) echo "${line%%.*}" ;; esac
}

speedkit_find_jdk() {
  local min=21 candidate v best="" bestv=0
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(speedkit_jdk_version "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge "$min" ]; then SPEEDKIT_JAVA_HOME="$JAVA_HOME"; return 0; fi
  fi
  if command -v java >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    v=$(speedkit_jdk_version "$candidate")
    if [ -n "$v" ] && [ "$v" -ge "$min" ]; then SPEEDKIT_JAVA_HOME="$candidate"; return 0; fi
  fi
  for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /usr/local/opt/openjdk*/libexec/openjdk.jdk/Contents/Home \
      /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* "$HOME"/.asdf/installs/java/*; do
    [ -d "$candidate" ] || continue
    v=$(speedkit_jdk_version "$candidate")
    if [ -n "$v" ] && [ "$v" -ge "$min" ] && [ "$v" -gt "$bestv" ]; then best="$candidate"; bestv="$v"; fi
  done
  if [ -n "$best" ]; then SPEEDKIT_JAVA_HOME="$best"; return 0; fi
  echo "speedkit: no JDK 21 or newer found (looked at JAVA_HOME, the java on PATH, /usr/lib/jvm and the usual install folders); install one, e.g. Temurin 25, or set JAVA_HOME" >&2
  return 1
}
