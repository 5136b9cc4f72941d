import type { DefaultAssetKindKey } from "@/lib/catalog/default-catalog";
import type { Criticality, TeamFunction } from "@/lib/rules/types";

/** The demo organisation's teams, people and assets: a mid-sized retailer with an online store. */

export const DEMO_ORGANISATION_NAME = "Northwind Outfitters";
export const DEMO_PASSWORD = "demo-password";

export const DEMO_TEAMS = [
  { name: "Brand & Content", function: "marketing" },
  { name: "Digital Campaigns", function: "marketing" },
  { name: "Marketing Operations", function: "marketing" },
  { name: "Web Platform", function: "it" },
  { name: "Data Engineering", function: "it" },
  { name: "Security & Infrastructure", function: "it" },
] as const satisfies readonly { name: string; function: TeamFunction }[];

export type DemoTeamName = (typeof DEMO_TEAMS)[number]["name"];
export type DemoRole = "admin" | "manager" | "viewer" | "none";

export interface DemoPerson {
  email: string;
  name: string;
  team: DemoTeamName | null;
  role: DemoRole;
  /** Weeks before the current week's Monday that the person left; null while they are still here. */
  leftWeeksAgo?: number;
}

/** Each team's manager comes first; the first members after the manager take most A roles. */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { email: "marketing.manager@example.org", name: "Maya Fischer", team: "Brand & Content", role: "manager" },
  { email: "leo.santos@example.org", name: "Leo Santos", team: "Brand & Content", role: "none" },
  { email: "hannah.kim@example.org", name: "Hannah Kim", team: "Brand & Content", role: "none" },
  { email: "oliver.grant@example.org", name: "Oliver Grant", team: "Brand & Content", role: "none" },
  { email: "zoe.martin@example.org", name: "Zoé Martin", team: "Brand & Content", role: "none" },

  { email: "daniel.okafor@example.org", name: "Daniel Okafor", team: "Digital Campaigns", role: "manager" },
  { email: "sofia.rossi@example.org", name: "Sofia Rossi", team: "Digital Campaigns", role: "none" },
  { email: "ethan.cole@example.org", name: "Ethan Cole", team: "Digital Campaigns", role: "none" },
  { email: "mia.novak@example.org", name: "Mia Novak", team: "Digital Campaigns", role: "none" },
  { email: "lucas.weber@example.org", name: "Lucas Weber", team: "Digital Campaigns", role: "none" },

  { email: "priya.nair@example.org", name: "Priya Nair", team: "Marketing Operations", role: "manager" },
  { email: "admin@example.org", name: "Alex Morgan", team: "Marketing Operations", role: "admin" },
  { email: "grace.liu@example.org", name: "Grace Liu", team: "Marketing Operations", role: "none" },
  { email: "samuel.berg@example.org", name: "Samuel Berg", team: "Marketing Operations", role: "none" },
  { email: "amara.diallo@example.org", name: "Amara Diallo", team: "Marketing Operations", role: "none" },

  { email: "it.manager@example.org", name: "Tom Becker", team: "Web Platform", role: "manager" },
  { email: "nina.petrova@example.org", name: "Nina Petrova", team: "Web Platform", role: "none" },
  { email: "jonas.lind@example.org", name: "Jonas Lind", team: "Web Platform", role: "none" },
  { email: "aisha.khan@example.org", name: "Aisha Khan", team: "Web Platform", role: "none" },
  { email: "mateo.garcia@example.org", name: "Mateo García", team: "Web Platform", role: "none" },

  { email: "chen.wei@example.org", name: "Chen Wei", team: "Data Engineering", role: "manager" },
  { email: "isabel.moreno@example.org", name: "Isabel Moreno", team: "Data Engineering", role: "none" },
  { email: "kofi.mensah@example.org", name: "Kofi Mensah", team: "Data Engineering", role: "none" },
  { email: "emma.larsen@example.org", name: "Emma Larsen", team: "Data Engineering", role: "none" },

  { email: "sarah.oconnell@example.org", name: "Sarah O'Connell", team: "Security & Infrastructure", role: "manager" },
  { email: "ravi.patel@example.org", name: "Ravi Patel", team: "Security & Infrastructure", role: "none", leftWeeksAgo: 3 },
  { email: "felix.braun@example.org", name: "Felix Braun", team: "Security & Infrastructure", role: "none" },
  { email: "yuki.tanaka@example.org", name: "Yuki Tanaka", team: "Security & Infrastructure", role: "none" },
  { email: "omar.haddad@example.org", name: "Omar Haddad", team: "Security & Infrastructure", role: "none" },

  { email: "viewer@example.org", name: "Vera Lindqvist", team: null, role: "viewer" },
];

export interface DemoAsset {
  key: string;
  name: string;
  kind: DefaultAssetKindKey;
  criticality: Criticality;
  lifecycle: "planned" | "active" | "retired";
  vendor: string;
  url?: string;
  description: string;
  /** The marketing and IT teams that look after it day to day. */
  marketing: DemoTeamName;
  it: DemoTeamName;
}

