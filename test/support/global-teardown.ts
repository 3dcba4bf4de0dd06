import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  for (const path of [process.env.NEWSGRAPH_TEST_EMPTY_SNAPSHOT, process.env.NEWSGRAPH_TEST_SEEDED_SNAPSHOT]) {
    if (path) rmSync(path, { force: true });
  }
}
