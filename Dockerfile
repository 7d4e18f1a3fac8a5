# spa-cms production image: express + Next (admin, REST, GraphQL) on Node.js 24 LTS. The project
# also runs on Node 20 (engines in package.json), which reached its end of life in April 2026.
FROM node:24-bookworm-slim

ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000
WORKDIR /app

COPY --chown=node:node package.json package-lock.json ./
# Dev dependencies stay: the server runs TypeScript through tsx and `next build` needs them.
RUN npm ci --include=dev --no-audit --no-fund && npm cache clean --force

COPY --chown=node:node . .
RUN npm run build && chown -R node:node /app

USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"

# Applies pending migrations, then serves.
CMD ["npm", "start"]
