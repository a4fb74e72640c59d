# Defaults for every kernel this installation starts. bin/kindling reads this file (bash) before
# anything else, so the environment of a kernelspec or of the caller still wins only where a line
# below uses ${VAR:-default}. Everything here is commented out: Kindling needs none of it.
#
# Extra JVM options for the kernel (both launch modes):
# export KINDLING_JAVA_OPTS="${KINDLING_JAVA_OPTS:--XX:+UseG1GC}"
#
# Where kernel logs go (default: ~/.local/state/kindling/logs):
# export KINDLING_LOG_DIR="${KINDLING_LOG_DIR:-/var/log/kindling}"
#
# Run every kernel under this Spark installation (spark-submit) instead of the bundled spark/:
# export SPARK_HOME="${SPARK_HOME:-/opt/spark}"
#
# spark-submit style options (docs/spark.md), for example the master and the driver's heap:
# export SPARK_OPTS="${SPARK_OPTS:---master local[4] --driver-memory 4g}"
#
# Java to run with (default: java on PATH):
# export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"
