# syntax=docker/dockerfile:1

# ---- build: compile TypeScript to dist/ and the web pages (explorer, GraphiQL) to dist/web ----
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
# Scripts off: `prepare` builds the pages, whose sources are copied below.
RUN npm ci --ignore-scripts
COPY src/ ./src/
COPY seed/ ./seed/
COPY schema/ ./schema/
# The IDE's example tabs are the README's example operations.
COPY web/ ./web/
COPY README.md ./
RUN npm run build

# ---- runtime: production dependencies and the compiled app only ----
FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
# dist/ holds the compiled server, its one-file bundle (dist/newsgraph.js) and dist/web the prebuilt
# pages it serves. dist/ stays root's, so the bundle's V8 code cache is not written there: each start
# compiles the bundle (see src/main.ts).
COPY --from=build /app/dist ./dist
# Read at run time relative to the folder holding package.json (see src/common/project-root.ts).
COPY --from=build /app/src/db/migrations ./src/db/migrations
COPY --from=build /app/seed ./seed
COPY --from=build /app/schema ./schema
# The embedded PGlite store (used when DATABASE_URL is unset) lives in DATA_DIR, writable by node.
ENV DATA_DIR=/app/data
RUN mkdir -p /app/data && chown node:node /app/data
USER node
ENV HOST=0.0.0.0 PORT=4000
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4000/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Same as `npm start` (which first compiles, when a source changed since the last build, then runs this).
# Two V8 worker threads instead of node's four: the API's work is on the main thread, and each worker
# kept its own malloc arena of compiler memory (12-25 MB less resident: README, "Memory of the embedded store").
CMD ["node", "--v8-pool-size=2", "dist/src/main.js", "start"]