const M = { brand: "Brand & Content", campaigns: "Digital Campaigns", ops: "Marketing Operations" } as const;
const I = { web: "Web Platform", data: "Data Engineering", infra: "Security & Infrastructure" } as const;

export const DEMO_ASSETS: readonly DemoAsset[] = [
  { key: "corporate-website", name: "Corporate website", kind: "website", criticality: "critical", lifecycle: "active", vendor: "WordPress VIP", url: "https://www.northwind.example", description: "Brand site, store locator and press room.", marketing: M.brand, it: I.web },
  { key: "online-store", name: "Online store", kind: "website", criticality: "critical", lifecycle: "active", vendor: "Shopify Plus", url: "https://shop.northwind.example", description: "Direct-to-consumer store, about a third of revenue.", marketing: M.campaigns, it: I.web },
  { key: "careers-site", name: "Careers site", kind: "website", criticality: "medium", lifecycle: "active", vendor: "Workable", url: "https://careers.northwind.example", description: "Job listings and employer brand.", marketing: M.brand, it: I.web },
  { key: "spring-launch-microsite", name: "Spring launch microsite", kind: "website", criticality: "low", lifecycle: "active", vendor: "Webflow", url: "https://spring.northwind.example", description: "Campaign microsite for the spring collection.", marketing: M.campaigns, it: I.web },
  { key: "holiday-2025-microsite", name: "Holiday 2025 microsite", kind: "website", criticality: "low", lifecycle: "retired", vendor: "Webflow", description: "Last year's holiday campaign, switched off in January.", marketing: M.campaigns, it: I.web },
  { key: "wordpress-cms", name: "WordPress editorial CMS", kind: "cms", criticality: "high", lifecycle: "active", vendor: "WordPress", description: "Editorial back office of the corporate website.", marketing: M.brand, it: I.web },
  { key: "contentful", name: "Contentful headless CMS", kind: "cms", criticality: "high", lifecycle: "active", vendor: "Contentful", description: "Product stories and lookbooks for the store and the apps.", marketing: M.brand, it: I.web },
  { key: "salesforce-sales-cloud", name: "Salesforce Sales Cloud", kind: "crm", criticality: "critical", lifecycle: "active", vendor: "Salesforce", description: "B2B wholesale accounts and opportunities.", marketing: M.ops, it: I.data },
  { key: "hubspot-crm", name: "HubSpot CRM", kind: "crm", criticality: "high", lifecycle: "active", vendor: "HubSpot", description: "Consumer contacts, loyalty members and lead scoring.", marketing: M.ops, it: I.data },
  { key: "mailchimp-newsletter", name: "Mailchimp newsletter", kind: "email-platform", criticality: "medium", lifecycle: "active", vendor: "Mailchimp", description: "Weekly newsletter to 180,000 subscribers.", marketing: M.campaigns, it: I.data },
  { key: "sendgrid-transactional", name: "SendGrid transactional email", kind: "email-platform", criticality: "high", lifecycle: "active", vendor: "Twilio SendGrid", description: "Order confirmations, password resets and shipping updates.", marketing: M.ops, it: I.web },
  { key: "marketo-engage", name: "Marketo Engage", kind: "automation", criticality: "high", lifecycle: "active", vendor: "Adobe Marketo", description: "Nurture journeys and lead routing for wholesale.", marketing: M.ops, it: I.data },
  { key: "hubspot-marketing-hub", name: "HubSpot Marketing Hub", kind: "automation", criticality: "medium", lifecycle: "active", vendor: "HubSpot", description: "Consumer journeys: welcome, win-back, abandoned cart.", marketing: M.campaigns, it: I.data },
  { key: "google-analytics-4", name: "Google Analytics 4", kind: "analytics", criticality: "high", lifecycle: "active", vendor: "Google", description: "Web and app analytics for every property.", marketing: M.ops, it: I.data },
  { key: "google-tag-manager", name: "Google Tag Manager", kind: "analytics", criticality: "high", lifecycle: "active", vendor: "Google", description: "Tags and pixels of the website and the store.", marketing: M.campaigns, it: I.web },
  { key: "tableau", name: "Tableau dashboards", kind: "analytics", criticality: "medium", lifecycle: "active", vendor: "Tableau", description: "Marketing performance and merchandising dashboards.", marketing: M.ops, it: I.data },
  { key: "hotjar", name: "Hotjar", kind: "analytics", criticality: "low", lifecycle: "active", vendor: "Hotjar", description: "Heatmaps and session recordings on the store.", marketing: M.brand, it: I.web },
  { key: "snowflake-warehouse", name: "Snowflake data warehouse", kind: "data-store", criticality: "critical", lifecycle: "active", vendor: "Snowflake", description: "Orders, customers and campaign data for reporting.", marketing: M.ops, it: I.data },
  { key: "segment-cdp", name: "Segment customer data platform", kind: "data-store", criticality: "high", lifecycle: "active", vendor: "Twilio Segment", description: "Event collection and audiences for every channel.", marketing: M.ops, it: I.data },
  { key: "loyalty-database", name: "Loyalty programme database", kind: "data-store", criticality: "high", lifecycle: "active", vendor: "Amazon RDS for PostgreSQL", description: "Points, tiers and rewards of 400,000 members.", marketing: M.campaigns, it: I.infra },
  { key: "linkedin-page", name: "LinkedIn company page", kind: "social-account", criticality: "medium", lifecycle: "active", vendor: "LinkedIn", url: "https://www.linkedin.com/company/northwind-example", description: "Corporate news and employer brand.", marketing: M.brand, it: I.infra },
  { key: "instagram-account", name: "Instagram account", kind: "social-account", criticality: "medium", lifecycle: "active", vendor: "Meta", description: "Main consumer channel, 310,000 followers.", marketing: M.brand, it: I.infra },
  { key: "tiktok-account", name: "TikTok account", kind: "social-account", criticality: "low", lifecycle: "active", vendor: "TikTok", description: "Short-form video, run with an agency.", marketing: M.brand, it: I.infra },
  { key: "youtube-channel", name: "YouTube channel", kind: "social-account", criticality: "low", lifecycle: "active", vendor: "Google", description: "Product videos and how-tos.", marketing: M.brand, it: I.infra },
  { key: "x-account", name: "X account", kind: "social-account", criticality: "low", lifecycle: "active", vendor: "X", description: "Customer service replies and announcements.", marketing: M.brand, it: I.infra },
  { key: "meta-ads", name: "Meta Ads account", kind: "ad-account", criticality: "high", lifecycle: "active", vendor: "Meta", description: "Facebook and Instagram advertising, the largest paid budget.", marketing: M.campaigns, it: I.infra },
  { key: "google-ads", name: "Google Ads account", kind: "ad-account", criticality: "critical", lifecycle: "active", vendor: "Google", description: "Search and shopping campaigns.", marketing: M.campaigns, it: I.infra },
  { key: "linkedin-ads", name: "LinkedIn Ads account", kind: "ad-account", criticality: "medium", lifecycle: "active", vendor: "LinkedIn", description: "Wholesale lead generation.", marketing: M.campaigns, it: I.infra },
  { key: "tiktok-ads", name: "TikTok Ads account", kind: "ad-account", criticality: "low", lifecycle: "active", vendor: "TikTok", description: "Test budget for younger audiences.", marketing: M.campaigns, it: I.infra },
  { key: "ios-app", name: "Northwind iOS app", kind: "mobile-app", criticality: "high", lifecycle: "active", vendor: "Apple App Store", description: "Shopping and loyalty app for iPhone.", marketing: M.brand, it: I.web },
  { key: "android-app", name: "Northwind Android app", kind: "mobile-app", criticality: "high", lifecycle: "active", vendor: "Google Play", description: "Shopping and loyalty app for Android.", marketing: M.brand, it: I.web },
  { key: "store-finder-app", name: "Store finder app (next generation)", kind: "mobile-app", criticality: "medium", lifecycle: "planned", vendor: "In-house", description: "Replacement of the store locator, due next quarter.", marketing: M.brand, it: I.web },
  { key: "website-chatbot", name: "Website chatbot", kind: "chatbot", criticality: "medium", lifecycle: "active", vendor: "Intercom Fin", description: "Answers order and returns questions on the store.", marketing: M.brand, it: I.web },
  { key: "whatsapp-assistant", name: "WhatsApp shopping assistant", kind: "chatbot", criticality: "low", lifecycle: "active", vendor: "Twilio", description: "Order tracking and product questions on WhatsApp.", marketing: M.campaigns, it: I.web },
  { key: "zapier-lead-sync", name: "Zapier lead sync", kind: "integration", criticality: "high", lifecycle: "active", vendor: "Zapier", description: "Pushes trade-show and webinar leads into HubSpot and Salesforce.", marketing: M.ops, it: I.data },
  { key: "shopify-erp-connector", name: "Shopify to ERP connector", kind: "integration", criticality: "critical", lifecycle: "active", vendor: "Celigo", description: "Orders and stock levels between the store and the ERP.", marketing: M.campaigns, it: I.data },
  { key: "segment-snowflake-pipeline", name: "Segment to Snowflake pipeline", kind: "integration", criticality: "high", lifecycle: "active", vendor: "Fivetran", description: "Loads events and audiences into the warehouse.", marketing: M.ops, it: I.data },
  { key: "ad-conversions-api", name: "Ad platform conversions API", kind: "integration", criticality: "medium", lifecycle: "active", vendor: "Stape", description: "Server-side conversions for Meta and Google Ads.", marketing: M.campaigns, it: I.web },
  { key: "slack-alerts-bot", name: "Marketing alerts Slack bot", kind: "integration", criticality: "low", lifecycle: "active", vendor: "Make", description: "Posts campaign and budget alerts into Slack.", marketing: M.ops, it: I.infra },
  { key: "brand-asset-library", name: "Brand asset library", kind: "cms", criticality: "medium", lifecycle: "active", vendor: "Bynder", description: "Logos, photography and usage rights.", marketing: M.brand, it: I.infra },
];
