// The stand-in Shopify store (backend/connector/shopify/shopifytest/cmd) on
// 127.0.0.1 for the specs that connect a store: scripts/e2e.sh builds it and
// names it in SHOPCLERK_E2E_STANDIN; run from elsewhere, `go run` builds it.
// Its standard input takes commands (stock a SKU, read a quantity), each
// answered with one line on its standard output.
import { test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

export interface StandIn {
  url: string;
  token: string;
  /** Sends one command (fields joined by tabs) and resolves to its answer. */
  command: (...fields: (string | number)[]) => Promise<string>;
  stop: () => void;
}

export async function startStandIn(args: string[] = []): Promise<StandIn> {
  const repo = resolve(test.info().config.rootDir, '..', '..');
  const bin = process.env.SHOPCLERK_E2E_STANDIN;
  const child = bin
    ? spawn(bin, args, { cwd: repo, stdio: ['pipe', 'pipe', 'inherit'] })
    : spawn('go', ['run', './backend/connector/shopify/shopifytest/cmd', ...args], { cwd: repo, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (l) => waiting.shift()?.(l));
  const next = () => new Promise<string>((ok) => waiting.push(ok));
  const first = await Promise.race([
    next(),
    new Promise<string>((_, fail) => child.once('exit', (code) => fail(new Error(`the stand-in store exited (${code}) before it said where it listens`)))),
  ]);
  const { url, token } = JSON.parse(first) as { url: string; token: string };
  return {
    url,
    token,
    command: (...fields) => {
      const answer = next();
      child.stdin.write(fields.join('\t') + '\n');
      return answer;
    },
    stop: () => {
      child.stdin.end();
      child.kill();
    },
  };
}

export const STANDIN_ORDERS = 'backend/connector/shopify/testdata/orders_2025-04_CAD.json';

/** The stand-in Etsy (backend/connector/etsy/etsytest/cmd) with the documented receipts and listings. */
export interface EtsyStandIn {
  url: string;
  keystring: string;
  sharedSecret: string;
  stop: () => void;
}

export async function startEtsyStandIn(): Promise<EtsyStandIn> {
  const repo = resolve(test.info().config.rootDir, '..', '..');
  const data = 'backend/connector/etsy/testdata/';
  const args = ['-receipts', data + 'getShopReceipts.json', '-listings', data + 'getListingsByShop.json'];
  const bin = process.env.SHOPCLERK_E2E_ETSY_STANDIN;
  const child = bin
    ? spawn(bin, args, { cwd: repo, stdio: ['pipe', 'pipe', 'inherit'] })
    : spawn('go', ['run', './backend/connector/etsy/etsytest/cmd', ...args], { cwd: repo, stdio: ['pipe', 'pipe', 'inherit'] });
  const first = await new Promise<string>((ok, fail) => {
    createInterface({ input: child.stdout }).once('line', ok);
    child.once('exit', (code) => fail(new Error(`the stand-in Etsy exited (${code}) before it said where it listens`)));
  });
  const info = JSON.parse(first) as Omit<EtsyStandIn, 'stop'>;
  return {
    ...info,
    stop: () => {
      child.stdin.end();
      child.kill();
    },
  };
}
