// A local SMTP server that accepts and counts messages (npm run bench's digest figure). startSmtpSink()
// runs it in a child process, so that receiving thousands of messages does not take CPU from the load
// generator of the bench process.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';

if (process.argv[2] === '--serve') {
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    maxClients: 100,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        count += 1;
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1', () => process.send({ port: server.server.address().port }));
  setInterval(() => process.send({ count }), 200).unref();
  process.on('message', (m) => {
    if (m === 'close') server.close(() => process.exit(0));
  });
}

export async function startSmtpSink() {
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let count = 0;
  const port = await new Promise((resolve) =>
    child.on('message', (m) => {
      if (m.port) resolve(m.port);
      if (typeof m.count === 'number') count = m.count;
    }),
  );
  return {
    url: `smtp://127.0.0.1:${port}`,
    count: () => count,
    close: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.send('close');
      }),
  };
}
