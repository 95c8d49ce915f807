import autocannon from 'autocannon';
import http from 'node:http';

/** Runs autocannon and returns throughput and latency percentiles. */
export async function load({ url, method = 'POST', headers = {}, body, connections = 50, duration = 10, setupRequest, overallRate }) {
  const result = await autocannon({
    url,
    method,
    connections,
    duration,
    headers: { 'content-type': 'application/json', ...headers },
    body,
    requests: setupRequest ? [{ setupRequest }] : undefined,
    // a fixed offered rate (requests per second over all connections): latency below saturation, with
    // autocannon's correction for coordinated omission (a late answer delays the next send)
    overallRate,
  });
  const non2xx = result.non2xx + result.errors + result.timeouts;
  // autocannon stops with up to `connections` requests in flight and drops them, but the server still
  // works through them (about 50 ÷ throughput seconds): let it, so that the next measurement (of this
  // server or another) does not start on a busy machine.
  await new Promise((resolve) => setTimeout(resolve, 500));
  return {
    requestsPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    failed: non2xx,
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
