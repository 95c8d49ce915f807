// A local SMTP server that accepts and counts messages (npm run bench's digest figure).
import { SMTPServer } from 'smtp-server';

export async function startSmtpSink() {
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
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${server.server.address().port}`,
    count: () => count,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
