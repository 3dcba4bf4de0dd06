const { PGlite } = require('@electric-sql/pglite');
const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm');
(async () => {
  let t = Date.now();
  const db = await PGlite.create({ dataDir: '/tmp/pgl-data', extensions: { pg_trgm } });
  console.log('create', Date.now() - t);
  await db.exec('create extension if not exists pg_trgm; create table if not exists t(x int)');
  console.log((await db.query("select similarity('Witkof','Witkoff') s, version() v")).rows);
  t = Date.now();
  const dump = await db.dumpDataDir('none');
  console.log('dump', Date.now() - t, dump.size);
  await db.close();
  t = Date.now();
  const db2 = await PGlite.create({ loadDataDir: dump, extensions: { pg_trgm } });
  console.log('load', Date.now() - t, (await db2.query('select count(*) from t')).rows);
  t = Date.now();
  const db3 = await PGlite.create({ dataDir: '/tmp/pgl-data', extensions: { pg_trgm } });
  console.log('reopen', Date.now() - t);
})();
