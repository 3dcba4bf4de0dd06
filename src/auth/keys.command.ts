import { InvalidInputError, type FieldProblem } from '../common/errors';
import type { Config } from '../config';
import { migrate } from '../db/migrate';
import { openDatabase } from '../db/open';
import { createApiKey, listApiKeys, revokeApiKey } from './api-key.service';
import { cliCaller, KEY_ROLES } from './caller';

export const KEYS_USAGE =
  'usage: npm run keys -- create --role editor|admin --name NAME\n' +
  '       npm run keys -- revoke --id ID | --name NAME\n' +
  '       npm run keys -- list';

const FLAGS: Record<string, string[]> = { create: ['role', 'name'], revoke: ['id', 'name'], list: [] };

function parseFlags(action: string, argv: readonly string[]): Map<string, string> {
  const problems: FieldProblem[] = [];
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m || !FLAGS[action].includes(m[1])) {
      problems.push({ path: argv[i], message: `is not a flag of "keys ${action}"${FLAGS[action].length ? `: use ${FLAGS[action].map((f) => `--${f}`).join(', ')}` : ''}` });
      continue;
    }
    const value = m[2] ?? (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[++i] : undefined);
    if (!value) problems.push({ path: `--${m[1]}`, message: 'needs a value' });
    else values.set(m[1], value);
  }
  if (problems.length) throw new InvalidInputError(KEYS_USAGE, problems);
  return values;
}

/**
 * `npm run keys -- create|revoke|list`: API keys for writing. A new key is printed once and only its
 * hash is stored; revoking takes effect on the next request. Every change is in the audit trail.
 */
export async function runKeysCommand(argv: readonly string[], config: Config, log: (line: string) => void = console.log): Promise<void> {
  const [action, ...rest] = argv;
  if (!action || !(action in FLAGS)) {
    throw new InvalidInputError(KEYS_USAGE, [{ path: action ?? 'action', message: 'must be create, revoke or list' }]);
  }
  const flags = parseFlags(action, rest);
  if (action === 'create') {
    const problems: FieldProblem[] = [];
    if (!flags.has('role')) problems.push({ path: '--role', message: `is required: ${KEY_ROLES.join(' or ')}` });
    if (!flags.has('name')) problems.push({ path: '--name', message: 'is required: who holds the key (shown in the audit trail)' });
    if (problems.length) throw new InvalidInputError(KEYS_USAGE, problems);
  }
  if (action === 'revoke' && flags.size !== 1) {
    throw new InvalidInputError(KEYS_USAGE, [{ path: 'revoke', message: 'needs exactly one of --id or --name' }]);
  }
  const db = await openDatabase(config);
  try {
    await migrate(db);
    if (action === 'create') {
      const { key, record } = await createApiKey(db, cliCaller(), flags.get('name')!, flags.get('role')!);
      log(`created key ${record.dbId} for ${record.name} (${record.role}). It is shown only now; store it safely:`);
      log(key);
    } else if (action === 'revoke') {
      const revoked = await revokeApiKey(db, cliCaller(), { id: flags.get('id'), name: flags.get('name') });
      if (revoked.length === 0) throw new InvalidInputError('Nothing revoked', [{ path: flags.has('id') ? '--id' : '--name', message: 'names no active key' }]);
      for (const key of revoked) log(`revoked key ${key.dbId} (${key.name}, ${key.role})`);
    } else {
      const keys = await listApiKeys(db);
      if (keys.length === 0) log('no keys; create one with: npm run keys -- create --role editor --name NAME');
      for (const key of keys) {
        const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active';
        log(`${key.dbId}\t${key.name}\t${key.role}\t${key.prefix}…\tcreated ${key.createdAt.toISOString()}\t${state}`);
      }
    }
  } finally {
    await db.close();
  }
}
