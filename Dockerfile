# The course and its group rooms for many groups at once: `coach serve`, built into one image.
# Rooms go to Redis or Valkey (COACH_REDIS_URL) when several containers share them; see
# docs/hosting.md and compose.yaml.
FROM node:22-bookworm-slim
WORKDIR /app
# Everything first: `npm install` builds the terminal runner (its prepare script), which reads the source.
COPY . .
RUN npm install --no-audit --no-fund && npm run build && mkdir -p .coach && chown -R node:node .coach
USER node
ENV NODE_ENV=production
EXPOSE 8080
# The course built into the image is served as it is; the passphrase comes from
# COACH_ORGANISER_PASSPHRASE or COACH_ORGANISER_PASSPHRASE_FILE, never the command line.
CMD ["node", "bin/coach.mjs", "serve", "--host", "0.0.0.0", "--port", "8080", "--site", "dist", "--trust-proxy"]
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:8080/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
