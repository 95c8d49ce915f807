import autocannon from 'autocannon';
import http from 'node:http';

/**
 * Runs autocannon and returns throughput and latency percentiles. With `warmup` (seconds) the run is that
 * much longer on the same connections and only the answers after it count: a run's first half second is
 * spent opening its connections (the server accepts one new connection per event-loop turn, so 50 at once
 * wait behind the requests of those already open), which is not the steady state the figure is about.
 */
export async function load({ url, method = 'POST', headers = {}, body, connections = 50, duration = 10, warmup = 0, setupRequest, overallRate }) {
  const answers = [];
  let counting = warmup === 0;
  const instance = autocannon({
    url,
    method,
    connections,
    duration: warmup + duration,
    headers: { 'content-type': 'application/json', ...headers },
    body,
    requests: setupRequest ? [{ setupRequest }] : undefined,
    // a fixed offered rate (requests per second over all connections): latency below saturation, with
    // autocannon's correction for coordinated omission (a late answer delays the next send)
    overallRate,
  });
  const countFrom = setTimeout(() => {
    counting = true;
  }, warmup * 1000);
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (counting) answers.push({ statusCode, ms: responseTime });
  });
  const result = await instance;
  clearTimeout(countFrom);
  // autocannon stops with up to `connections` requests in flight and drops them, but the server still
  // works through them (about 50 ÷ throughput seconds): let it, so that the next measurement (of this
  // server or another) does not start on a busy machine.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const latencies = answers.map((a) => a.ms);
  return {
    requestsPerSec: Math.round(answers.length / duration),
    p50: Math.round(percentile(latencies, 50)),
    p99: Math.round(percentile(latencies, 99)),
    total: answers.length,
    failed: answers.filter((a) => a.statusCode >= 300).length + result.errors + result.timeouts,
  };
}

export function timed(fn) {
  const started = process.hrtime.bigint();
  return Promise.resolve(fn()).then((value) => ({ value, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * An open-loop load: requests arrive at random (Poisson) times at `rate` per second, whatever the server's
 * answers do, over at most `connections` keep-alive sockets; each latency counts from the request's
 * scheduled arrival, so a request that waited for a free socket counts its wait. (autocannon's fixed rate
 * fires every connection at the same instant, a burst of 50 every tick, which measures the burst.)
 */
export async function openLoop({ url, method = 'POST', headers = {}, body, rate, duration = 10, connections = 50 }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(url);
  const latencies = [];
  let failed = 0;
  const send = (scheduled) =>
    new Promise((resolve) => {
      const req = http.request(
        { agent, host: target.hostname, port: target.port, path: target.pathname + target.search, method, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body ?? ''), ...headers } },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode >= 300) failed += 1;
            latencies.push(performance.now() - scheduled);
            resolve();
          });
        },
      );
      req.on('error', () => {
        failed += 1;
        resolve();
      });
      req.end(body);
    });
  const started = performance.now();
  const end = started + duration * 1000;
  const pending = [];
  let next = started;
  while (next < end) {
    const now = performance.now();
    while (next <= now && next < end) {
      pending.push(send(next));
      next += (-Math.log(1 - Math.random()) / rate) * 1000;
    }
    await new Promise((r) => setTimeout(r, Math.max(0, Math.min(next - performance.now(), 5))));
  }
  await Promise.all(pending);
  agent.destroy();
  const seconds = (performance.now() - started) / 1000;
  return {
    offeredPerSec: rate,
    requestsPerSec: Math.round(latencies.length / seconds),
    p50: Math.round(percentile(latencies, 50)),
    p99: Math.round(percentile(latencies, 99)),
    total: latencies.length,
    failed,
  };
}
