// Typed wrappers over the bound CampaignService (app/campaigns.go): the
// segments with who may get a campaign, the preview of exactly what goes
// out, creating, sending (with confirmation) and each campaign's progress.
// Only src/api imports ../wailsjs; every call goes through the shared `call`
// so it rejects with an AppError {code, message}.
import * as CampaignService from '../../wailsjs/go/app/CampaignService';
import type { campaigns } from '../../wailsjs/go/models';
import { call } from './errors';
import type { Plain } from './plain';

export type Campaign = Plain<campaigns.Campaign>;
export type CampaignSpec = Plain<campaigns.Spec>;
export type CampaignPreview = Plain<campaigns.Preview>;
export type SegmentAudience = Plain<campaigns.SegmentAudience>;
export type CampaignPart = Plain<campaigns.Part>;
export type CampaignVariant = Plain<campaigns.Variant>;

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: ['campaigns', 'list'] as const,
  segments: ['campaigns', 'segments'] as const,
};

// The bindings take the generated classes; plain objects carry the same JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const asSpec = (v: CampaignSpec): campaigns.Spec => v as any as campaigns.Spec;

export const campaignsApi = {
  list: (): Promise<Campaign[]> => call(() => CampaignService.List()).then((l) => l ?? []),
  segments: (): Promise<SegmentAudience[]> => call(() => CampaignService.Segments()).then((l) => l ?? []),
  preview: (spec: CampaignSpec): Promise<CampaignPreview> => call(() => CampaignService.Preview(asSpec(spec))),
  create: (spec: CampaignSpec): Promise<Campaign> => call(() => CampaignService.Create(asSpec(spec))),
  send: (id: number, confirm: boolean): Promise<Campaign> => call(() => CampaignService.Send(id, confirm)),
  cancel: (id: number): Promise<void> => call(() => CampaignService.Cancel(id)),
};
