import { defineConfig } from 'drizzle-kit';

// drizzle-kit resolves these paths against the current directory (run from the repo root).
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema.ts',
  out: './drizzle',
});
