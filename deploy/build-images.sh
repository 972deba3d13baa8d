#!/usr/bin/env sh
# Builds Reelay's four container images from this checkout:
#   reelay-submitter, reelay-poller, reelay-downloader, reelay-simulator
# each tagged with the project version (and `latest`), for a local Docker engine.
#
#   deploy/build-images.sh                     # build the jars, then the images
#   REGISTRY=ghcr.io/acme deploy/build-images.sh   # name them ghcr.io/acme/reelay-...:<version>
#   SKIP_BUILD=1 deploy/build-images.sh        # reuse jars already in */target
#
# Needs a JDK 17+ (for the Maven build) and docker (or another CLI with the same `build`
# command, e.g. DOCKER=podman).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
docker_cmd=${DOCKER:-docker}
# the project's version, from the root pom (the line after reelay-parent's artifactId)
version=${VERSION:-$(sed -n '/<artifactId>reelay-parent<\/artifactId>/{n;s:.*<version>\(.*\)</version>.*:\1:p;}' "$root/pom.xml")}
prefix=${REGISTRY:+$REGISTRY/}

cd "$root"
if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -B -q -DskipTests -pl submitter,poller,downloader,deploy/simulator -am package
fi

# module directory, then image name, then the port it listens on
for entry in submitter:reelay-submitter:8080 poller:reelay-poller:8080 \
  downloader:reelay-downloader:8080 deploy/simulator:reelay-simulator:8089; do
  module=${entry%%:*}
  rest=${entry#*:}
  image=${rest%%:*}
  port=${rest#*:}
  jar="$image-$version-exec.jar"
  if [ ! -f "$module/target/$jar" ]; then
    echo "missing $module/target/$jar: build the jars first (drop SKIP_BUILD)" >&2
    exit 1
  fi
  echo "building $prefix$image:$version from $module/target/$jar" >&2
  "$docker_cmd" build -f deploy/docker/Dockerfile \
    --build-arg "JAR_FILE=$jar" --build-arg "PORT=$port" \
    -t "$prefix$image:$version" -t "$prefix$image:latest" \
    "$module/target"
done
