import { setDefaultResultOrder } from 'node:dns';
import { lookup } from 'node:dns/promises';

/**
 * `dns-rebinding-protection` only runs against a localhost URL, so the suite gets
 * `http://localhost:<port>/mcp` while the server binds 127.0.0.1: make sure both mean the same.
 * The CLI is started with `--dns-result-order=ipv4first` to resolve it the same way.
 *
 * @throws {@link Error} when `localhost` resolves to anything but `127.0.0.1`.
 */
export async function assertLocalhostIsIpv4Loopback(): Promise<void> {
  setDefaultResultOrder('ipv4first');
  const { address } = await lookup('localhost');
  if (address !== '127.0.0.1') {
    throw new Error(
      `localhost resolves to ${address}, not 127.0.0.1: add "127.0.0.1 localhost" to /etc/hosts`,
    );
  }
}
