import { publicLink } from "@/lib/config/public-origin";
import { TEAM_FUNCTIONS } from "@/lib/people/schemas";
import { listResponse, MAX_PAGE_SIZE } from "./list-response";
import { SCHEMA } from "./protocol";

/**
 * What a provider reads to learn what Tandem supports (RFC 7643 sections 5-7): PATCH and filters yes; bulk,
 * sorting, ETags and password changes no (people sign in with their password or single sign-on, never one a
 * provider sets).
 */

const meta = (resourceType: string, path: string) => ({
  resourceType,
  location: publicLink(`/scim/v2/${path}`),
});

export function serviceProviderConfig() {
  return {
    schemas: [SCHEMA.serviceProviderConfig],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_PAGE_SIZE },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: "oauthbearertoken",
        name: "Bearer token",
        description:
          "A SCIM token made in Settings -> Service tokens (SCIM provisioning) or by npm run token:create -- --scim.",
        primary: true,
      },
    ],
    meta: meta("ServiceProviderConfig", "ServiceProviderConfig"),
  };
}

const resourceTypes = [
  {
    schemas: [SCHEMA.resourceType],
    id: "User",
    name: "User",
    endpoint: "/Users",
    description: "A person",
    schema: SCHEMA.user,
    meta: meta("ResourceType", "ResourceTypes/User"),
  },
  {
    schemas: [SCHEMA.resourceType],
    id: "Group",
    name: "Group",
    endpoint: "/Groups",
    description: "A team",
    schema: SCHEMA.group,
    schemaExtensions: [{ schema: SCHEMA.tandemGroup, required: false }],
    meta: meta("ResourceType", "ResourceTypes/Group"),
  },
];

type Attribute = {
  name: string;
  type: string;
  multiValued?: boolean;
  required?: boolean;
  mutability?: string;
  subAttributes?: Attribute[];
  canonicalValues?: readonly string[];
};

/** An attribute's definition with RFC 7643's defaults spelled out, as providers expect every field. */
const attribute = ({
  multiValued = false,
  required = false,
  mutability = "readWrite",
  ...rest
}: Attribute): Record<string, unknown> => ({
  multiValued,
  required,
  mutability,
  caseExact: false,
  returned: "default",
  uniqueness: "none",
  ...rest,
  ...(rest.subAttributes ? { subAttributes: rest.subAttributes.map(attribute) } : {}),
});

const strings = (...names: string[]): Attribute[] => names.map((name) => ({ name, type: "string" }));

const schemas = [
  {
    id: SCHEMA.user,
    name: "User",
    attributes: [
      { name: "userName", type: "string", required: true },
      { name: "externalId", type: "string" },
      { name: "displayName", type: "string" },
      {
        name: "name",
        type: "complex",
        subAttributes: strings("formatted", "givenName", "familyName"),
      },
      {
        name: "emails",
        type: "complex",
        multiValued: true,
        mutability: "readOnly",
        subAttributes: [...strings("value", "type"), { name: "primary", type: "boolean" }],
      },
      { name: "active", type: "boolean" },
      {
        name: "groups",
        type: "complex",
        multiValued: true,
        mutability: "readOnly",
        subAttributes: strings("value", "display"),
      },
    ],
  },
  {
    id: SCHEMA.group,
    name: "Group",
    attributes: [
      { name: "displayName", type: "string", required: true },
      { name: "externalId", type: "string" },
      {
        name: "members",
        type: "complex",
        multiValued: true,
        subAttributes: [
          { name: "value", type: "string" },
          { name: "display", type: "string", mutability: "readOnly" },
        ],
      },
    ],
  },
  {
    id: SCHEMA.tandemGroup,
    name: "Tandem team",
    attributes: [{ name: "function", type: "string", canonicalValues: TEAM_FUNCTIONS }],
  },
].map((schema) => ({
  schemas: [SCHEMA.schema],
  ...schema,
  attributes: schema.attributes.map(attribute),
  meta: meta("Schema", `Schemas/${schema.id}`),
}));

/** RFC 7644 section 4: the discovery lists are ListResponses too. */
export const listResourceTypes = () => listResponse(resourceTypes, {});
export const listSchemas = () => listResponse(schemas, {});
export const findResourceType = (id: string) => resourceTypes.find((type) => type.id === id);
export const findSchema = (id: string) => schemas.find((schema) => schema.id === id);
