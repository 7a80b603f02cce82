// The stand-in Shopify store (backend/connector/shopify/shopifytest/cmd) on
// 127.0.0.1 for the specs that connect a store: scripts/e2e.sh builds it and
// names it in SHOPCLERK_E2E_STANDIN; run from elsewhere, `go run` builds it.
import { test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

export interface StandIn {
  url: string;
  token: string;
  stop: () => void;
}

export async function startStandIn(args: string[] = []): Promise<StandIn> {
  const repo = resolve(test.info().config.rootDir, '..', '..');
  const bin = process.env.SHOPCLERK_E2E_STANDIN;
  const child: ChildProcess = bin
    ? spawn(bin, args, { cwd: repo, stdio: ['pipe', 'pipe', 'inherit'] })
    : spawn('go', ['run', './backend/connector/shopify/shopifytest/cmd', ...args], { cwd: repo, stdio: ['pipe', 'pipe', 'inherit'] });
  const line = await new Promise<string>((ok, fail) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', ok);
    child.once('exit', (code) => fail(new Error(`the stand-in store exited (${code}) before it said where it listens`)));
  });
  const { url, token } = JSON.parse(line) as { url: string; token: string };
  return { url, token, stop: () => { child.stdin?.end(); child.kill(); } };
}

export const STANDIN_ORDERS = 'backend/connector/shopify/testdata/orders_2025-04_CAD.json';
