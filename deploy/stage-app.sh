#!/bin/sh
# Copies what one process of the hub needs to run into a folder (the image's /app): its compiled
# code, the libs, the production node_modules, the bundle it serves, and a main.js that starts
# it. Run from the built repository root by deploy/Dockerfile; tested by tools/manifests.
#   deploy/stage-app.sh <gateway|connector-web|connector-email|connector-social|conversation|routing|crm|migrate> <dir>
set -eu
app="${1:-}"
out="${2:?usage: stage-app.sh <app> <dir>}"

case "$app" in
  gateway | connector-web | connector-email | connector-social | conversation | routing | crm)
    main="dist/apps/$app/src/main.js"
    apps="$app"
    ;;
  migrate)
    # The runner reads every app's migrations folder (libs/migrations/src/migration-files.ts).
    main="dist/libs/migrations/src/migrate.main.js"
    apps="$(ls dist/apps)"
    ;;
  *)
    echo "stage-app.sh: unknown app '$app' (gateway, connector-web, connector-email, connector-social, conversation, routing, crm or migrate)" >&2
    exit 64
    ;;
esac
# The bundles a service serves: the inbox app from gateway, the widget from connector-web.
case "$app" in
  gateway) apps="$apps inbox" ;;
  connector-web) apps="$apps widget" ;;
esac

mkdir -p "$out/dist/apps"
cp -R package.json node_modules "$out/"
cp -R dist/libs "$out/dist/"
for each in $apps; do
  cp -R "dist/apps/$each" "$out/dist/apps/"
done
# One entry point whatever the app, so the image's command never names a path.
printf "require('./%s');\n" "$main" >"$out/main.js"
