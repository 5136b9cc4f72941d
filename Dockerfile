# syntax=docker/dockerfile:1
# Tandem in production: build once, run on the PostgreSQL that DATABASE_URL names.

FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
# postinstall generates the Prisma client from prisma/schema.prisma.
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npx next build && npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    TANDEM_SKIP_BUILD=true
# The code belongs to root and the app's user may only read it (COPY keeps the build's modes, made under root's
# umask 022: nobody else may write): a compromised app process cannot rewrite the code it runs. It writes only
# to Next.js's cache and the backups folder. (A `chmod -R` here would copy every file into one more layer.)
COPY --from=build /app ./
RUN mkdir -p .next/cache backups \
 && chown node:node .next/cache backups \
 && chmod 0700 backups
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# Applies pending migrations, then serves the app; SIGTERM stops it cleanly.
CMD ["node", "--conditions=react-server", "--import", "tsx", "scripts/start.ts"]
