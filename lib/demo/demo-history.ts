import type { DemoTeamName } from "./demo-catalog";

/**
 * What happened in the demo organisation over the past twelve weeks, so that the trend, the review
 * history and the hotspots have real shape. `week` counts back from the current week: 1 is last week.
 */

/** Cells with deliberate gaps today, each named for the gap it shows. */
export type HolderPlan = { email: string; role: "A" | "R" | "C" | "I" }[];

export const DEMO_GAP_OVERRIDES: Record<string, HolderPlan> = {
  // no-accountable + one-sided: only marketing does the work.
  "tiktok-account/privacy-compliance": [{ email: "zoe.martin@example.org", role: "R" }],
  // no-accountable + no-responsible: nobody at all.
  "spring-launch-microsite/seo-technical": [],
  "zapier-lead-sync/vendor-contract": [],
  // no-accountable + no-responsible: people are consulted and informed, nobody decides.
  "website-chatbot/privacy-compliance": [
    { email: "jonas.lind@example.org", role: "C" },
    { email: "hannah.kim@example.org", role: "I" },
  ],
  // no-accountable: IT does the work, nobody answers for it.
  "youtube-channel/security-access": [{ email: "omar.haddad@example.org", role: "R" }],
  // multiple-accountable: two teams each think they decide the bidding rules.
  "google-ads/campaign-logic": [
    { email: "sofia.rossi@example.org", role: "A" },
    { email: "grace.liu@example.org", role: "A" },
    { email: "ethan.cole@example.org", role: "R" },
  ],
  // inactive-owner: Ravi left three weeks ago and still holds these.
  "snowflake-warehouse/backup-recovery": [
    { email: "ravi.patel@example.org", role: "A" },
    { email: "emma.larsen@example.org", role: "R" },
  ],
  "corporate-website/hosting-uptime": [
    { email: "ravi.patel@example.org", role: "A" },
    { email: "nina.petrova@example.org", role: "R" },
  ],
  "loyalty-database/backup-recovery": [{ email: "ravi.patel@example.org", role: "A" }],
  "salesforce-sales-cloud/security-access": [
    { email: "felix.braun@example.org", role: "A" },
    { email: "ravi.patel@example.org", role: "R" },
  ],
  // one-sided: shared concerns held by one department only.
  "meta-ads/analytics-tracking": [
    { email: "sofia.rossi@example.org", role: "A" },
    { email: "mia.novak@example.org", role: "R" },
  ],
  "snowflake-warehouse/privacy-compliance": [
    { email: "sarah.oconnell@example.org", role: "A" },
    { email: "kofi.mensah@example.org", role: "R" },
  ],
  "hubspot-crm/data-quality": [
    { email: "priya.nair@example.org", role: "A" },
    { email: "samuel.berg@example.org", role: "R" },
    { email: "isabel.moreno@example.org", role: "C" },
  ],
  // Covered with the A doing the work alone (the A counts as R).
  "x-account/content": [{ email: "oliver.grant@example.org", role: "A" }],
};

/** Cells that had no A until someone took it on in that week: coverage rises over the weeks. */
export const DEMO_GAPS_CLOSED: { cell: string; week: number }[] = [
  { cell: "online-store/privacy-compliance", week: 11 },
  { cell: "hubspot-marketing-hub/data-quality", week: 10 },
  { cell: "segment-cdp/analytics-tracking", week: 10 },
  { cell: "contentful/seo-technical", week: 9 },
  { cell: "instagram-account/analytics-tracking", week: 8 },
  { cell: "marketo-engage/integrations", week: 7 },
  { cell: "android-app/privacy-compliance", week: 7 },
  { cell: "ios-app/privacy-compliance", week: 6 },
  { cell: "tableau/data-quality", week: 5 },
  { cell: "sendgrid-transactional/vendor-contract", week: 4 },
  { cell: "linkedin-ads/analytics-tracking", week: 3 },
  { cell: "segment-snowflake-pipeline/privacy-compliance", week: 2 },
];

export type DemoDecision =
  | { cell: string; decision: "flag"; flagReason: "owner-unclear" | "owner-leaving" | "needs-other-team" | "other"; note: string }
  | { cell: string; decision: "handoff"; handoffTeam: DemoTeamName; note: string }
  /** Ends the current holders of the role and gives it to `to`. */
  | { cell: string; decision: "change"; role: "A" | "R"; to: string; note?: string };

