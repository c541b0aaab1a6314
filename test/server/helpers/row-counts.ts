/** Row counts of the platform tables: "nothing changed" after a refused request means these did not move. */
import { count } from 'drizzle-orm';
import type { Db } from '../../../server/db/database.ts';
import { pipelineMembers, pipelines, sessions, users } from '../../../server/db/schema.ts';

export async function rowCounts(
  db: Db,
): Promise<Record<'users' | 'sessions' | 'pipelines' | 'members', number>> {
  const tables = { users, sessions, pipelines, members: pipelineMembers };
  const entries = await Promise.all(
    Object.entries(tables).map(async ([name, table]) => {
      const [row] = await db.select({ n: count() }).from(table);
      return [name, row?.n ?? 0] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<keyof typeof tables, number>;
}
