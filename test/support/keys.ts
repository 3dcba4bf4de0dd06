import { createApiKey } from '../../src/auth/api-key.service';
import { cliCaller } from '../../src/auth/caller';
import type { Database } from '../../src/db/database';

/** An editor key and an admin key on the store, created as `npm run keys -- create` would. */
export async function createTestKeys(db: Database): Promise<{ editor: { key: string }; admin: { key: string } }> {
  const editor = await createApiKey(db, cliCaller(), 'test-editor', 'editor');
  const admin = await createApiKey(db, cliCaller(), 'test-admin', 'admin');
  return { editor: { key: editor.key }, admin: { key: admin.key } };
}
