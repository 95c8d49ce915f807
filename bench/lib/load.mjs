import autocannon from 'autocannon';

/** Runs autocannon and returns throughput and latency percentiles. */
export async function load({ url, method = 'POST', headers = {}, body, connections = 50, duration = 10, setupRequest }) {
  const result = await autocannon({
    url,
    method,
    connections,
    duration,
    headers: { 'content-type': 'application/json', ...headers },
    body,
    requests: setupRequest ? [{ setupRequest }] : undefined,
  });
  const non2xx = result.non2xx + result.errors + result.timeouts;
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
