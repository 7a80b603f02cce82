// Typed wrappers over the bound AutomationService (app/automation.go). Only
// src/api imports ../wailsjs; every call goes through the shared `call` so it
// rejects with an AppError {code, message}.
import type { QueryClient } from '@tanstack/react-query';
import * as AutomationService from '../../wailsjs/go/app/AutomationService';
import type { flow, rules } from '../../wailsjs/go/models';
import { EventsOn } from '../../wailsjs/runtime/runtime';
import { call } from './errors';
import type { Plain } from './plain';
import type { Schema } from './schema';

export type TriggerSpec = Plain<flow.TriggerSpec>;
export type Step = Plain<flow.Step>;
export type FlowPolicy = Plain<flow.Policy>;
export type Definition = Plain<flow.Definition>;
export type Flow = Plain<rules.Flow>;
export type FlowTemplate = Plain<flow.FlowTemplate>;
export type Problem = Plain<flow.Problem>;
export type Preview = Plain<rules.Preview>;
export type FlowPlan = Plain<rules.FlowPlan>;
export type PlanItem = Plain<rules.Item>;
export type EmailPreview = Plain<rules.EmailPreview>;
export type POPreview = Plain<rules.POPreview>;
export type POLinePreview = Plain<rules.POLinePreview>;
export type CouponPreview = Plain<rules.CouponPreview>;
export type RunResult = Plain<rules.RunResult>;
export type RunRecord = Plain<rules.RunRecord>;
export type Backtest = Plain<rules.Backtest>;
export type FlowStats = Plain<rules.FlowStats>;
export type BranchChoice = Plain<rules.BranchChoice>;

export const automationKeys = {
  all: ['automations'] as const,
  flows: ['automations', 'flows'] as const,
  flow: (id: number) => ['automations', 'flow', id] as const,
  templates: ['automations', 'templates'] as const,
  emailTemplates: ['automations', 'emailTemplates'] as const,
  history: (limit: number) => ['automations', 'history', limit] as const,
  stats: (id: number) => ['automations', 'stats', id] as const,
};

// The bindings take the generated classes; plain objects carry the same JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const asModel = <T>(v: unknown): T => v as any as T;

export const automations = {
  templates: (): Promise<FlowTemplate[]> => call(() => AutomationService.Templates()),
  emailTemplates: (): Promise<string[]> => call(() => AutomationService.EmailTemplates()),
  /** The engine's live schema; the editor uses the committed copy in ./schema. */
  schema: (): Promise<Schema> => call(() => AutomationService.Schema()),
  listFlows: (): Promise<Flow[]> => call(() => AutomationService.ListFlows()),
  getFlow: (id: number): Promise<Flow> => call(() => AutomationService.GetFlow(id)),
  validate: (d: Definition): Promise<Problem[]> =>
    call(() => AutomationService.Validate(asModel<flow.Definition>(d))).then((p) => p ?? []),
  saveFlow: (f: Flow): Promise<number> => call(() => AutomationService.SaveFlow(asModel<rules.Flow>(f))),
  installTemplate: (key: string): Promise<number> => call(() => AutomationService.InstallTemplate(key)),
  setEnabled: (id: number, on: boolean): Promise<void> => call(() => AutomationService.SetEnabled(id, on)),
  preview: (): Promise<Preview> => call(() => AutomationService.Preview()),
  runApproved: (keys: string[]): Promise<RunResult> => call(() => AutomationService.RunApproved(keys)),
  history: (limit: number): Promise<RunRecord[]> => call(() => AutomationService.History(limit)).then((r) => r ?? []),
  backtest: (id: number, days: number): Promise<Backtest> => call(() => AutomationService.Backtest(id, days)),
  exportFlows: (ids: number[]): Promise<string> => call(() => AutomationService.Export(ids)),
  importFlows: (data: string): Promise<number[]> => call(() => AutomationService.Import(data)),
  releaseHold: (orderId: number): Promise<void> => call(() => AutomationService.ReleaseHold(orderId)),
  /** What each step and each branch of a flow did so far (issue 17). */
  flowStats: (id: number): Promise<FlowStats> => call(() => AutomationService.FlowStats(id)),
};

// StartPreview(): a job id at once; progress counts the flows planned and
// "job:done" carries the Preview (follow it with useJob<Preview>). A binary
// older than its binding lacks the method on window.go: then Preview() is used.
interface WailsWindow {
  go?: { app?: { AutomationService?: Record<string, unknown> } };
}

/** Whether the preview can run as a job with progress and cancel. */
export function canStartPreview(): boolean {
  const live = typeof window !== 'undefined' ? (window as WailsWindow).go?.app?.AutomationService : undefined;
  return live ? typeof live['StartPreview'] === 'function' : typeof AutomationService.StartPreview === 'function';
}

/** Starts planning a preview as a job; resolves to a job id for useJob<Preview>(). */
export function startPreview(): Promise<string> {
  return call(() => AutomationService.StartPreview());
}

/**
 * refreshAfterRun marks every screen's data stale after a run: a run writes
 * emails, coupons, tasks, holds, tags and purchase orders, so the Tasks
 * count, the outbox and the customers may all have changed. The queries on
 * screen refetch now, the others when next shown.
 */
export function refreshAfterRun(qc: QueryClient): Promise<void> {
  return qc.invalidateQueries();
}

/**
 * Calls back after each scheduled run (the app emits "automations:run" with a
 * RunResult, or {error}); returns the unsubscribe. Safe outside the app window.
 */
export function onAutomationRun(cb: (r: RunResult | { error: string }) => void): () => void {
  try {
    return EventsOn('automations:run', cb);
  } catch {
    return () => {};
  }
}
