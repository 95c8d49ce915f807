// Outbound HTTP to addresses users typed in (robot and webhook URLs) without opening the server's own
// network to them (SSRF): a URL whose host is, or resolves to, a loopback, private, link-local, CGNAT,
// multicast or otherwise reserved address is refused, when it is saved and again at every send. At send
// time the address checked is the address connected to (the request's DNS lookup is ours), so a name that
// resolves to a public address at the check and to 127.0.0.1 at the connection (DNS rebinding) is refused
// too. allowPrivate (NOTIFY_ALLOW_PRIVATE_URLS) lifts the rule: tests reach their local sinks that way.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  // ::/96 holds ::, ::1 and the IPv4-compatible forms (IPv4-mapped ones are judged by their IPv4 address)
  ['::', 96],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(net, bits, 'ipv6');

/** Is this IP address one a channel must not reach (private, loopback, link-local, reserved)? */
export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(address);
    if (mapped?.[1]) return blocked.check(mapped[1], 'ipv4');
    if (mapped?.[2] && mapped[3]) {
      const hi = Number.parseInt(mapped[2], 16);
      const lo = Number.parseInt(mapped[3], 16);
      return blocked.check(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, 'ipv4');
    }
    return blocked.check(address, 'ipv6');
  }
  return true;
}

export class UnsafeUrl extends Error {}

function hostOf(url: URL): string {
  return url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

/**
 * Throws UnsafeUrl when the URL is not http(s), or its host is or resolves to an internal address.
 * A name that does not resolve now passes (checked again when a message is sent).
 */
export async function assertPublicUrl(raw: string, allowPrivate: boolean): Promise<void> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeUrl('not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UnsafeUrl('only http and https URLs');
  if (url.username || url.password) throw new UnsafeUrl('no user name or password in the URL');
  if (allowPrivate) return;
  const host = hostOf(url);
  if (isIP(host)) {
    if (isInternalAddress(host)) throw new UnsafeUrl(`${host} is an internal address`);
    return;
  }
  if (/^localhost$|\.localhost$|\.local$|\.internal$/i.test(host)) throw new UnsafeUrl(`${host} is an internal name`);
  const addresses = await new Promise<LookupAddress[]>((resolve) =>
    dnsLookup(host, { all: true }, (err, list) => resolve(err ? [] : list)),
  );
  const bad = addresses.find((a) => isInternalAddress(a.address));
  if (bad) throw new UnsafeUrl(`${host} resolves to ${bad.address}, an internal address`);
}

/** A DNS lookup for http(s).request that refuses internal addresses: the address it returns is the one used. */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, list) => {
      if (err) return callback(err, '', 0);
      const addresses = list as LookupAddress[];
      const usable = allowPrivate ? addresses : addresses.filter((a) => !isInternalAddress(a.address));
      if (!usable.length) {
        return callback(
          Object.assign(new UnsafeUrl(`${hostname} resolves to an internal address`), { code: 'EINTERNAL' }),
          '',
          0,
        );
      }
      if ((options as { all?: boolean }).all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
      callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
}

export interface HttpResult {
  status: number;
  body: string;
}

/** POSTs JSON to a channel URL: 10 s at most, no redirects followed, the answer read up to 64 KB. */
export async function postJson(
  raw: string,
  payload: unknown,
  { allowPrivate, headers = {} }: { allowPrivate: boolean; headers?: Record<string, string> },
): Promise<HttpResult> {
  const url = new URL(raw);
  const host = hostOf(url);
  if (isIP(host) && !allowPrivate && isInternalAddress(host)) throw new UnsafeUrl(`${host} is an internal address`);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UnsafeUrl('only http and https URLs');
  const body = Buffer.from(JSON.stringify(payload));
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<HttpResult>((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length, ...headers },
        lookup: guardedLookup(allowPrivate),
        timeout: 10_000,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size <= 65_536) chunks.push(c);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out after 10 s')));
    req.on('error', reject);
    req.end(body);
  });
}