/** Decisions other than `confirm` in past reviews, by week and team. */
export const DEMO_DECISIONS: { week: number; team: DemoTeamName; decisions: DemoDecision[] }[] = [
  { week: 9, team: "Digital Campaigns", decisions: [
    { cell: "meta-ads/analytics-tracking", decision: "flag", flagReason: "needs-other-team", note: "Pixel and conversions API disagree by 20%: we need IT to own the server side." },
  ] },
  { week: 7, team: "Digital Campaigns", decisions: [
    { cell: "meta-ads/campaign-logic", decision: "change", role: "A", to: "ethan.cole@example.org", note: "Ethan now leads paid social." },
  ] },
  { week: 6, team: "Brand & Content", decisions: [
    { cell: "corporate-website/seo-technical", decision: "handoff", handoffTeam: "Web Platform", note: "Core Web Vitals dropped after the theme update: page speed needs a developer." },
  ] },
  { week: 5, team: "Brand & Content", decisions: [
    { cell: "instagram-account/content", decision: "change", role: "A", to: "hannah.kim@example.org" },
  ] },
  { week: 4, team: "Web Platform", decisions: [
    { cell: "online-store/hosting-uptime", decision: "change", role: "R", to: "aisha.khan@example.org", note: "Jonas moves to the checkout rebuild." },
  ] },
  { week: 4, team: "Brand & Content", decisions: [
    { cell: "website-chatbot/content", decision: "flag", flagReason: "owner-unclear", note: "Who approves the chatbot's answers about returns?" },
  ] },
  { week: 3, team: "Digital Campaigns", decisions: [
    { cell: "google-tag-manager/analytics-tracking", decision: "handoff", handoffTeam: "Data Engineering", note: "Consent mode v2 changes the whole tag set-up." },
    { cell: "google-ads/campaign-logic", decision: "flag", flagReason: "owner-unclear", note: "Marketing Operations also sets bidding rules: two owners." },
  ] },
  { week: 2, team: "Marketing Operations", decisions: [
    { cell: "hubspot-crm/campaign-logic", decision: "change", role: "A", to: "samuel.berg@example.org" },
    { cell: "salesforce-sales-cloud/data-quality", decision: "flag", flagReason: "needs-other-team", note: "Duplicate accounts since the ERP sync: needs Data Engineering." },
  ] },
  { week: 2, team: "Brand & Content", decisions: [
    { cell: "tiktok-account/content", decision: "flag", flagReason: "needs-other-team", note: "The agency still has admin rights; IT should review access." },
  ] },
  { week: 1, team: "Marketing Operations", decisions: [
    { cell: "hubspot-crm/data-quality", decision: "flag", flagReason: "owner-unclear", note: "Nobody owns de-duplication since the loyalty import." },
    { cell: "segment-cdp/data-quality", decision: "handoff", handoffTeam: "Data Engineering", note: "Event schema drift breaks audiences: needs an owner in IT." },
  ] },
  { week: 1, team: "Brand & Content", decisions: [
    { cell: "tiktok-account/content", decision: "flag", flagReason: "needs-other-team", note: "Still waiting for IT to remove the agency's admin rights." },
  ] },
  { week: 1, team: "Digital Campaigns", decisions: [
    { cell: "google-ads/campaign-logic", decision: "flag", flagReason: "owner-unclear", note: "Still two owners for bidding rules." },
  ] },
  { week: 1, team: "Web Platform", decisions: [
    { cell: "website-chatbot/hosting-uptime", decision: "flag", flagReason: "owner-leaving", note: "Mateo moves to the mobile team in January." },
  ] },
];

/** Each team's review record: on time unless listed. `draft` was started and never submitted. */
export const DEMO_REVIEW_EXCEPTIONS: { team: DemoTeamName; week: number; outcome: "late" | "missing" | "draft" }[] = [
  { team: "Data Engineering", week: 5, outcome: "missing" },
  { team: "Data Engineering", week: 4, outcome: "missing" },
  { team: "Data Engineering", week: 3, outcome: "missing" },
  { team: "Data Engineering", week: 2, outcome: "draft" },
  { team: "Data Engineering", week: 1, outcome: "missing" },
  { team: "Digital Campaigns", week: 8, outcome: "late" },
  { team: "Digital Campaigns", week: 3, outcome: "late" },
  { team: "Security & Infrastructure", week: 9, outcome: "missing" },
  { team: "Security & Infrastructure", week: 1, outcome: "late" },
  { team: "Brand & Content", week: 10, outcome: "draft" },
  { team: "Web Platform", week: 6, outcome: "late" },
];

export const DEMO_HISTORY_WEEKS = 12;
