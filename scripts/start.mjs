// `npm start`: builds the API (swc, ~2 s), starts it (embedded PostgreSQL unless DATABASE_URL is set)
// and builds the web app alongside; the API serves the web app at / as soon as that build is done.
import { execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

execSync('npm run --silent build', { stdio: 'inherit' });

const children = [];
const api = spawn(process.execPath, ['--enable-source-maps', 'dist/apps/api/src/main.js'], {
  stdio: 'inherit',
  env: process.env,
});
children.push(api);

if (existsSync('apps/web/vite.config.ts') && process.env.SKIP_WEB_BUILD !== '1') {
  const web = spawn(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn'],
    {
      stdio: 'inherit',
      env: process.env,
    },
  );
  children.push(web);
  web.on('exit', (code) => {
    if (code === 0) console.log('web app built: open the URL above');
    else console.error(`web app build failed (exit ${code}); the API keeps running`);
  });
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    for (const c of children) if (c.exitCode === null) c.kill(sig);
  });
}
api.on('exit', (code, signal) => {
  for (const c of children) if (c !== api && c.exitCode === null) c.kill('SIGTERM');
  process.exit(code ?? (signal ? 0 : 1));
});
